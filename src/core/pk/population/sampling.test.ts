import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { findPkModel } from "../models.js";
import { resolveParameters } from "../parameters.js";
import { choleskyLower } from "./choleskyLower.js";
import { createRng } from "./createRng.js";
import { sampleSubjects } from "./sampleSubjects.js";
import { standardNormals } from "./standardNormal.js";
import { subjectsFromTable } from "./subjectsFromTable.js";

const gupta2017 = findPkModel("ixazomib-gupta2017");

describe("createRng", () => {
  it("is deterministic: the same stream for a seed on every platform (golden values)", () => {
    const rng = createRng(42);
    const first = [rng(), rng(), rng()];
    // Recorded once; integer-only arithmetic makes these exact everywhere.
    expect(first).toEqual(GOLDEN_42);
    const again = createRng(42);
    expect([again(), again(), again()]).toEqual(first);
    expect(createRng(43)()).not.toBe(first[0]);
  });

  it("gives uniforms in (0, 1) with the right mean and variance", () => {
    const rng = createRng(7);
    let sum = 0;
    let sum2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = rng();
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
      sum2 += u * u;
    }
    // SE of the mean √(1/12/n) = 6.5e-4; of the variance ≈ 2e-4: 5 SE tolerances.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(3.3e-3);
    expect(Math.abs(sum2 / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(1e-3);
  });

  it("standard normals have mean 0 and variance 1", () => {
    const z = standardNormals(createRng(3), new Float64Array(200_001));
    let s = 0;
    let s2 = 0;
    for (const v of z) {
      s += v;
      s2 += v * v;
    }
    const n = z.length;
    expect(Math.abs(s / n)).toBeLessThan(0.0112); // 5 SE
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.016); // 5 SE (√(2/n))
  });

  it("rejects a non-integer seed", () => {
    expect(() => createRng(1.5)).toThrow(InputError);
  });
});

describe("choleskyLower", () => {
  it("factors a positive-definite and a semi-definite matrix", () => {
    expect(Array.from(choleskyLower([4, 2, 2, 2], 2))).toEqual([2, 0, 1, 1]);
    expect(Array.from(choleskyLower([1, 0, 0, 0], 2))).toEqual([1, 0, 0, 0]);
  });
  it("rejects asymmetric and indefinite matrices", () => {
    expect(() => choleskyLower([1, 2, 0, 1], 2)).toThrow(InputError);
    expect(() => choleskyLower([1, 2, 2, 1], 2)).toThrow(/not positive semi-definite/);
    expect(() => choleskyLower([1, 2, 3], 2)).toThrow(InputError);
  });
});

describe("sampleSubjects on ixazomib-gupta2017", () => {
  const n = 20_000;
  const subjects = sampleSubjects(gupta2017, n, createRng(20240601));
  const typical = resolveParameters(gupta2017);

  it("log-parameters have the model's Ω: variances and covariance within 4 % (≈ 4 SE), correlation 0.82", () => {
    const names = ["CL", "F", "V4"];
    const eta = names.map((name) => Float64Array.from(subjects, (s) => Math.log(s[name]! / typical[name]!)));
    const mean = eta.map((e) => e.reduce((a, b) => a + b, 0) / n);
    const cov = (i: number, j: number) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += (eta[i]![k]! - mean[i]!) * (eta[j]![k]! - mean[j]!);
      return s / (n - 1);
    };
    // SE of a variance ≈ σ²√(2/n) = 1 %; of the CL–F covariance √((σ²σ² + σ12²)/n) = 1.1 %.
    expect(Math.abs(cov(0, 0) / 0.17697 - 1)).toBeLessThan(0.04);
    expect(Math.abs(cov(1, 1) / 0.42726 - 1)).toBeLessThan(0.04);
    expect(Math.abs(cov(0, 1) / 0.2255 - 1)).toBeLessThan(0.04);
    expect(Math.abs(cov(2, 2) / 0.48492 - 1)).toBeLessThan(0.04);
    expect(Math.abs(cov(0, 2))).toBeLessThan(0.01); // uncorrelated in the model
    const correlation = cov(0, 1) / Math.sqrt(cov(0, 0) * cov(1, 1));
    expect(Math.abs(correlation - 0.2255 / Math.sqrt(0.17697 * 0.42726))).toBeLessThan(0.01); // 0.8197
    for (const m of mean) expect(Math.abs(m)).toBeLessThan(0.025); // 5 SE of √(0.485/n)
  });

  it("leaves parameters without IIV at their typical values", () => {
    for (const name of ["ka", "V2", "Q3", "V3", "Q4", "tlag"]) {
      expect(subjects.every((s) => s[name] === typical[name])).toBe(true);
    }
  });

  it("is deterministic for a seed, and a prefix of a larger sample", () => {
    const a = sampleSubjects(gupta2017, 5, createRng(1));
    expect(sampleSubjects(gupta2017, 5, createRng(1))).toEqual(a);
    expect(sampleSubjects(gupta2017, 10, createRng(1)).slice(0, 5)).toEqual(a);
    expect(sampleSubjects(gupta2017, 5, createRng(2))).not.toEqual(a);
  });

  it("applies covariates (BSA on V4) under the IIV", () => {
    // A constant 'rng' gives the same η to both subjects, so the V4 ratio is the covariate effect alone.
    const rng = () => 0.5;
    const [small] = sampleSubjects(gupta2017, 1, rng, { covariates: [{ BSA: 1.5 }] });
    const [large] = sampleSubjects(gupta2017, 1, () => 0.5, { covariates: { BSA: 2.2 } });
    expect(large!.V4! / small!.V4!).toBeCloseTo((2.2 / 1.5) ** 2.06, 12);
    expect(() => sampleSubjects(gupta2017, 2, rng, { covariates: [{ BSA: 1.5 }] })).toThrow(InputError);
    expect(() => sampleSubjects(gupta2017, 1, rng, { covariates: { WT: 70 } })).toThrow(/unknown covariate/);
  });
});

describe("subjectsFromTable", () => {
  it("splits covariates from parameter overrides and names the subject in errors", () => {
    const [p] = subjectsFromTable(gupta2017, [{ id: "9", values: { CL: 1.2, BSA: 2.0 } }]);
    expect(p!.CL).toBe(1.2);
    expect(p!.V4).toBeCloseTo(205 * (2.0 / 1.87) ** 2.06, 10);
    expect(() => subjectsFromTable(gupta2017, [{ id: "9", values: { Cl: 1 } }])).toThrow(
      /^subject 9: invalid parameters for model 'ixazomib-gupta2017': overrides.Cl: unknown parameter/,
    );
  });
});

const GOLDEN_42 = [0.6606157208001622, 0.11170196395322246, 0.07910564561449146];
