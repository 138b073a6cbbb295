import { InputError } from "../../errors.js";
import {
  differenceNoiseSigma,
  type NoiseEstimate,
  noiseOf,
  quietestNoise,
  savitzkyGolay,
  whittakerSmooth,
} from "../../signal/index.js";
import type { Chromatogram } from "./chromatogram.js";
import { apexOf, baselineAt, detectPeakEvents, type IntegratedPeak, integratePeaks } from "./integrate.js";
import { platesUsp, resolutionUsp, signalToNoiseUsp, tailingUsp, widthAt } from "./suitability.js";

/** A named impurity of a method: expected relative retention to the main peak and the window around it. */
export interface NamedImpurity {
  name: string;
  rrt: number;
  /** Half-width of the accepted RRT range (± window). */
  window: number;
  /**
   * Relative response factor (the impurity's response per amount over the main compound's): its area is
   * divided by it before area %, so that area % estimates the amount. By default 1.
   */
  rrf?: number;
}

/** Processing options; every one has a documented default (see {@link HPLC_DEFAULTS}). */
export interface HplcOptions {
  /** "segments": straight lines from each peak cluster's start to its end, as ChemStation's integrator draws them; "whittaker": first subtract a smooth curve through the non-peak samples (strongly curved drift). @default "segments" */
  baseline?: "whittaker" | "segments";
  /** Whittaker smoothness λ on the block means (blocks of W½/4 samples); by default (10 × W½ / block)⁴, i.e. the baseline bends over ~10 peak widths. */
  baselineLambda?: number;
  /** Half-width of the Savitzky–Golay smoothing window, samples; by default ¼ of the tallest peak's W½. */
  smoothHalfWidth?: number;
  /** Slope sensitivity for peak start/end, signal units per minute; by default 3 × the σ of the smoothed slope in its quietest stretch (10 W½). */
  slopeThreshold?: number;
  /** Area reject (an integration event): smaller peaks, in signal·s, are dropped before area %. @default 0 */
  minArea?: number;
  /** Height reject (an integration event): lower peaks, in signal units, are dropped before area %. @default 0 */
  minHeight?: number;
  /** Peaks with USP S/N = 2H/h below this are not peaks. @default 3 */
  minSignalToNoise?: number;
  /** Blank region for the noise h, minutes; by default the quietest window of 20 × W½. */
  noiseWindow_min?: [number, number];
  /**
   * Timed "baseline now" events, minutes: the smoothed signal there is a baseline point. A peak that spans
   * one is cut there; one just before or after a peak cluster (with no other peak between) is where the
   * cluster's baseline starts or ends instead of the cluster's own ends. By default none.
   */
  baselineNow_min?: number[];
  /** Timed "integration off … on" spans, minutes: peaks whose apex lies in one are not integrated, and
   * take no part in their neighbours' baselines; by default none. */
  integrationOff_min?: Array<[number, number]>;
  /** Integrate only peaks whose apex lies in this range, minutes; by default the whole run. */
  window_min?: [number, number];
  /** Reporting threshold, % of the total area: smaller peaks are neither listed nor in the total. @default 0.05 */
  thresholdPct?: number;
  /** Impurities below this area % are listed but not counted in the total impurities; by default the reporting threshold. */
  disregardLimitPct?: number;
  /** A rider is tangent-skimmed when the parent is at least this many times taller; 0 never skims. @default 10 */
  skimHeightRatio?: number;
  /** …and the rider's height over the valley's height (above the baseline) is below this. @default 20 */
  skimValleyRatio?: number;
  /** Main peak: the peak nearest `rt_min` within ± `window_min`; by default the largest peak. */
  mainPeak?: { rt_min: number; window_min: number; name?: string };
  /** Named impurities, matched by relative retention to the main peak. */
  impurities?: NamedImpurity[];
}

/** The defaults of {@link HplcOptions}; the TSDoc `@default`s are checked against these in the tests. */
export const HPLC_DEFAULTS = {
  baseline: "segments",
  minArea: 0,
  minHeight: 0,
  minSignalToNoise: 3,
  thresholdPct: 0.05,
  skimHeightRatio: 10,
  skimValleyRatio: 20,
} as const;

/** One reported peak. Times in minutes; area in signal units × seconds; height in signal units. */
export interface HplcPeak {
  rt_min: number;
  area: number;
  height: number;
  areaPercent: number;
  widthHalf_min: number | null;
  plates: number | null;
  tailing: number | null;
  /** USP resolution to the previous reported peak; null for the first. */
  resolution: number | null;
  start_min: number;
  end_min: number;
  width5_min: number | null;
  signalToNoise: number;
  /** Retention relative to the main peak. */
  rrt: number;
  /** The method's name for the peak ("main" for the main peak unless named). */
  name: string | null;
  /** Relative response factor its area % was corrected with (a named impurity's, else 1). */
  rrf: number;
  /** B baseline, V valley (drop perpendicular), T tangent skim: at the start and at the end. */
  type: string;
  /** Baseline under the peak at its start and end, in the raw signal's units. */
  baselineStart: number;
  baselineEnd: number;
}

/** The result of {@link analyzeChromatogram}. */
export interface HplcAnalysis {
  peaks: HplcPeak[];
  mainPeak: HplcPeak | null;
  /** Area % of the main peak among the reported peaks. */
  purityPercent: number | null;
  /** Sum of the other reported peaks' area % at or above the disregard limit. */
  totalImpuritiesPercent: number | null;
  noise: {
    peakToPeak: number;
    rms: number;
    from_min: number;
    to_min: number;
    source: "method window" | "quietest window";
  };
  /** The options as resolved (automatic values filled in). */
  settings: {
    baseline: "whittaker" | "segments";
    baselineLambda: number | null;
    smoothHalfWidth: number;
    slopeThreshold: number;
    minArea: number;
    minHeight: number;
    minSignalToNoise: number;
    thresholdPct: number;
    disregardLimitPct: number;
    skimHeightRatio: number;
    skimValleyRatio: number;
    baselineNow_min: number[];
    integrationOff_min: Array<[number, number]>;
  };
  /** The baseline the peaks were integrated above, per sample (raw units). */
  baseline: Float64Array;
  warnings: string[];
}

/**
 * Integrates a chromatogram the way an area-% purity method does: baseline, noise, slope-event peak
 * detection, drop-perpendicular / tangent-skim integration, area %, USP suitability (N, T, Rs, S/N),
 * relative retention and named impurities.
 * @throws InputError when the trace is too short, not increasing in time, or the options contradict.
 * @example analyzeChromatogram(chromatogram, { thresholdPct: 0.05 }).purityPercent
 */
export function analyzeChromatogram(chromatogram: Chromatogram, options: HplcOptions = {}): HplcAnalysis {
  const t = chromatogram.times_min;
  const raw = chromatogram.signal;
  const n = raw.length;
  checkTrace(t, raw);
  const warnings: string[] = [];
  const mode = options.baseline ?? HPLC_DEFAULTS.baseline;
  const dt = (t[n - 1]! - t[0]!) / (n - 1);
  const widthSamples = estimateHalfWidthSamples(raw);
  const smoothHalfWidth = options.smoothHalfWidth ?? Math.max(1, Math.min(50, Math.round(widthSamples / 4)));
  const skimHeightRatio = options.skimHeightRatio ?? HPLC_DEFAULTS.skimHeightRatio;
  const skimValleyRatio = options.skimValleyRatio ?? HPLC_DEFAULTS.skimValleyRatio;
  const curve = new Float64Array(n);
  const y = new Float64Array(n);
  const s = new Float64Array(n);
  const d = new Float64Array(n);
  // Everything that depends on the curve baseline: the corrected signal, its smoothing, slope and noise.
  const prepare = () => {
    for (let i = 0; i < n; i++) y[i] = raw[i]! - curve[i]!;
    const noise = noiseFor(t, y, options, widthSamples);
    savitzkyGolay(y, smoothHalfWidth, 0, s);
    savitzkyGolay(y, smoothHalfWidth, 1, d);
    for (let i = 0; i < n; i++) d[i] = d[i]! / dt;
    const slope = options.slopeThreshold ?? 3 * quietestSigma(d, Math.max(20, 10 * widthSamples));
    if (!(slope > 0)) throw new InputError("slopeThreshold: expected a positive number");
    return {
      noise,
      input: {
        t,
        y,
        s,
        d,
        slope,
        baselineConfirm: Math.max(2, Math.round(widthSamples / 2)),
        endLevel: mode === "whittaker" ? 3 * noise.rms : Number.POSITIVE_INFINITY,
        // The detection limit (USP S/N = 2H/h) a peak must clear above the chord of its own start and end.
        minRise: ((options.minSignalToNoise ?? HPLC_DEFAULTS.minSignalToNoise) / 2) * noise.peakToPeak,
        skimHeightRatio,
        skimValleyRatio,
      },
    };
  };
  let baselineLambda: number | null = null;
  if (mode === "whittaker") {
    // A Whittaker smoother (Eilers 2003) through the samples that are not peaks, on block means (fewer,
    // less noisy points: better conditioned and faster). Peaks are found by their curvature: the smoothed
    // second derivative exceeds 4 robust σ (drift, an offset or a slope have none), widened by 1.5 W½ on
    // each side to take in the peaks' flanks and tails. Weights 0 there and 1 elsewhere: the baseline
    // follows the drift between peaks and is interpolated smoothly under them, with none of the
    // lower-envelope bias of asymmetric least squares on curved drift.
    const block = Math.max(1, Math.floor(widthSamples / 4));
    baselineLambda =
      options.baselineLambda ?? Math.min(1e12, Math.max(10, ((10 * widthSamples) / block) ** 4));
    const curvature = secondDerivative(raw, Math.max(2, Math.round(widthSamples / 3)));
    const limit = 4 * robustSigma(curvature);
    const reach = Math.ceil(1.5 * widthSamples);
    const weights = new Float64Array(Math.ceil(n / block)).fill(1);
    let masked = 0;
    for (let i = 0; i < n; i++) {
      if (Math.abs(curvature[i]!) <= limit) continue;
      const from = Math.floor(Math.max(0, i - reach) / block);
      const to = Math.floor(Math.min(n - 1, i + reach) / block);
      for (let b = from; b <= to; b++)
        if (weights[b] === 1) {
          weights[b] = 0;
          masked++;
        }
      i += reach; // the rest of this window is masked already
    }
    const means = blockMeans(raw, block);
    if (weights.length - masked < 2) weights.fill(1);
    interpolateBlocks(whittakerSmooth(means, weights, baselineLambda), block, curve);
  }
  const { noise, input } = prepare();
  const slopeThreshold = input.slope;
  const off = options.integrationOff_min ?? [];
  for (const [a, b] of off)
    if (!(b > a))
      throw new InputError(`integrationOff_min: expected [from, to] with from < to, found [${a}, ${b}]`);
  const detected = detectPeakEvents(input).filter(
    (p) => !off.some(([a, b]) => t[p.apex]! >= a && t[p.apex]! <= b),
  );
  const baselineNow = [...(options.baselineNow_min ?? [])].sort((a, b) => a - b);
  const anchors = [...new Set(baselineNow.map((time) => sampleAt(t, time, "baselineNow_min")))];
  const integrated = integratePeaks(input, detected, anchors);
  const minSignalToNoise = options.minSignalToNoise ?? HPLC_DEFAULTS.minSignalToNoise;
  const minArea = options.minArea ?? HPLC_DEFAULTS.minArea;
  const minHeight = options.minHeight ?? HPLC_DEFAULTS.minHeight;
  const thresholdPct = options.thresholdPct ?? HPLC_DEFAULTS.thresholdPct;
  const disregardLimitPct = options.disregardLimitPct ?? thresholdPct;
  if (thresholdPct < 0 || thresholdPct >= 100)
    throw new InputError(`thresholdPct: expected 0 ≤ value < 100, found ${thresholdPct}`);
  const [from, to] = options.window_min ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const measured = integrated
    .map((p) => measurePeak(t, y, s, p, noise.peakToPeak, curve))
    .filter(
      (p) =>
        p.area > 0 &&
        p.area >= minArea &&
        p.height > 0 &&
        p.height >= minHeight &&
        p.signalToNoise >= minSignalToNoise &&
        p.rt_min >= from &&
        p.rt_min <= to,
    );
  // The main peak is chosen among the peaks above the reporting threshold; impurities are named, and
  // their response factors applied, among all peaks, so that the threshold applies to corrected area %.
  const total = measured.reduce((sum, p) => sum + p.area, 0);
  const main = pickMainPeak(
    measured.filter((p) => (100 * p.area) / total >= thresholdPct),
    options,
    warnings,
  );
  if (main) {
    main.name = options.mainPeak?.name ?? "main";
    for (const p of measured) p.rrt = p.rt_min / main.rt_min;
    nameImpurities(measured, main, options.impurities ?? [], warnings);
  }
  setAreaPercent(measured);
  const reported = measured.filter((p) => p === main || p.areaPercent >= thresholdPct);
  for (const p of measured) {
    if (p.name !== null && !reported.includes(p))
      warnings.push(
        `named impurity '${p.name}' at ${p.rt_min.toFixed(3)} min: ${p.areaPercent.toFixed(3)} %, below the reporting threshold`,
      );
  }
  setAreaPercent(reported);
  for (let k = 1; k < reported.length; k++) {
    const a = reported[k - 1]!;
    const b = reported[k]!;
    b.resolution =
      a.widthHalf_min !== null && b.widthHalf_min !== null
        ? resolutionUsp(a.rt_min, b.rt_min, a.widthHalf_min, b.widthHalf_min)
        : null;
  }
  if (reported.length === 0) warnings.push("no peaks above the detection and reporting thresholds");
  for (const p of reported.filter((p) => p.type.includes("A"))) {
    // A fall that lasts to the stop time is as often the gradient's baseline change as a peak.
    warnings.push(
      `peak at ${p.rt_min.toFixed(3)} min (${p.areaPercent.toFixed(2)} %) was still falling when the run ended (aborted, "A"): its end and area depend on the stop time; check whether it is a peak or the gradient's baseline (a blank run subtracted shows it), and leave it out with a window or an integration-off event if it is not`,
    );
  }
  const baseline = new Float64Array(n);
  baseline.set(mode === "whittaker" ? curve : s);
  for (const p of integrated) {
    // From a method's baseline point the line is drawn to the cluster too (extrapolating the peak's own).
    for (let i = p.baselineFrom ?? p.start; i <= (p.baselineTo ?? p.end); i++)
      baseline[i] = curve[i]! + baselineAt(t, p, i);
  }
  const impurities = main ? reported.filter((p) => p !== main && p.areaPercent >= disregardLimitPct) : [];
  return {
    peaks: reported,
    mainPeak: main ?? null,
    purityPercent: main ? main.areaPercent : null,
    totalImpuritiesPercent: main ? impurities.reduce((sum, p) => sum + p.areaPercent, 0) : null,
    noise: {
      peakToPeak: noise.peakToPeak,
      rms: noise.rms,
      from_min: t[noise.from]!,
      to_min: t[noise.to - 1]!,
      source: options.noiseWindow_min ? "method window" : "quietest window",
    },
    settings: {
      baseline: mode,
      baselineLambda,
      smoothHalfWidth,
      slopeThreshold,
      minArea,
      minHeight,
      minSignalToNoise,
      thresholdPct,
      disregardLimitPct,
      skimHeightRatio,
      skimValleyRatio,
      baselineNow_min: baselineNow,
      integrationOff_min: off,
    },
    baseline,
    warnings,
  };
}

/** The sample nearest `time` (minutes), which must lie within the run. */
function sampleAt(t: Float64Array, time: number, field: string): number {
  const n = t.length;
  if (!(time >= t[0]! && time <= t[n - 1]!))
    throw new InputError(
      `${field}: ${time} min is outside the run (${t[0]!.toFixed(3)}–${t[n - 1]!.toFixed(3)} min)`,
    );
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! <= time) lo = mid;
    else hi = mid;
  }
  return time - t[lo]! <= t[hi]! - time ? lo : hi;
}

function checkTrace(t: Float64Array, y: Float64Array): void {
  if (t.length !== y.length)
    throw new InputError(`chromatogram: ${t.length} times but ${y.length} signal values`);
  if (t.length < 10) throw new InputError(`chromatogram: expected at least 10 points, found ${t.length}`);
  for (let i = 1; i < t.length; i++) {
    if (!(t[i]! > t[i - 1]!))
      throw new InputError(
        `chromatogram: times must increase, but point ${i + 1} is at ${t[i]} after ${t[i - 1]} min`,
      );
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!))
      throw new InputError(`chromatogram: signal at point ${i + 1} is not a finite number`);
  }
}

/** W½ of the tallest feature above the local floor, samples (≥ 3): the scale for smoothing and the baseline. */
function estimateHalfWidthSamples(y: Float64Array): number {
  const n = y.length;
  const reach = Math.max(5, Math.floor(n / 20));
  // The tallest point relative to its neighbourhood's minimum, on a lightly smoothed copy.
  const s = savitzkyGolay(y, 2, 0);
  let best = 0;
  let bestRise = Number.NEGATIVE_INFINITY;
  const floorOf = (i: number) => {
    let lo = Number.POSITIVE_INFINITY;
    for (let k = Math.max(0, i - reach); k <= Math.min(n - 1, i + reach); k += 4) if (s[k]! < lo) lo = s[k]!;
    return lo;
  };
  // Candidate maxima: local maxima among every 4th sample, ranked by rise above their floor.
  for (let i = 1; i < n - 1; i++) {
    if (s[i]! >= s[i - 1]! && s[i]! > s[i + 1]! && s[i]! - s[best]! > 0) {
      const rise = s[i]! - floorOf(i);
      if (rise > bestRise) {
        bestRise = rise;
        best = i;
      }
    }
  }
  const half = s[best]! - bestRise / 2;
  let left = best;
  while (left > 0 && s[left]! > half) left--;
  let right = best;
  while (right < n - 1 && s[right]! > half) right++;
  return Math.max(3, right - left);
}

/** Savitzky–Golay (quadratic) second derivative per sample², window 2·half + 1. */
function secondDerivative(y: Float64Array, half: number): Float64Array {
  const n = y.length;
  const m = Math.max(1, Math.min(half, Math.floor((n - 1) / 2)));
  const count = 2 * m + 1;
  const meanK2 = (m * (m + 1)) / 3;
  let norm = 0;
  for (let k = -m; k <= m; k++) norm += (k * k - meanK2) ** 2;
  const w = new Float64Array(count);
  for (let k = -m; k <= m; k++) w[k + m] = (2 * (k * k - meanK2)) / norm;
  const out = new Float64Array(n);
  for (let i = m; i < n - m; i++) {
    let sum = 0;
    for (let k = 0; k < count; k++) sum += w[k]! * y[i - m + k]!;
    out[i] = sum;
  }
  return out;
}

function blockMeans(y: Float64Array, block: number): Float64Array {
  const n = y.length;
  const m = Math.ceil(n / block);
  const means = new Float64Array(m);
  for (let b = 0; b < m; b++) {
    const from = b * block;
    const to = Math.min(n, from + block);
    let sum = 0;
    for (let i = from; i < to; i++) sum += y[i]!;
    means[b] = sum / (to - from);
  }
  return means;
}

/** Back from block means to samples: linear between block centres, constant beyond the end centres. */
function interpolateBlocks(z: Float64Array, block: number, out: Float64Array): void {
  const n = out.length;
  const m = z.length;
  const centre = (b: number) => (b * block + Math.min(n, (b + 1) * block) - 1) / 2;
  let b = 0;
  for (let i = 0; i < n; i++) {
    while (b + 2 < m && centre(b + 1) < i) b++;
    if (m === 1) {
      out[i] = z[0]!;
      continue;
    }
    const c0 = centre(b);
    const c1 = centre(b + 1);
    const f = Math.min(1, Math.max(0, (i - c0) / (c1 - c0)));
    out[i] = z[b]! + f * (z[b + 1]! - z[b]!);
  }
}

function noiseFor(
  t: Float64Array,
  y: Float64Array,
  options: HplcOptions,
  widthSamples: number,
): NoiseEstimate {
  if (options.noiseWindow_min) {
    const [a, b] = options.noiseWindow_min;
    const from = lowerIndex(t, a);
    const to = lowerIndex(t, b);
    if (!(b > a) || to - from < 3) {
      throw new InputError(
        `noiseWindow_min: expected a range of at least 3 samples inside ${t[0]}–${t.at(-1)} min, found ${a}–${b}`,
      );
    }
    return noiseOf(t, y, from, to);
  }
  // No blank region named: the quietest window of 20 W½ (the USP <621> / Ph. Eur. 2.2.46 span) of the
  // signal less its smoothing over ±W½, so that gradient drift and baseline humps wider than a peak do not
  // count as noise.
  const window = Math.min(Math.floor(y.length / 5), Math.max(20, 20 * widthSamples));
  const smooth = savitzkyGolay(y, Math.max(2, widthSamples), 0);
  const residual = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) residual[i] = y[i]! - smooth[i]!;
  const estimate = quietestNoise(t, residual, window);
  if (estimate.peakToPeak > 0) return estimate;
  // A noiseless (synthetic) trace: fall back on the difference estimate so that S/N stays finite.
  const sigma = Math.max(differenceNoiseSigma(y), 1e-12);
  return { ...estimate, peakToPeak: 6 * sigma, rms: sigma };
}

function lowerIndex(t: Float64Array, value: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * σ of the slope about its mean in the quietest window (windows overlapping by half): the slope noise of a
 * stretch with no peak, where a drifting baseline only shifts the mean. ChemStation's Autointegrate likewise
 * sets the slope sensitivity from the noise of a peak-free part of the run.
 */
function quietestSigma(d: Float64Array, window: number): number {
  const n = d.length;
  const w = Math.max(3, Math.min(n, Math.floor(window)));
  const step = Math.max(1, w >> 1);
  let best = Number.POSITIVE_INFINITY;
  for (let from = 0; from + w <= n; from += step) {
    let sum = 0;
    let sum2 = 0;
    for (let i = from; i < from + w; i++) {
      sum += d[i]!;
      sum2 += d[i]! * d[i]!;
    }
    const mean = sum / w;
    const variance = Math.max(0, sum2 / w - mean * mean);
    if (variance < best) best = variance;
  }
  return Math.sqrt(best) || 1e-12;
}

/** σ of the slope from its median absolute deviation: peaks are a minority of samples. */
function robustSigma(d: Float64Array): number {
  const a = Float64Array.from(d).sort();
  const median = a[a.length >> 1]!;
  for (let i = 0; i < a.length; i++) a[i] = Math.abs(a[i]! - median);
  a.sort();
  return 1.4826 * a[a.length >> 1]! || 1e-12;
}

function measurePeak(
  t: Float64Array,
  y: Float64Array,
  s: Float64Array,
  p: IntegratedPeak,
  noisePeakToPeak: number,
  curve: Float64Array,
): HplcPeak {
  const { index: top, rt, height } = apexOf(t, y, s, p);
  const profile = new Float64Array(p.end - p.start + 1);
  for (let i = p.start; i <= p.end; i++) profile[i - p.start] = s[i]! - baselineAt(t, p, i);
  const local = t.subarray(p.start, p.end + 1);
  const half = widthAt(local, profile, top - p.start, height, 0.5, 0, profile.length - 1);
  const five = widthAt(local, profile, top - p.start, height, 0.05, 0, profile.length - 1);
  const widthHalf = half ? half.right_min - half.left_min : null;
  const width5 = five ? five.right_min - five.left_min : null;
  return {
    rt_min: rt,
    area: p.area,
    height,
    areaPercent: 0,
    widthHalf_min: widthHalf,
    plates: widthHalf ? platesUsp(rt, widthHalf) : null,
    tailing: five && width5 ? tailingUsp(width5, rt - five.left_min) : null,
    resolution: null,
    start_min: t[p.start]!,
    end_min: t[p.end]!,
    width5_min: width5,
    signalToNoise: signalToNoiseUsp(height, noisePeakToPeak),
    rrt: 1,
    name: null,
    rrf: 1,
    type: p.type,
    baselineStart: curve[p.start]! + p.baselineStart,
    baselineEnd: curve[p.end]! + p.baselineEnd,
  };
}

function pickMainPeak(peaks: HplcPeak[], options: HplcOptions, warnings: string[]): HplcPeak | undefined {
  if (peaks.length === 0) return undefined;
  if (options.mainPeak) {
    const { rt_min, window_min } = options.mainPeak;
    const near = peaks.filter((p) => Math.abs(p.rt_min - rt_min) <= window_min);
    if (near.length === 0) {
      warnings.push(
        `no peak within ${rt_min} ± ${window_min} min for the main peak; the largest peak is used`,
      );
    } else {
      return near.reduce((a, b) => (Math.abs(b.rt_min - rt_min) < Math.abs(a.rt_min - rt_min) ? b : a));
    }
  }
  return peaks.reduce((a, b) => (b.area > a.area ? b : a));
}

function nameImpurities(
  peaks: HplcPeak[],
  main: HplcPeak,
  impurities: NamedImpurity[],
  warnings: string[],
): void {
  for (const impurity of impurities) {
    const candidates = peaks.filter(
      (p) => p !== main && p.name === null && Math.abs(p.rrt - impurity.rrt) <= impurity.window,
    );
    if (candidates.length === 0) {
      warnings.push(`named impurity '${impurity.name}' (RRT ${impurity.rrt} ± ${impurity.window}): no peak`);
      continue;
    }
    const best = candidates.reduce((a, b) =>
      Math.abs(b.rrt - impurity.rrt) < Math.abs(a.rrt - impurity.rrt) ? b : a,
    );
    best.name = impurity.name;
    if (impurity.rrf !== undefined) {
      if (!(impurity.rrf > 0))
        throw new InputError(`named impurity '${impurity.name}': rrf must be > 0, found ${impurity.rrf}`);
      best.rrf = impurity.rrf;
    }
  }
}

/** Area % of each peak over all of them, on areas divided by their response factors. */
function setAreaPercent(peaks: HplcPeak[]): void {
  const total = peaks.reduce((sum, p) => sum + p.area / p.rrf, 0);
  for (const p of peaks) p.areaPercent = (100 * p.area) / p.rrf / total;
}
