// Unit tests of the IC50 curve fit: classes, options, symmetry, x = 0, ROUT, errors, kernel derivatives.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gaussian, mulberry32 } from "../../random/mulberry32.js";
import * as barrel from "./fit.js";
import { CURVE_FIT_DEFAULTS, fitCurve } from "./fitCurve.js";
import { accumulateNormalEquations, fourPLResponse, prepareCurveData } from "./fourPL.js";
import { ROUT, robustResidualSd } from "./rout.js";

/** Ten 3-fold dilutions from 10 µM, in duplicate (20 points). */
const CONC = Float64Array.from({ length: 20 }, (_, k) => 10_000 / 3 ** (k % 10));

/** A synthetic 4PL curve on CONC with Gaussian noise of SD `sd` (% activity). */
function synthetic(seed: number, sd: number, p = { bottom: 2, top: 98, lx: 1.5, hill: 1.1 }): Float64Array {
  const rand = mulberry32(seed);
  return Float64Array.from(
    CONC,
    (x) => fourPLResponse(x, p.bottom, p.top, p.lx, p.hill) + gaussian(rand) * sd,
  );
}

describe("classes (DEFINITIONS.md §7)", () => {
  it("insufficient_data: fewer than 5 points", () => {
    const fit = fitCurve(Float64Array.of(1, 10, 100, 1000), Float64Array.of(95, 70, 30, 5));
    expect(fit).toMatchObject({ class: "insufficient_data", ic50_nM: null, ic50Qualifier: null, nPoints: 4 });
    expect(fit.warnings).toEqual([
      "insufficient data: 4 points at 4 concentrations; a 4PL fit needs ≥ 5 points at ≥ 4 concentrations",
    ]);
  });

  it("insufficient_data: fewer than 4 distinct concentrations however many points", () => {
    const fit = fitCurve(Float64Array.of(1, 1, 10, 10, 100, 100), Float64Array.of(95, 96, 60, 55, 5, 6));
    expect(fit).toMatchObject({ class: "insufficient_data", nConcentrations: 3, nPoints: 6 });
  });

  it('inactive: < 30 % mean inhibition everywhere → IC50 "> highest concentration", optimum kept aside', () => {
    const rand = mulberry32(7);
    const flat = Float64Array.from(CONC, () => 95 + gaussian(rand) * 3);
    const fit = fitCurve(CONC, flat);
    expect(fit.class).toBe("inactive");
    expect(fit.ic50_nM).toBe(10_000);
    expect(fit.ic50Qualifier).toBe(">");
    expect(fit.maxInhibitionPct).toBeLessThan(30);
    expect(fit.hill).toBeNull();
    expect(fit.log10Ic50).toBeNull();
    expect(fit.fitUnreliable === null || Number.isFinite(fit.fitUnreliable.ic50_nM)).toBe(true);
  });

  it("fit_failed: no start converges when the least-squares optimum lies at infinity", () => {
    // Inhibition only at the lowest concentration: the RSS keeps falling as hill → ∞ (a step between
    // the two lowest concentrations), so there is no finite minimum for any start to converge to.
    const conc = Float64Array.from({ length: 10 }, (_, k) => 10_000 / 3 ** k);
    const pct = Float64Array.of(0.9, 7.0, -5.1, 3.1, 6.2, 5.5, -2.6, -3.3, 30.3, 78.6);
    const fit = fitCurve(conc, pct);
    expect(fit.class).toBe("fit_failed");
    expect(fit.converged).toBe(false);
    expect(fit.ic50_nM).toBeNull();
    expect(fit.fitUnreliable).not.toBeNull();
    expect(fit.warnings[0]).toMatch(/^fit failed: none of the 12 starting points converged/);
  });

  it("active: a clean synthetic curve returns its parameters", () => {
    const fit = fitCurve(CONC, synthetic(1, 0.5));
    expect(fit.class).toBe("active");
    expect(fit.ic50Qualifier).toBe("=");
    expect(Math.abs(fit.log10Ic50! - 1.5)).toBeLessThan(0.02);
    expect(Math.abs(fit.hill! - 1.1)).toBeLessThan(0.05);
    expect(fit.df).toBe(16);
    expect(fit.warnings).toEqual([]);
  });
});

describe("parameterisation", () => {
  it("a rising curve is reported with hill > 0: top is the x → 0 plateau (the low one here)", () => {
    const rising = synthetic(2, 1, { bottom: 95, top: 5, lx: 2, hill: 1.3 });
    const fit = fitCurve(CONC, rising);
    expect(fit.class).toBe("active");
    expect(fit.hill!).toBeGreaterThan(0);
    expect(Math.abs(fit.hill! - 1.3)).toBeLessThan(0.1);
    expect(Math.abs(fit.top! - 5)).toBeLessThan(2);
    expect(Math.abs(fit.bottom! - 95)).toBeLessThan(2);
    // The same curve written the other way round, (b, t, h) → (t, b, −h), is the same model.
    for (const x of [0.5, 10, 100, 3000]) {
      expect(fourPLResponse(x, fit.bottom!, fit.top!, fit.log10Ic50!, fit.hill!)).toBeCloseTo(
        fourPLResponse(x, fit.top!, fit.bottom!, fit.log10Ic50!, -fit.hill!),
        10,
      );
    }
  });

  it("fixed top: top is the given value, not fitted, and df = n − 3", () => {
    const fit = fitCurve(CONC, synthetic(3, 2), { fixTop: 100 });
    expect(fit.top).toBe(100);
    expect(fit.seTop).toBeNull();
    expect(fit.seBottom).not.toBeNull();
    expect(fit.df).toBe(CONC.length - 3);
  });

  it("fixed top and bottom: only IC50 and hill are fitted, df = n − 2", () => {
    const fit = fitCurve(CONC, synthetic(3, 2), { fixTop: 100, fixBottom: 0 });
    expect(fit).toMatchObject({ top: 100, bottom: 0, seTop: null, seBottom: null, df: CONC.length - 2 });
    expect(Math.abs(fit.log10Ic50! - 1.5)).toBeLessThan(0.05);
  });

  it("x = 0 rows are the x → 0 limit: same fit as with a vanishingly small concentration", () => {
    const conc = Float64Array.of(0, 0, 0, ...CONC);
    const pct = Float64Array.of(99, 101, 97, ...synthetic(4, 2));
    const withZero = fitCurve(conc, pct);
    const tiny = conc.map((x) => (x === 0 ? 1e-30 : x));
    const withTiny = fitCurve(tiny, pct);
    expect(withZero.class).toBe("active");
    expect(withZero.nConcentrations).toBe(11);
    expect(withZero.minConc_nM).toBe(0);
    expect(withZero.nPoints).toBe(23);
    expect(withZero.ic50_nM!).toBeCloseTo(withTiny.ic50_nM!, 6);
    expect(withZero.top!).toBeCloseTo(withTiny.top!, 6);
    expect(withZero.seLog10Ic50!).toBeCloseTo(withTiny.seLog10Ic50!, 6);
  });

  it("the profile CI contains the Wald CI's centre and is open where the data cannot bound it", () => {
    const fit = fitCurve(CONC, synthetic(5, 2), { profileCi: true });
    const [lo, hi] = fit.ci95Log10Profile!;
    expect(lo!).toBeLessThan(fit.log10Ic50!);
    expect(hi!).toBeGreaterThan(fit.log10Ic50!);
    expect(Math.abs(lo! - fit.ci95Log10Wald![0])).toBeLessThan(0.05);
    // IC50 4 µM with the bottom plateau untested and noise SD 5 %: nothing bounds the IC50 from above
    // (a lower bottom trades off against a higher IC50 for ever).
    const partial = synthetic(2, 5, { bottom: 0, top: 100, lx: 3.6, hill: 1.5 });
    const open = fitCurve(CONC, partial, { profileCi: true });
    expect(open.class).toBe("active");
    expect(open.ci95Log10Profile![0]!).toBeLessThan(open.log10Ic50!);
    expect(open.ci95Log10Profile![1]).toBeNull();
    expect(open.warnings).toContain("the profile-likelihood CI of log10 IC50 is open on at least one side");
  });
});

describe("ROUT outliers (Motulsky & Brown 2006)", () => {
  it("flags a planted outlier, refits without it and says so", () => {
    const pct = synthetic(11, 3);
    pct[13] = pct[13]! + 35;
    const fit = fitCurve(CONC, pct, { outliers: "rout" });
    expect(fit.outlierIndices).toEqual([13]);
    expect(fit.nPoints).toBe(19);
    expect(fit.df).toBe(15);
    expect(fit.warnings).toContain(
      "ROUT (Q = 1 %) flagged 1 outlier(s) at input index 13; they are excluded from this fit",
    );
    const clean = synthetic(11, 3);
    const reference = fitCurve(
      Float64Array.from(CONC.filter((_, i) => i !== 13)),
      Float64Array.from(clean.filter((_, i) => i !== 13)),
    );
    expect(fit.ic50_nM!).toBeCloseTo(reference.ic50_nM!, 8);
  });

  it("flags nothing on a clean curve, and nothing is flagged unless asked", () => {
    const pct = synthetic(11, 3);
    expect(fitCurve(CONC, pct, { outliers: "rout" }).outlierIndices).toEqual([]);
    const planted = pct.slice();
    planted[13] = planted[13]! + 35;
    expect(fitCurve(CONC, planted).outlierIndices).toEqual([]);
  });

  it("RSDR is the 68.27th percentile of |r| (Hyndman–Fan type 7) × N/(N − K)", () => {
    const r = Float64Array.of(-1, 2, -3, 4, 5, -6, 7, 8, 9, -10);
    // h = 9 × 0.6827 = 6.1443: 7 + 0.1443 × (8 − 7)
    expect(robustResidualSd(r, 4)).toBeCloseTo((7.1443 * 10) / 6, 12);
    expect(ROUT.rsdrPercentile).toBe(0.6827);
  });
});

describe("bad input is rejected with a message naming what, where and the fix", () => {
  const x = Float64Array.of(1, 10, 100, 1000, 10_000);
  const y = Float64Array.of(95, 80, 50, 20, 5);
  it.each([
    [
      Float64Array.of(1, 10),
      y,
      {},
      "fitCurve: conc_nM has 2 values but pctActivity has 5; pass one response per concentration",
    ],
    [
      Float64Array.of(1, 10, -100, 1000, 10_000),
      y,
      {},
      "fitCurve: conc_nM[2] is -100; concentrations must be ≥ 0 nM (0 = no compound)",
    ],
    [
      Float64Array.of(1, Number.NaN, 100, 1000, 10_000),
      y,
      {},
      "fitCurve: conc_nM[1] is NaN; expected a finite concentration ≥ 0 nM",
    ],
    [
      x,
      Float64Array.of(95, 80, 50, Number.NaN, 5),
      {},
      "fitCurve: pctActivity[3] is NaN; expected a finite % activity. Remove the point or fix its source",
    ],
    [x, y, { fixTop: Number.NaN }, "fitCurve: options.fixTop must be a finite % activity, found NaN"],
    [
      x,
      y,
      { fixTop: 50, fixBottom: 50 },
      "fitCurve: options.fixTop and options.fixBottom are both 50, which makes the curve flat; fix at most one plateau at that value",
    ],
    [
      x,
      y,
      { routQ: 1 },
      "fitCurve: options.routQ must be a fraction in (0, 1) such as 0.01 for 1 %, found 1",
    ],
    [x, y, { outliers: "grubbs" }, 'fitCurve: options.outliers must be "none" or "rout", found "grubbs"'],
    [
      x,
      y,
      { seMethod: "bootstrap" },
      'fitCurve: options.seMethod must be "gauss-newton" or "hessian", found "bootstrap"',
    ],
  ] as const)("%#", (conc, pct, options, message) => {
    expect(() => fitCurve(conc, pct, options as never)).toThrow(message);
    try {
      fitCurve(conc, pct, options as never);
    } catch (error) {
      expect((error as Error).name).toBe("InputError");
    }
  });
});

describe("contracts", () => {
  it("documents the defaults it uses (@default tags match CURVE_FIT_DEFAULTS)", () => {
    const source = readFileSync(new URL("./fitCurve.ts", import.meta.url), "utf8");
    const documented = Object.fromEntries(
      [...source.matchAll(/@default (\S+)\s*\*\/\n\s+(\w+)\?:/g)].map((m) => [m[2], JSON.parse(m[1]!)]),
    );
    expect(documented).toEqual({ ...CURVE_FIT_DEFAULTS });
  });

  it("the barrel exports exactly the public surface", () => {
    expect(Object.keys(barrel).sort()).toEqual([
      "CLASS_RULES",
      "CURVE_FIT_DEFAULTS",
      "classifyByData",
      "fitCurve",
      "fourPLResponse",
      "summarizeConcentrations",
    ]);
  });

  it("the kernel's Jacobian and curvature terms agree with central differences", () => {
    const data = prepareCurveData(Float64Array.of(0, ...CONC), Float64Array.of(100, ...synthetic(8, 3)));
    const p = Float64Array.of(3, 97, 1.4, 1.2);
    const out = new Float64Array(21);
    accumulateNormalEquations(data, p, out, true);
    // g = Jᵀr is half the gradient of the RSS; half the Hessian is JᵀJ + Σ r∇²y.
    const packed = [
      [4, 5, 6, 7],
      [5, 8, 9, 10],
      [6, 9, 11, 12],
      [7, 10, 12, 13],
    ];
    const curvature = [
      [-1, -1, 14, 15],
      [-1, -1, 16, 17],
      [14, 16, 18, 19],
      [15, 17, 19, 20],
    ];
    const gradientAt = (q: Float64Array) => {
      const o = new Float64Array(21);
      accumulateNormalEquations(data, q, o);
      return o.slice(0, 4);
    };
    for (let j = 0; j < 4; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(p[j]!));
      const plus = p.slice();
      const minus = p.slice();
      plus[j] = p[j]! + h;
      minus[j] = p[j]! - h;
      const dRss =
        (accumulateNormalEquations(data, plus, new Float64Array(21)) -
          accumulateNormalEquations(data, minus, new Float64Array(21))) /
        (2 * h);
      expect(dRss / 2).toBeCloseTo(out[j]!, 4);
      const gPlus = gradientAt(plus);
      const gMinus = gradientAt(minus);
      for (let i = 0; i < 4; i++) {
        const numeric = (gPlus[i]! - gMinus[i]!) / (2 * h);
        const c = curvature[i]![j]!;
        const analytic = out[packed[i]![j]!]! + (c >= 0 ? out[c]! : 0);
        expect(Math.abs(numeric - analytic) / Math.max(1, Math.abs(analytic)), `H[${i}][${j}]`).toBeLessThan(
          1e-5,
        );
      }
    }
  });
});

describe("exact (noiseless) data", () => {
  it("converges on a zero-residual 4PL curve and returns its parameters (IC50 4 nM, Hill 1, 0–100 %)", () => {
    // The residuals are rounding there, so the relative-offset test alone would never pass.
    const x = Float64Array.of(0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000);
    const y = x.map((c) => 100 / (1 + c / 4));
    const fit = fitCurve(x, y);
    expect(fit.class).toBe("active");
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.ic50_nM! / 4 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(fit.hill! - 1)).toBeLessThan(1e-12);
  });
});
