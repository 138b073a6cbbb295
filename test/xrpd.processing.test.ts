import { describe, expect, it } from "vitest";
import {
  braggD,
  braggTwoTheta,
  CU_K_ALPHA,
  matchPattern,
  processPattern,
  referencePeaksOf,
  SYNTHETIC_FORMS,
  type SyntheticForm,
  simulatePattern,
  snipBackground,
  stripKAlpha2,
  TYPICAL_CU_SCAN,
} from "../src/core/analytics/xrpd/index.js";

// Synthetic patterns with known lines (seeded): Kα1 + Kα2 pseudo-Voigt doublets at Bragg angles of known
// d-spacings, a sloping background with a low-angle hump, and √I counting noise. The expected answers are
// the generator's own line list, so each tolerance below is the or follows from it.
const simulate = (forms: SyntheticForm[], seed: number, noise = true) =>
  simulatePattern({
    forms,
    ...TYPICAL_CU_SCAN,
    seed,
    noise,
  });

describe("Bragg's law", () => {
  it("d = λ / (2 sin θ) and back", () => {
    // Si (111), a = 5.431020511 Å (CODATA 2018): d = a/√3 = 3.135601 Å; Si (111) is tabulated at 28.44° 2θ
    // for Cu Kα1 (PDF 27-1402: 28.443° at 1.540598 Å).
    const d = 5.431020511 / Math.sqrt(3);
    expect(braggD(28.443, 1.540598)).toBeCloseTo(d, 3);
    expect(braggTwoTheta(d, 1.5406)).toBeCloseTo(28.442, 3);
    expect(braggD(braggTwoTheta(d, 1.5406), 1.5406)).toBeCloseTo(d, 12);
  });
});

describe("SNIP background and Rachinger Kα2 stripping", () => {
  it("SNIP follows a smooth background under peaks (within 2 % away from the lines)", () => {
    const { pattern } = simulate([SYNTHETIC_FORMS.formA], 1, false);
    const bg = snipBackground(pattern.intensity, 1 / 0.02);
    for (let i = 0; i < pattern.twoTheta.length; i += 25) {
      const x = pattern.twoTheta[i]!;
      const truth = 200 - 2 * x + 600 * Math.exp(-x / 10);
      // SNIP clips from below: never above the data, and close to the true background far from lines.
      expect(bg[i]!).toBeLessThanOrEqual(pattern.intensity[i]! + 1e-9);
      if (x > 5 && x < 39) expect(Math.abs(bg[i]! - truth) / truth).toBeLessThan(0.06);
    }
  });

  it("strips the Kα2 line of noise-free doublets to within 1 % of the pure Kα1 pattern", () => {
    // Reference: the same lines generated without Kα2 (ratio 0). Rachinger assumes the Kα2 profile is the
    // Kα1 one shifted; the generator makes exactly that, so only interpolation error remains.
    const spec = {
      forms: [{ dSpacings_A: [2.0, 1.6, 1.2], heights: [1000, 600, 300] }],
      twoThetaStart: 40,
      twoThetaEnd: 85,
      step: 0.01,
      fwhm: 0.1,
      eta: 0.3,
      background: { a: 0, b: 0, c: 0 },
      seed: 1,
      noise: false,
    };
    const doublets = simulatePattern({ ...spec, wavelength: CU_K_ALPHA });
    const pure = simulatePattern({ ...spec, wavelength: { ...CU_K_ALPHA, ratio: 0 } });
    const { twoTheta, intensity } = doublets.pattern;
    const stripped = stripKAlpha2(twoTheta, intensity, 1.5406, 1.54439, 0.5);
    let worst = 0;
    for (let i = 0; i < twoTheta.length; i++)
      worst = Math.max(worst, Math.abs(stripped[i]! - pure.pattern.intensity[i]!));
    expect(worst).toBeLessThan(10); // 1 % of the strongest line (1000)
    const at = Math.round((braggTwoTheta(2.0, 1.54439) - 40) / 0.01);
    expect(intensity[at]! - pure.pattern.intensity[at]!).toBeGreaterThan(400); // there was a Kα2 line
  });
});

describe("peak search on synthetic patterns", () => {
  for (const seed of [1, 2, 3]) {
    it(`finds every line within 0.01° 2θ (issue tolerance), d within the matching tolerance (seed ${seed})`, () => {
      const { pattern, lines } = simulate([SYNTHETIC_FORMS.formA], seed);
      const out = processPattern(pattern);
      expect(out.kAlpha2Stripped).toBe(true);
      expect(out.wavelength_A).toBe(1.5406);
      // Every line is found; noise on the Lorentzian tails may add a weak maximum, never above 3 %.
      const extra = out.peaks.filter((p) => !lines.some((l) => Math.abs(p.twoTheta - l.twoTheta) < 0.05));
      expect(extra.every((p) => p.relIntensity < 3)).toBe(true);
      const strongest = Math.max(...lines.map((l) => l.height));
      for (const line of lines) {
        const peak = out.peaks.find((p) => Math.abs(p.twoTheta - line.twoTheta) < 0.05);
        expect(peak, `line at ${line.twoTheta}`).toBeDefined();
        expect(Math.abs(peak!.twoTheta - line.twoTheta)).toBeLessThan(0.01);
        // d error allowed by a 0.01° position error: Δd = d·cot θ·Δθ.
        const d = braggD(line.twoTheta, 1.5406);
        const theta = (line.twoTheta * Math.PI) / 360;
        expect(Math.abs(peak!.dSpacing_A - d)).toBeLessThan(
          d * (1 / Math.tan(theta)) * ((0.005 * Math.PI) / 180),
        );
        // Heights: counting noise of √I on a few points; ±4 % of the strongest.
        expect(Math.abs(peak!.relIntensity - (100 * line.height) / strongest)).toBeLessThan(4);
      }
      expect(Math.max(...out.peaks.map((p) => p.relIntensity))).toBe(100);
    });
  }

  it("refines noise-free lines to 0.001°", () => {
    const { pattern, lines } = simulate([SYNTHETIC_FORMS.formA], 1, false);
    const out = processPattern(pattern);
    for (const line of lines) {
      const peak = out.peaks.find((p) => Math.abs(p.twoTheta - line.twoTheta) < 0.05);
      expect(Math.abs(peak!.twoTheta - line.twoTheta)).toBeLessThan(0.001);
    }
  });

  it("lists no Kα2 line as a peak when Kα2 is stripped, and does without stripping", () => {
    const { pattern, lines } = simulate([SYNTHETIC_FORMS.formA], 4);
    const kAlpha2 = lines
      .map((l) => braggTwoTheta(braggD(l.twoTheta, 1.5406), 1.54439))
      .filter((t) => t > 30);
    const stripped = processPattern(pattern);
    for (const t of kAlpha2) expect(stripped.peaks.some((p) => Math.abs(p.twoTheta - t) < 0.02)).toBe(false);
  });
});

describe("form matching", () => {
  const refA = { name: "formA", peaks: referencePeaksOf(SYNTHETIC_FORMS.formA, 1.5406) };
  const refB = { name: "formB", peaks: referencePeaksOf(SYNTHETIC_FORMS.formB, 1.5406) };

  it("picks the right form and reports no second form for a pure sample", () => {
    for (const [form, name] of [
      [SYNTHETIC_FORMS.formA, "formA"],
      [SYNTHETIC_FORMS.formB, "formB"],
    ] as const) {
      const out = processPattern(simulate([form], 11).pattern);
      const m = matchPattern(out.peaks, [refA, refB], [4, 40]);
      expect(m.bestMatch).toBe(name);
      expect(m.otherFormsPresent).toEqual([]);
      const best = m.matches[0]!;
      expect(best.unmatchedPeaks).toBe(0);
      expect(best.score).toBeGreaterThan(95);
      expect(m.matches[1]!.score).toBeLessThan(best.score - 20);
    }
  });

  it("detects the second form of a 75:25 mixture by its characteristic peaks", () => {
    const out = processPattern(
      simulate([SYNTHETIC_FORMS.formA, { ...SYNTHETIC_FORMS.formB, scale: 0.25 }], 21).pattern,
    );
    const m = matchPattern(out.peaks, [refA, refB], [4, 40]);
    expect(m.bestMatch).toBe("formA");
    expect(m.otherFormsPresent).toEqual(["formB"]);
    const b = m.matches.find((x) => x.reference === "formB")!;
    expect(b.present).toBe(true);
    // Form B's six lines without a form-A line within 0.2° are its characteristic peaks; all are seen.
    expect(b.characteristicTotal).toBe(6);
    expect(b.characteristicObserved).toBe(6);
  });

  it("scores an exact stick list 100 and an empty overlap 0", () => {
    const exact = matchPattern(refA.peaks, [refA], [4, 40]);
    expect(exact.matches[0]!.score).toBeCloseTo(100, 10);
    const none = matchPattern([{ twoTheta: 39, relIntensity: 100 }], [refA], [4, 40]);
    expect(none.matches[0]!.score).toBe(0);
    expect(none.bestMatch).toBeNull();
  });
});
