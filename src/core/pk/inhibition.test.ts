import { describe, expect, it } from "vitest";
import { beta5Inhibition } from "./inhibition.js";

describe("beta5Inhibition", () => {
  it("is 50 % at the IC50 and follows the Hill equation", () => {
    // 3.4 nM unbound = 340 nM total = 340e-9 mol/L × 361.03 g/mol = 122.75 µg/L = 122.75 ng/mL.
    const atIc50 = (3.4 / 0.01) * (361.03 / 1000);
    const [half, quarter] = beta5Inhibition(Float64Array.of(atIc50, atIc50 / 3), { ic50_nM: 3.4 });
    expect(half).toBeCloseTo(50, 10);
    expect(quarter).toBeCloseTo(25, 10);
    const [steep] = beta5Inhibition(Float64Array.of(atIc50 * 2), { ic50_nM: 3.4, hill: 2 });
    expect(steep).toBeCloseTo(80, 10);
  });
  it("uses the blood-to-plasma ratio for whole blood", () => {
    const [wb] = beta5Inhibition(Float64Array.of((3.4 / 10) * (361.03 / 1000)), {
      ic50_nM: 3.4,
      basis: "whole-blood",
    });
    expect(wb).toBeCloseTo(50, 10);
  });
  it("rejects a non-positive IC50", () => {
    expect(() => beta5Inhibition(Float64Array.of(1), { ic50_nM: 0 })).toThrow(
      "inhibition link: ic50_nM must be a positive number, found 0",
    );
  });
});
