import { leastSquaresLine } from "../stats/leastSquaresLine.js";
/** Noise of a signal segment after removing its least-squares straight line. */
export interface NoiseEstimate {
  /** Largest minus smallest residual (ASTM E685 / USP <621> "h", peak-to-peak noise). */
  peakToPeak: number;
  /** Root-mean-square residual (standard deviation about the line). */
  rms: number;
  /** The samples used, [from, to). */
  from: number;
  to: number;
}

/**
 * Noise of `y[from, to)` about its least-squares line, so that slow drift does not count as noise
 * (ASTM E685-93 §9.2 measures noise about the drift line; USP <621> takes h peak-to-peak over a blank region).
 * @throws RangeError when the range holds fewer than 3 samples.
 */
export function noiseOf(x: Float64Array, y: Float64Array, from: number, to: number): NoiseEstimate {
  const a = Math.max(0, Math.floor(from));
  const b = Math.min(y.length, Math.floor(to));
  const n = b - a;
  if (n < 3) throw new RangeError(`noise needs at least 3 samples, got ${n}`);
  const line = leastSquaresLine(x, y, a, b);
  const slope = Number.isNaN(line.slope) ? 0 : line.slope;
  const mx = line.meanX;
  const my = line.meanY;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let ss = 0;
  for (let i = a; i < b; i++) {
    const r = y[i]! - (my + slope * (x[i]! - mx));
    if (r < lo) lo = r;
    if (r > hi) hi = r;
    ss += r * r;
  }
  return { peakToPeak: hi - lo, rms: Math.sqrt(ss / (n - 2)), from: a, to: b };
}

/**
 * The quietest window of `windowSamples` samples (lowest RMS about its line, windows overlapping by half):
 * an automatic blank region for noise when the method names none.
 */
export function quietestNoise(x: Float64Array, y: Float64Array, windowSamples: number): NoiseEstimate {
  const n = y.length;
  const w = Math.max(3, Math.min(n, Math.floor(windowSamples)));
  let best: NoiseEstimate | undefined;
  const step = Math.max(1, Math.floor(w / 2));
  for (let from = 0; from + w <= n; from += step) {
    const estimate = noiseOf(x, y, from, from + w);
    if (!best || estimate.rms < best.rms) best = estimate;
  }
  return best ?? noiseOf(x, y, 0, n);
}

/**
 * Robust noise σ from first differences: 1.4826 · median|Δy| / √2 (the MAD of white noise's differences),
 * barely moved by peaks and drift because they change slowly between neighbouring samples.
 */
export function differenceNoiseSigma(y: Float64Array): number {
  const n = y.length;
  if (n < 3) return 0;
  const diffs = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) diffs[i - 1] = Math.abs(y[i]! - y[i - 1]!);
  diffs.sort();
  const mid = diffs.length >> 1;
  const median = diffs.length % 2 ? diffs[mid]! : (diffs[mid - 1]! + diffs[mid]!) / 2;
  return (1.4826 * median) / Math.SQRT2;
}
