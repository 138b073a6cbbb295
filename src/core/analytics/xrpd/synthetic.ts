import { gaussian, mulberry32 } from "../../random/mulberry32.js";
import type { Diffractogram, Wavelength } from "./diffractogram.js";
import { braggTwoTheta } from "./processPattern.js";

/** One crystalline form of a synthetic pattern: reflections by d-spacing (Å) and peak height. */
export interface SyntheticForm {
  dSpacings_A: readonly number[];
  heights: readonly number[];
  /** Scale of this form in a mixture. @default 1 */
  scale?: number;
}

/** Settings of {@link simulatePattern}. */
export interface SyntheticPatternSpec {
  forms: readonly SyntheticForm[];
  wavelength: Wavelength & { kAlpha2_A: number; ratio: number };
  twoThetaStart: number;
  twoThetaEnd: number;
  step: number;
  /** FWHM of every line, degrees 2θ, and the Lorentzian fraction η of the pseudo-Voigt. */
  fwhm: number;
  eta: number;
  /** Background a + b·(2θ) + c·exp(−2θ/10) (an amorphous/air hump at low angle). */
  background: { a: number; b: number; c: number };
  seed: number;
  /** Add Poisson-like noise √I·N(0,1). @default true */
  noise?: boolean;
}

/** Height-normalised pseudo-Voigt: η·Lorentzian + (1−η)·Gaussian of the same FWHM, 1 at the centre. */
export function pseudoVoigt(x: number, centre: number, fwhm: number, eta: number): number {
  const u = (2 * (x - centre)) / fwhm;
  return eta / (1 + u * u) + (1 - eta) * Math.exp(-Math.LN2 * u * u);
}

/**
 * A synthetic powder pattern with known lines: each reflection is a Kα1 pseudo-Voigt at Bragg's angle for
 * λ₁ plus its Kα2 line at λ₂ (height × ratio), on a smooth background, with seeded counting noise.
 * Returns the pattern and the exact Kα1 positions, for tests and benchmarks.
 */
export function simulatePattern(spec: SyntheticPatternSpec): {
  pattern: Diffractogram;
  lines: { twoTheta: number; height: number; form: number }[];
} {
  const n = Math.round((spec.twoThetaEnd - spec.twoThetaStart) / spec.step) + 1;
  const twoTheta = new Float64Array(n);
  const intensity = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = spec.twoThetaStart + i * spec.step;
    twoTheta[i] = x;
    intensity[i] = spec.background.a + spec.background.b * x + spec.background.c * Math.exp(-x / 10);
  }
  const lines: { twoTheta: number; height: number; form: number }[] = [];
  const { kAlpha1_A, kAlpha2_A, ratio } = spec.wavelength;
  const reach = spec.fwhm * 40;
  spec.forms.forEach((form, f) => {
    const scale = form.scale ?? 1;
    form.dSpacings_A.forEach((d, k) => {
      const h = (form.heights[k] ?? 0) * scale;
      const t1 = braggTwoTheta(d, kAlpha1_A);
      const t2 = braggTwoTheta(d, kAlpha2_A);
      if (!Number.isFinite(t1)) return;
      lines.push({ twoTheta: t1, height: h, form: f });
      for (let i = 0; i < n; i++) {
        const x = twoTheta[i]!;
        if (Math.abs(x - t1) < reach) intensity[i]! += h * pseudoVoigt(x, t1, spec.fwhm, spec.eta);
        if (Number.isFinite(t2) && Math.abs(x - t2) < reach)
          intensity[i]! += h * ratio * pseudoVoigt(x, t2, spec.fwhm, spec.eta);
      }
    });
  });
  if (spec.noise ?? true) {
    const rand = mulberry32(spec.seed);
    for (let i = 0; i < n; i++)
      intensity[i] = Math.max(0, intensity[i]! + Math.sqrt(intensity[i]!) * gaussian(rand));
  }
  lines.sort((a, b) => a.twoTheta - b.twoTheta);
  return {
    pattern: {
      twoTheta,
      intensity,
      wavelength: { ...spec.wavelength },
      metadata: { format: "synthetic" },
      warnings: [],
    },
    lines,
  };
}

/**
 * Two invented crystalline forms for tests, benchmarks and demos (not real substances): "Form A" and
 * "Form B" share five reflections and each has characteristic ones (no line of the other within 0.3° 2θ
 * at Cu Kα1).
 */
export const SYNTHETIC_FORMS: Readonly<Record<"formA" | "formB", SyntheticForm>> = {
  formA: {
    dSpacings_A: [14.7, 9.8, 7.35, 5.9, 4.91, 4.42, 3.98, 3.67, 3.33, 3.02, 2.71, 2.45],
    heights: [800, 3000, 1200, 500, 2500, 900, 1800, 700, 1500, 400, 600, 300],
  },
  formB: {
    dSpacings_A: [11.2, 9.8, 6.3, 5.9, 4.65, 4.15, 3.98, 3.45, 3.33, 2.85, 2.45],
    heights: [2600, 1400, 1900, 600, 1200, 3000, 900, 1700, 800, 700, 500],
  },
};

/** Cu Kα1/Kα2 as Bruker and ICDD tabulate them (1.5406, 1.54439 Å, ratio 0.5). */
export const CU_K_ALPHA = {
  kAlpha1_A: 1.5406,
  kAlpha2_A: 1.54439,
  ratio: 0.5,
  source: "Cu Kα (synthetic)",
} as const;

/**
 * The scan most synthetic patterns here use: Cu Kα, 4–40° 2θ in 0.02° steps, lines of 0.12° FWHM
 * (η 0.4) on a sloping background with a low-angle hump. Spread it and add `forms` and `seed`.
 */
export const TYPICAL_CU_SCAN = {
  wavelength: CU_K_ALPHA,
  twoThetaStart: 4,
  twoThetaEnd: 40,
  step: 0.02,
  fwhm: 0.12,
  eta: 0.4,
  background: { a: 200, b: -2, c: 600 },
} as const satisfies Omit<SyntheticPatternSpec, "forms" | "seed">;

/** The stick list of a synthetic form at Kα1: 2θ and heights scaled so the strongest is 100. */
export function referencePeaksOf(
  form: SyntheticForm,
  kAlpha1_A: number,
): { twoTheta: number; relIntensity: number }[] {
  const max = Math.max(...form.heights);
  return form.dSpacings_A
    .map((d, k) => ({
      twoTheta: braggTwoTheta(d, kAlpha1_A),
      relIntensity: (100 * (form.heights[k] ?? 0)) / max,
    }))
    .filter((p) => Number.isFinite(p.twoTheta))
    .sort((a, b) => a.twoTheta - b.twoTheta);
}
