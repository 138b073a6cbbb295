import { describe, expect, it } from "vitest";
import { InputError } from "../../../errors.js";
import { hyperlog, hyperlogInverse } from "./hyperlog.js";
import { logicle, logicleInverse, logicleScale } from "./logicle.js";
import { fasinh, fasinhInverse, flin, flinInverse, flog, flogInverse, fratio } from "./transforms.js";

const f64 = (xs: number[]) => Float64Array.from(xs);

function expectClose(actual: Float64Array, expected: number[], tol: number) {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!), `index ${i}`).toBeLessThanOrEqual(tol);
  }
}

describe("logicle (Gating-ML 2.0 §5.3.4, Parks et al. 2006)", () => {
  it("reproduces the Gating-ML 2.0 example values for logicle(x, 1000, 1, 4, 0)", () => {
    const x = f64([-10, -5, -1, 0, 0.3, 1, 3, 10, 100, 1000]);
    const expected = [
      0.067574, 0.147986, 0.228752, 0.25, 0.256384, 0.271248, 0.312897, 0.432426, 0.739548, 1,
    ];
    expectClose(logicle(x, 1000, 1, 4, 0), expected, 5e-7);
  });

  it("maps 0 to x1 = (W + A)/(M + A) and T to 1", () => {
    const y = logicle(f64([0, 10000]), 10000, 0.5, 4.5, 1);
    expect(y[0]).toBeCloseTo(1.5 / 5.5, 14);
    expect(y[1]).toBeCloseTo(1, 14);
  });

  it("solves d with 2(ln d − ln b) + w(b + d) = 0", () => {
    const s = logicleScale(10000, 1, 4.5, 0);
    expect(2 * (Math.log(s.d) - Math.log(s.b)) + s.w * (s.b + s.d)).toBeCloseTo(0, 12);
  });

  it("round-trips through its inverse, W = 0 included", () => {
    const x = f64([-500, -3, -0.01, 0, 0.01, 7, 262144, 1e6]);
    for (const [T, W, M, A] of [
      [262144, 0.5, 4.5, 0],
      [10000, 1, 4, 0.5],
      [1000, 0, 4, 0],
    ] as const) {
      const back = logicleInverse(logicle(x, T, W, M, A), T, W, M, A);
      for (let i = 0; i < x.length; i++) {
        expect(Math.abs(back[i]! - x[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x[i]!)));
      }
    }
  });

  it("rejects parameters outside the specification's domain", () => {
    expect(() => logicle(f64([1]), 1000, 3, 4, 0)).toThrow(InputError);
  });
});

describe("hyperlog (Gating-ML 2.0 §5.3.5)", () => {
  it("maps 0 to x1, T to 1, and round-trips through its inverse", () => {
    const x = f64([-1000, -1, 0, 1, 50, 10000, 1e5]);
    const y = hyperlog(x, 10000, 1, 4.5, 0);
    expect(y[2]).toBeCloseTo(1 / 4.5, 14);
    expect(y[5]).toBeCloseTo(1, 14);
    const back = hyperlogInverse(y, 10000, 1, 4.5, 0);
    for (let i = 0; i < x.length; i++) {
      expect(Math.abs(back[i]! - x[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x[i]!)));
    }
  });
});

describe("flin, flog, fasinh, fratio (Gating-ML 2.0 §5.3.1–5.3.3, §5.4)", () => {
  const x = f64([-100, 0.5, 1, 250, 10000]);
  it("flin(x, T, A) = (x + A)/(T + A) and its inverse", () => {
    expectClose(flin(x, 10000, 500), [400 / 10500, 500.5 / 10500, 501 / 10500, 750 / 10500, 1], 1e-15);
    expectClose(flinInverse(flin(x, 10000, 500), 10000, 500), [...x], 1e-9);
  });
  it("flog(x, T, M) = log10(x/T)/M + 1, NaN for x ≤ 0, and its inverse", () => {
    const y = flog(x, 10000, 5);
    expect(y[0]).toBeNaN();
    expect(y[4]).toBe(1);
    expect(y[3]).toBeCloseTo(Math.log10(250 / 10000) / 5 + 1, 15);
    expectClose(flogInverse(y.subarray(1), 10000, 5), [...x.subarray(1)], 1e-9);
  });
  it("fasinh maps 0 to A/(M + A), T to 1, and round-trips", () => {
    const y = fasinh(f64([0, 10000]), 10000, 4, 1);
    expect(y[0]).toBeCloseTo(1 / 5, 14);
    expect(y[1]).toBeCloseTo(1, 14);
    expectClose(fasinhInverse(fasinh(x, 10000, 4, 1), 10000, 4, 1), [...x], 1e-9);
  });
  it("fratio(x1, x2, A, B, C) = A(x1 − B)/(x2 − C)", () => {
    expectClose(
      fratio(f64([10, 20]), f64([4, 9]), 2.7, -100, -300),
      [(2.7 * 110) / 304, (2.7 * 120) / 309],
      1e-15,
    );
  });
});
