import { describe, expect, it } from "vitest";
import { compareReference, halfLastDigit } from "./compareReference.js";

describe("compareReference", () => {
  const entry = {
    table: "t",
    property: "Molecular Weight",
    value: 517.12,
    unit: "g/mol",
    source: "guide [5]",
  };
  it("agrees within half a unit of the reference's last digit", () => {
    expect(halfLastDigit(517.12)).toBeCloseTo(0.005, 12);
    expect(halfLastDigit(58)).toBe(0.5);
    const computed = (value: number) => ({ mw: { value, method: "m" } });
    const check = (value: number) =>
      compareReference(
        [{ ...entry, compare: { computed: "mw", tolerance: "last-digit" } }],
        computed(value),
      )[0]?.agrees;
    expect(check(517.119)).toBe(true);
    expect(check(517.125)).toBe(true);
    expect(check(517.127)).toBe(false);
  });
  it("passes entries without a comparison through unchecked", () => {
    const [out] = compareReference([{ ...entry, property: "Melting Point", value: 231, unit: "°C" }], {});
    expect(out).toEqual({ ...entry, property: "Melting Point", value: 231, unit: "°C" });
  });
  it("compares strings exactly", () => {
    const [out] = compareReference(
      [{ ...entry, value: "C2H6O", unit: null, compare: { computed: "formula" } }],
      { formula: { value: "C2H6O", method: "RDKit" } },
    );
    expect(out).toMatchObject({ computed: "C2H6O", computedMethod: "RDKit", agrees: true });
  });
});
