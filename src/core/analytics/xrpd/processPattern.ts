import { InputError } from "../../errors.js";
import { snipBackground } from "./background.js";
import type { Diffractogram } from "./diffractogram.js";
import { stripKAlpha2 } from "./kAlpha2.js";
import { findPowderPeaks, PEAK_SEARCH_DEFAULTS, type PeakSearchOptions } from "./peaks.js";

const RAD = Math.PI / 180;

/** A peak of the contract's peak list. */
export interface PeakListEntry {
  /** Kα1 position, degrees 2θ. */
  twoTheta: number;
  /** Bragg d-spacing at Kα1: d = λ₁ / (2 sin θ), Å. */
  dSpacing_A: number;
  /** Net height relative to the strongest peak (= 100). */
  relIntensity: number;
  /** Net height (pattern units) and FWHM (degrees 2θ) of the fitted top. */
  height: number;
  fwhm: number;
}

/** Options of {@link processPattern}. */
export interface ProcessOptions extends PeakSearchOptions {
  /**
   * SNIP half window in degrees 2θ (≈ 2 × the widest peak's FWHM). When absent: 1°, widened to twice the
   * median FWHM of the strong lines (≥ 10 %) found with 1° when they are broader (nanocrystalline samples).
   */
  backgroundWindowDeg?: number;
  /** Strip Kα2 (Rachinger) when the wavelength gives Kα2 and the ratio. @default true */
  stripKAlpha2?: boolean;
}

/** Defaults of {@link ProcessOptions}. */
export const PROCESS_DEFAULTS = {
  backgroundWindowDeg: 1,
  stripKAlpha2: true,
  ...PEAK_SEARCH_DEFAULTS,
} as const;

/** The widest automatic background window, degrees 2θ. */
const MAX_AUTO_WINDOW_DEG = 10;

/** What {@link processPattern} returns: the curves it made and the peak list. */
export interface ProcessedPattern {
  wavelength_A: number;
  background: Float64Array;
  /** Background-subtracted and (when done) Kα2-stripped intensity. */
  net: Float64Array;
  kAlpha2Stripped: boolean;
  peaks: PeakListEntry[];
  /** The SNIP half window used, degrees 2θ. */
  backgroundWindowDeg: number;
  warnings: string[];
}

/** Bragg's law: d = λ / (2 sin θ), in the unit of λ. */
export function braggD(twoThetaDeg: number, wavelength: number): number {
  return wavelength / (2 * Math.sin((twoThetaDeg * RAD) / 2));
}

/** Bragg's law inverted: 2θ (degrees) of a d-spacing; NaN when λ > 2d. */
export function braggTwoTheta(d: number, wavelength: number): number {
  const s = wavelength / (2 * d);
  return s < 1 ? (2 * Math.asin(s)) / RAD : Number.NaN;
}

/**
 * Powder pattern to peak list: SNIP background, Kα2 stripping by Rachinger with the pattern's Kα1/Kα2/ratio,
 * peak search with refined tops, d-spacings at Kα1 and relative intensities (strongest = 100).
 * @throws InputError when the pattern has no wavelength.
 */
export function processPattern(pattern: Diffractogram, options: ProcessOptions = {}): ProcessedPattern {
  if (options.backgroundWindowDeg !== undefined)
    return processWith(pattern, options, options.backgroundWindowDeg);
  const first = processWith(pattern, options, PROCESS_DEFAULTS.backgroundWindowDeg);
  const widths = first.peaks
    .filter((p) => p.relIntensity >= 10)
    .map((p) => p.fwhm)
    .sort((a, b) => a - b);
  const median = widths.length ? widths[widths.length >> 1]! : 0;
  const wanted = Math.min(MAX_AUTO_WINDOW_DEG, 2 * median);
  return wanted > PROCESS_DEFAULTS.backgroundWindowDeg * 1.2 ? processWith(pattern, options, wanted) : first;
}

function processWith(pattern: Diffractogram, options: ProcessOptions, windowDeg: number): ProcessedPattern {
  const wl = pattern.wavelength;
  if (!wl) throw new InputError("the pattern has no wavelength: give one (e.g. --wavelength 1.5406)");
  if (!(windowDeg > 0)) throw new InputError(`backgroundWindowDeg: expected > 0, found ${windowDeg}`);
  const { twoTheta, intensity } = pattern;
  const n = twoTheta.length;
  const step = (twoTheta[n - 1]! - twoTheta[0]!) / (n - 1);
  const background = snipBackground(intensity, windowDeg / step);
  let net: Float64Array = new Float64Array(n);
  for (let i = 0; i < n; i++) net[i] = intensity[i]! - background[i]!;
  const warnings: string[] = [];
  let stripped = false;
  if (options.stripKAlpha2 ?? PROCESS_DEFAULTS.stripKAlpha2) {
    if (wl.kAlpha2_A) {
      const ratio = wl.ratio ?? 0.5;
      if (wl.ratio === undefined) warnings.push("no Kα2/Kα1 ratio in the file: 0.5 used for Kα2 stripping");
      net = stripKAlpha2(twoTheta, net, wl.kAlpha1_A, wl.kAlpha2_A, ratio);
      stripped = true;
    } else if (wl.kAlpha1_A > 1.5 && wl.kAlpha1_A < 1.55) {
      warnings.push("no Kα2 wavelength known: Kα2 not stripped (Kα2 peaks may be listed at high angles)");
    }
  }
  const found = findPowderPeaks(twoTheta, net, intensity, options);
  const strongest = found.reduce((m, p) => Math.max(m, p.height), 0);
  const peaks = found.map((p) => ({
    twoTheta: p.twoTheta,
    dSpacing_A: braggD(p.twoTheta, wl.kAlpha1_A),
    relIntensity: (100 * p.height) / strongest,
    height: p.height,
    fwhm: p.fwhm,
  }));
  return {
    wavelength_A: wl.kAlpha1_A,
    background,
    net,
    kAlpha2Stripped: stripped,
    peaks,
    backgroundWindowDeg: windowDeg,
    warnings,
  };
}
