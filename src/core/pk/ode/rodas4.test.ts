import { describe, expect, it } from "vitest";
import type { OdeSystem } from "./odeSystem.js";
import { ODE_DEFAULTS, solveOde } from "./rodas4.js";

describe("solveOde (RODAS4)", () => {
  it("documents its defaults", () => {
    expect(ODE_DEFAULTS).toEqual({ rtol: 1e-8, atol: 1e-10, maxSteps: 100_000 });
  });

  it("solves a stiff linear system (eigenvalues −1 and −1e4) to the requested accuracy, dense output included", () => {
    // y1' = −y1, y2' = −1e4·(y2 − cos t): y2 tracks cos t after a fast transient.
    const system: OdeSystem = {
      dimension: 2,
      derivative(t, y, d) {
        d[0] = -y[0]!;
        d[1] = -1e4 * (y[1]! - Math.cos(t));
      },
      jacobian(_t, _y, out) {
        out.set([-1, 0, 0, -1e4]);
      },
      timeDerivative(t, _y, out) {
        out[0] = 0;
        out[1] = -1e4 * Math.sin(t);
      },
    };
    const times = Float64Array.from({ length: 101 }, (_, i) => i * 0.1);
    const sol = solveOde(system, Float64Array.of(1, 0), 0, 10, times, { rtol: 1e-10, atol: 1e-12 });
    expect(sol.status).toBe("success");
    // Exact: y2 = (1e8·cos t + 1e4·sin t − 1e8·e^{−1e4 t})/(1e8 + 1).
    for (let i = 1; i < times.length; i++) {
      const t = times[i]!;
      expect(Math.abs(sol.y[2 * i]! / Math.exp(-t) - 1)).toBeLessThan(1e-8);
      const exact = (1e8 * Math.cos(t) + 1e4 * Math.sin(t) - 1e8 * Math.exp(-1e4 * t)) / (1e8 + 1);
      expect(Math.abs(sol.y[2 * i + 1]! - exact)).toBeLessThan(1e-8);
    }
    // L-stability: at rtol 1e-6 a few hundred steps, where an explicit method's stability bound alone
    // needs ~1e4·10/2.8 ≈ 36,000. (At 1e-10 this forced, Prothero–Robinson-type problem costs ~5e4 steps:
    // RODAS4's known order reduction on such problems, which Steinebach's Rodas4P removes; the
    // unforced linear PK systems integrated here do not show it.)
    const loose = solveOde(system, Float64Array.of(1, 0), 0, 10, times, { rtol: 1e-6, atol: 1e-8 });
    expect(loose.steps).toBeLessThan(500);
  });

  it("handles a nonlinear, non-autonomous problem with a finite-difference Jacobian", () => {
    // y' = −2t·y², y(0) = 1 → y = 1/(1 + t²).
    const system: OdeSystem = {
      dimension: 1,
      derivative: (t, y, d) => {
        d[0] = -2 * t * y[0]! ** 2;
      },
    };
    const times = Float64Array.of(0, 0.5, 1, 2, 5);
    const sol = solveOde(system, Float64Array.of(1), 0, 5, times, { rtol: 1e-10, atol: 1e-12 });
    times.forEach((t, i) => {
      expect(Math.abs(sol.y[i]! * (1 + t * t) - 1)).toBeLessThan(1e-8);
    });
    expect(sol.yEnd[0]).toBeCloseTo(1 / 26, 9);
  });

  it("reports running out of steps honestly", () => {
    const system: OdeSystem = {
      dimension: 1,
      autonomous: true,
      derivative: (_t, y, d) => {
        d[0] = -y[0]!;
      },
    };
    const sol = solveOde(system, Float64Array.of(1), 0, 100, Float64Array.of(100), {
      maxSteps: 3,
      rtol: 1e-12,
    });
    expect(sol.status).toBe("max-steps");
    expect(Number.isNaN(sol.y[0])).toBe(true);
  });

  it("rejects times outside the interval", () => {
    const system: OdeSystem = {
      dimension: 1,
      derivative: (_t, _y, d) => {
        d[0] = 0;
      },
    };
    expect(() => solveOde(system, Float64Array.of(1), 0, 1, Float64Array.of(2))).toThrow(
      "times[0]: expected sorted times within [0, 1], found 2",
    );
  });
});
