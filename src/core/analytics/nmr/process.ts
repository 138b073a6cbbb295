import { correctBaseline, noiseSigma } from "./baseline.js";
import { type PickedPeak, pickPeaks } from "./peaks.js";
import { applyPhase, autoPhase, type Phase } from "./phase.js";
import { findRanges, type IntegrationRange, integrate } from "./ranges.js";
import { residualShare } from "./residualShare.js";
import { findSolvent, residualShift } from "./solvents.js";
import { transformFid } from "./transform.js";
import type { NmrData, NmrFid, NmrSpectrum } from "./types.js";

/** How the ppm axis was set. */
export type ReferenceMethod = "solvent" | "tms" | "file";

/** Options of {@link processNmr}; every field has a default in {@link NMR_DEFAULTS}. */
export interface NmrProcessOptions {
  /** Exponential line broadening, Hz. @default 0.3 for ¹H, 1 for other nuclei */
  lineBroadeningHz?: number;
  /** Gaussian broadening (FWHM, Hz). @default 0 */
  gaussianHz?: number;
  /** Zero-filling factor over the next power of two of the FID length. @default 2 */
  zeroFill?: number;
  /** Phase in degrees (pivot at the centre), or "auto" (ACME). @default "auto" */
  phase?: Phase | "auto";
  /** Polynomial baseline correction. @default true */
  baseline?: boolean;
  /** "solvent": the residual solvent peak is moved to its table value; "tms": the TMS peak to 0; "file": as the file says. @default "solvent" */
  reference?: ReferenceMethod;
  /** Solvent name overriding the file's (e.g. "DMSO-d6"). */
  solvent?: string;
  /** Process the vendor's processed spectrum (1r) instead of the FID when both exist. @default false */
  useProcessed?: boolean;
  /** Peaks must exceed this many noise SDs. @default 8 */
  minSignalToNoise?: number;
  /** …and this fraction of the tallest peak. @default 0.01 */
  minRelativeHeight?: number;
  /** Lines closer than this (Hz) form one multiplet and one range. @default 16 for ¹H, 2 otherwise */
  multipletGapHz?: number;
}

/** The documented defaults of {@link NmrProcessOptions}. */
export const NMR_DEFAULTS = {
  lineBroadeningHz1H: 0.3,
  lineBroadeningHzOther: 1,
  gaussianHz: 0,
  zeroFill: 2,
  baseline: true,
  reference: "solvent" as ReferenceMethod,
  useProcessed: false,
  minSignalToNoise: 8,
  minRelativeHeight: 0.01,
  multipletGapHz1H: 16,
  multipletGapHzOther: 2,
  /** Ranges extend until y falls below this fraction of their smallest line… */
  rangeEdgeFraction: 0.005,
  /** …and at least this many line widths (FWHM of the tallest peak) beyond their outer lines. */
  rangeMinExtentWidths: 10,
} as const;

/** A processed spectrum with its peaks and ranges. */
export interface NmrProcessed {
  nucleus: string;
  frequencyMHz: number;
  /** The solvent's table id when recognised (`DMSO-d6`), else as the file names it, else null. */
  solvent: string | null;
  firstPpm: number;
  stepPpm: number;
  /** Real spectrum, phased and baseline-corrected, high ppm first. */
  y: Float64Array;
  /** Applied phase, or null for a processed spectrum (used as it is). */
  phase: Phase | null;
  referencing: { method: ReferenceMethod; shiftPpm: number; peakPpm?: number };
  /** Noise standard deviation, spectrum units. */
  noise: number;
  /** Picked peaks, high ppm first. */
  peaks: PickedPeak[];
  /** Automatic ranges, high ppm first. */
  ranges: IntegrationRange[];
  /**
   * Reported integral = (raw integral − its `solventIntegral`) × this: the ranges other than the
   * solvent's sum to 100.
   */
  integralScale: number;
  /**
   * Index of the range that is the solvent residual's alone (every line in it within 2 line widths of the
   * residual shift), or −1. A residual inside a compound range does not make it the solvent's: its
   * estimated share is split off into that range's `solventIntegral` (see {@link residualShare}).
   */
  solventRange: number;
  source: { vendor: string; file: string; kind: "fid" | "spectrum" };
  warnings: string[];
}

/**
 * Processes an NMR data set to a referenced real spectrum with peaks and integration ranges. FIDs:
 * group-delay removal, apodization, zero filling, FFT ({@link transformFid}), automatic ACME phase,
 * polynomial baseline; then noise, peak picking, referencing and automatic ranges.
 */
export function processNmr(data: NmrData, options: NmrProcessOptions = {}): NmrProcessed {
  const useFid = data.fid && !(options.useProcessed && data.spectrum);
  const warnings: string[] = [];
  let y: Float64Array;
  let firstPpm: number;
  let stepPpm: number;
  let phase: Phase | null = null;
  let meta: NmrFid | NmrSpectrum;
  if (useFid) {
    const fid = data.fid!;
    meta = fid;
    warnings.push(...fid.warnings);
    const is1H = /^1H$/i.test(fid.nucleus);
    const lb =
      options.lineBroadeningHz ??
      (is1H ? NMR_DEFAULTS.lineBroadeningHz1H : NMR_DEFAULTS.lineBroadeningHzOther);
    const transformOptions = {
      lineBroadeningHz: lb,
      gaussianHz: options.gaussianHz ?? NMR_DEFAULTS.gaussianHz,
      zeroFill: options.zeroFill ?? NMR_DEFAULTS.zeroFill,
      maxPoints: 0,
    };
    const spec = transformFid(fid, transformOptions);
    phase =
      options.phase && options.phase !== "auto" ? options.phase : autoPhase(spec.re, spec.im, fid.reverse);
    applyPhase(spec.re, spec.im, phase);
    y = spec.re;
    firstPpm = spec.firstPpm;
    stepPpm = spec.stepPpm;
  } else if (data.spectrum) {
    const s = data.spectrum;
    meta = s;
    warnings.push(...s.warnings);
    y = Float64Array.from(s.re);
    firstPpm = s.ppm[0]!;
    stepPpm = s.ppm.length > 1 ? (s.ppm[s.ppm.length - 1]! - s.ppm[0]!) / (s.ppm.length - 1) : -1;
    if (stepPpm > 0) {
      y.reverse();
      firstPpm = s.ppm[s.ppm.length - 1]!;
      stepPpm = -stepPpm;
    }
  } else {
    throw new Error("processNmr: no FID and no spectrum");
  }
  if (options.baseline ?? NMR_DEFAULTS.baseline) correctBaseline(y);
  const noise = noiseSigma(y);
  let max = 0;
  for (let i = 0; i < y.length; i++) if (y[i]! > max) max = y[i]!;
  const threshold = Math.max(
    (options.minSignalToNoise ?? NMR_DEFAULTS.minSignalToNoise) * noise,
    (options.minRelativeHeight ?? NMR_DEFAULTS.minRelativeHeight) * max,
  );
  const peaks = pickPeaks(y, firstPpm, stepPpm, threshold);

  // Referencing: move the axis so the chosen peak sits at its table value.
  const solventEntry = findSolvent(options.solvent ?? meta.solvent);
  const solvent = solventEntry?.id ?? options.solvent ?? meta.solvent ?? null;
  const method = options.reference ?? NMR_DEFAULTS.reference;
  const is1H = /^1H$/i.test(meta.nucleus);
  let referencing: NmrProcessed["referencing"] = { method: "file", shiftPpm: 0 };
  const expected =
    method === "tms"
      ? 0
      : method === "solvent" && solventEntry
        ? residualShift(solventEntry, meta.nucleus)
        : null;
  if (method === "solvent" && !solventEntry)
    warnings.push(
      `solvent '${meta.solvent ?? "unknown"}' not in the residual table; the file's referencing is kept`,
    );
  if (expected !== null && method !== "file") {
    const hit = findReferencePeak(peaks, expected, is1H ? 0.1 : 1.0, is1H ? 0.01 : 0.1);
    if (hit) {
      const shift = expected - hit.ppm;
      referencing = { method, shiftPpm: shift, peakPpm: hit.ppm };
      firstPpm += shift;
      for (const p of peaks) p.ppm += shift;
    } else {
      warnings.push(
        `no ${method === "tms" ? "TMS" : `${solvent} residual`} peak within ${is1H ? 0.1 : 1} ppm of ${expected} ppm; the file's referencing is kept`,
      );
    }
  }
  const swHz = Math.abs(stepPpm) * y.length * meta.referenceFrequencyMHz;
  const hzPerPoint = swHz / y.length;
  const gapHz =
    options.multipletGapHz ?? (is1H ? NMR_DEFAULTS.multipletGapHz1H : NMR_DEFAULTS.multipletGapHzOther);
  const ranges = findRanges(y, firstPpm, stepPpm, peaks, {
    clusterGapPoints: Math.max(1, Math.round(gapHz / hzPerPoint)),
    edgeFraction: NMR_DEFAULTS.rangeEdgeFraction,
    edgeLevel: 2 * noise,
    minExtentPoints: Math.round(NMR_DEFAULTS.rangeMinExtentWidths * lineWidthPoints(y, peaks)),
  });
  const residual = solventEntry ? residualShift(solventEntry, meta.nucleus) : null;
  const solventRange = apportionSolvent(y, firstPpm, stepPpm, peaks, ranges, residual, warnings, solvent);
  let total = 0;
  ranges.forEach((r, i) => {
    if (i !== solventRange) total += r.rawIntegral - (r.solventIntegral ?? 0);
  });
  const integralScale = total > 0 ? 100 / total : 1;
  peaks.sort((a, b) => b.ppm - a.ppm);
  return {
    nucleus: meta.nucleus,
    frequencyMHz: meta.frequencyMHz,
    solvent,
    firstPpm,
    stepPpm,
    y,
    phase,
    referencing,
    noise,
    peaks,
    ranges,
    integralScale,
    solventRange,
    source: { vendor: meta.vendor, file: meta.source, kind: useFid ? "fid" : "spectrum" },
    warnings,
  };
}

/**
 * The reference peak: among picked peaks within ±`window` ppm of the expected shift (and ≥ 5 % of the
 * tallest there), the one closest to it; then the tallest within ±`cluster` ppm of that one, which is the
 * centre line of a multiplet such as DMSO-d5's quintet.
 */
export function findReferencePeak(
  peaks: readonly PickedPeak[],
  expected: number,
  window: number,
  cluster: number,
): PickedPeak | undefined {
  const near = peaks.filter((p) => Math.abs(p.ppm - expected) <= window);
  if (near.length === 0) return undefined;
  const top = Math.max(...near.map((p) => p.height));
  const candidates = near.filter((p) => p.height >= 0.05 * top);
  const closest = candidates.reduce((a, b) =>
    Math.abs(b.ppm - expected) < Math.abs(a.ppm - expected) ? b : a,
  );
  return candidates
    .filter((p) => Math.abs(p.ppm - closest.ppm) <= cluster)
    .reduce((a, b) => (b.height > a.height ? b : a));
}

/** Full width at half height of the tallest picked peak, points (≥ 1). */
export function lineWidthPoints(y: Float64Array, peaks: readonly PickedPeak[]): number {
  if (peaks.length === 0) return 1;
  const top = peaks.reduce((a, b) => (b.height > a.height ? b : a));
  const half = top.height / 2;
  let a = top.index;
  while (a > 0 && y[a]! > half) a--;
  let b = top.index;
  while (b < y.length - 1 && y[b]! > half) b++;
  // linear interpolation of the half-height crossings
  const left = a + (half - y[a]!) / (y[a + 1]! - y[a]! || 1);
  const right = b - (half - y[b]!) / (y[b - 1]! - y[b]! || 1);
  return Math.max(1, right - left);
}

/**
 * Integrals of user ranges (ppm pairs, either order) on the same scale as the automatic ranges; a range
 * that covers a compound range's split-off residual share (its whole automatic range) loses it too.
 */
export function integrateRanges(processed: NmrProcessed, ranges: readonly [number, number][]): number[] {
  const shares = processed.ranges.filter((r) => (r.solventIntegral ?? 0) > 0);
  return ranges.map(([a, b]) => {
    const hi = Math.max(a, b);
    const lo = Math.min(a, b);
    let raw = integrate(processed.y, processed.firstPpm, processed.stepPpm, hi, lo);
    for (const r of shares) if (hi >= r.from - 1e-4 && lo <= r.to + 1e-4) raw -= r.solventIntegral!;
    return raw * processed.integralScale;
  });
}

/**
 * Finds the range holding the residual solvent line: when all its lines are within 2 line widths of the
 * residual shift it is the solvent's (returned); otherwise it is a compound range and the residual's
 * estimated share is set as its `solventIntegral`, with a warning giving the share. @returns the solvent's
 * range index or −1.
 */
function apportionSolvent(
  y: Float64Array,
  firstPpm: number,
  stepPpm: number,
  peaks: readonly PickedPeak[],
  ranges: IntegrationRange[],
  residual: number | null,
  warnings: string[],
  solvent: string | null,
): number {
  if (residual === null) return -1;
  const k = ranges.findIndex((r) => r.from >= residual && r.to <= residual);
  if (k < 0) return -1;
  const range = ranges[k]!;
  const fwhmPpm = lineWidthPoints(y, peaks) * Math.abs(stepPpm);
  if (range.peaks.every((p) => Math.abs(p - residual) <= 2 * fwhmPpm)) return k;
  const share = residualShare(y, firstPpm, stepPpm, range, residual, fwhmPpm);
  range.solventIntegral = share.integral;
  const pct = range.rawIntegral > 0 ? (100 * share.integral) / range.rawIntegral : 0;
  warnings.push(
    `the ${solvent ?? "solvent"} residual (${residual} ppm) lies inside the compound range ${range.from.toFixed(3)}–${range.to.toFixed(3)} ppm: ${pct.toFixed(1)} % of it (the part its mirror point about the multiplet centre ${share.centre.toFixed(3)} ppm does not show) is taken as the residual's and left out of the range's integral`,
  );
  return -1;
}
