// The stable exponential helpers against direct high-precision-safe formulas where those are accurate,
// and against each other across the branch switch points (continuity to ~1e-15).
import { describe, expect, it } from "vitest";
import { expConvolution, phi1, phi1Derivative, phi1DividedDifference, phi2 } from "./phi.js";

describe("phi functions", () => {
  it("are continuous across their series/formula switches", () => {
    for (const [f, z] of [
      [phi2, 1],
      [phi2, -1],
      [phi1Derivative, 1],
      [phi1Derivative, -1],
    ] as const) {
      expect(Math.abs(f(z * (1 - 1e-15)) / f(z * (1 + 1e-15)) - 1)).toBeLessThan(5e-15);
    }
    expect(phi1(0)).toBe(1);
    expect(phi2(0)).toBe(0.5);
    expect(phi2(-3)).toBeCloseTo((Math.exp(-3) - 1 + 3) / 9, 15);
  });

  it("the divided difference equals (φ1(y) − φ1(x))/(y − x) and is continuous where it switches to quadrature", () => {
    expect(phi1DividedDifference(-1, -2)).toBeCloseTo((phi1(-2) - phi1(-1)) / -1, 15);
    for (const x of [-0.3, -5, -300]) {
      const scale = Math.max(1, Math.abs(x));
      const d = 0.1 * scale;
      const a = phi1DividedDifference(x, x - d * (1 - 1e-15));
      const b = phi1DividedDifference(x, x - d * (1 + 1e-15));
      expect(Math.abs(a / b - 1)).toBeLessThan(5e-14);
      expect(Math.abs(phi1DividedDifference(x, x) / phi1Derivative(x) - 1)).toBeLessThan(1e-14);
    }
  });

  it("expConvolution tends to Δ·e^{λΔ} as μ → λ and never overflows", () => {
    expect(expConvolution(-0.5, -0.5, 2)).toBeCloseTo(2 * Math.exp(-1), 15);
    expect(expConvolution(-0.5, -0.5 - 1e-12, 2) / (2 * Math.exp(-1))).toBeCloseTo(1, 11);
    expect(expConvolution(-0.003, -2.5, 1e6)).toBe(0);
    expect(expConvolution(-1, -3, 1)).toBeCloseTo((Math.exp(-3) - Math.exp(-1)) / -2, 15);
  });
});
