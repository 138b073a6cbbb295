import { fitPseudoVoigt } from "./peakFit.js";

/** A refined peak of a powder pattern. */
export interface PowderPeak {
  /** Kα1 position, degrees 2θ (refined). */
  twoTheta: number;
  /** Net height above the background at the refined position (after Kα2 stripping). */
  height: number;
  /** Full width at half maximum from the fitted top, degrees 2θ. */
  fwhm: number;
  /** Index of the highest point of the peak. */
  index: number;
}

/** Options of {@link findPowderPeaks}. */
export interface PeakSearchOptions {
  /** A peak must rise this many noise σ above the background. @default 4 */
  minSignalToNoise?: number;
  /** …and reach this % of the strongest peak. @default 1 */
  minRelIntensity?: number;
}

/** Defaults of {@link PeakSearchOptions}. */
export const PEAK_SEARCH_DEFAULTS = { minSignalToNoise: 4, minRelIntensity: 1 } as const;

/**
 * Peak search on a net (background-subtracted, Kα2-stripped) pattern: local maxima of a Savitzky–Golay smoothed
 * copy (window ≈ ⅔ of the strongest line's FWHM) that rise `minSignalToNoise`·σ above zero, with a prominence
 * of the same, σ being the local noise estimated robustly from `raw` (MAD of second differences, which cancel
 * the smooth signal, in blocks of 64 points). Each top is first estimated
 * by a weighted least-squares parabola through ln(I) of the smoothed points above half height, then
 * refined by a pseudo-Voigt fit over ±1.25 FWHM ({@link fitPseudoVoigt}); the estimate stays when that fails.
 */
export function findPowderPeaks(
  twoTheta: Float64Array,
  net: Float64Array,
  raw: Float64Array,
  options: PeakSearchOptions = {},
): PowderPeak[] {
  const snr = options.minSignalToNoise ?? PEAK_SEARCH_DEFAULTS.minSignalToNoise;
  const minRel = options.minRelIntensity ?? PEAK_SEARCH_DEFAULTS.minRelIntensity;
  const n = net.length;
  if (n < 7) return [];
  const sigma = localNoise(raw);
  // Smooth over about half the typical line width (from the strongest line), at least 5 points.
  const step = (twoTheta[n - 1]! - twoTheta[0]!) / (n - 1);
  const typicalFwhm = strongestWidth(twoTheta, savitzkyGolay(net, 2));
  const half = Math.max(2, Math.min(25, Math.round(typicalFwhm / step / 3)));
  const smooth = savitzkyGolay(net, half);
  const candidates: number[] = [];
  for (let i = 1; i < n - 1; i++) {
    const y = smooth[i]!;
    const threshold = snr * sigma[i]!;
    if (y <= threshold || y < smooth[i - 1]! || y <= smooth[i + 1]!) continue;
    // Prominence: the drop to the lowest point before a higher point (or the end) on each side.
    let left = y;
    for (let k = i - 1; k >= 0 && smooth[k]! <= y; k--) left = Math.min(left, smooth[k]!);
    let right = y;
    for (let k = i + 1; k < n && smooth[k]! <= y; k++) right = Math.min(right, smooth[k]!);
    if (y - Math.max(left, right) < threshold) continue;
    candidates.push(i);
  }
  const peaks: PowderPeak[] = [];
  for (const c of candidates) {
    const estimate = refineTop(twoTheta, smooth, c);
    if (!estimate) continue;
    const fit = fitPseudoVoigt(twoTheta, net, {
      centre: estimate.twoTheta,
      height: estimate.height,
      fwhm: estimate.fwhm,
    });
    // The fit gives the position and width; the smoothed top's height is the steadier intensity.
    const peak = fit ? { twoTheta: fit.centre, height: estimate.height, fwhm: fit.fwhm, index: c } : estimate;
    // A line spans several steps and a good part of the typical width: narrower maxima are noise spikes.
    if (peak.fwhm >= Math.max(2 * step, typicalFwhm / 4)) peaks.push(peak);
  }
  // Two candidates can refine onto the same top; keep the higher.
  peaks.sort((a, b) => a.twoTheta - b.twoTheta);
  const unique: PowderPeak[] = [];
  for (const p of peaks) {
    const last = unique[unique.length - 1];
    if (last && Math.abs(p.twoTheta - last.twoTheta) < Math.min(p.fwhm, last.fwhm) / 2) {
      if (p.height > last.height) unique[unique.length - 1] = p;
    } else unique.push(p);
  }
  const strongest = unique.reduce((m, p) => Math.max(m, p.height), 0);
  return unique.filter((p) => (100 * p.height) / strongest >= minRel);
}

/**
 * Quadratic Savitzky–Golay smoothing with half window m (2m+1 points): weights
 * 3(3m²+3m−1−5k²)/((2m−1)(2m+1)(2m+3)); keeps peak positions and (for m well under the width) heights.
 */
export function savitzkyGolay(values: Float64Array, m: number): Float64Array {
  const n = values.length;
  const out = Float64Array.from(values);
  const norm = (2 * m - 1) * (2 * m + 1) * (2 * m + 3);
  const w = Float64Array.from({ length: 2 * m + 1 }, (_, j) => {
    const k = j - m;
    return (3 * (3 * m * m + 3 * m - 1 - 5 * k * k)) / norm;
  });
  for (let i = m; i < n - m; i++) {
    let s = 0;
    for (let j = 0; j <= 2 * m; j++) s += w[j]! * values[i - m + j]!;
    out[i] = s;
  }
  return out;
}

/** FWHM (degrees) of the highest point of a smoothed net pattern, from its half-height crossings. */
function strongestWidth(x: Float64Array, y: Float64Array): number {
  let top = 0;
  for (let i = 1; i < y.length; i++) if (y[i]! > y[top]!) top = i;
  const h = y[top]! / 2;
  let lo = top;
  let hi = top;
  while (lo > 0 && y[lo]! > h) lo--;
  while (hi < y.length - 1 && y[hi]! > h) hi++;
  return Math.max(x[hi]! - x[lo]!, 0);
}

/**
 * Noise σ at each point: the robust estimate of {@link noiseSigma} in blocks of 64 points, interpolated,
 * and never below the whole pattern's (so counting noise that grows on strong, broad peaks is respected).
 */
function localNoise(raw: Float64Array): Float64Array {
  const n = raw.length;
  const global = noiseSigma(raw);
  const block = 64;
  const blocks = Math.max(1, Math.floor(n / block));
  const centres: number[] = [];
  const values: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const from = b * block;
    const to = b === blocks - 1 ? n : from + block;
    centres.push((from + to - 1) / 2);
    values.push(noiseSigma(raw.subarray(from, to)));
  }
  const out = new Float64Array(n);
  let b = 0;
  for (let i = 0; i < n; i++) {
    while (b + 1 < centres.length && centres[b + 1]! <= i) b++;
    const c0 = centres[b]!;
    const c1 = centres[b + 1] ?? c0;
    const t = c1 > c0 ? Math.min(1, Math.max(0, (i - c0) / (c1 - c0))) : 0;
    const local = values[b]! + t * ((values[b + 1] ?? values[b]!) - values[b]!);
    out[i] = Math.max(global, local);
  }
  return out;
}

/** Robust noise σ of a pattern: 1.4826·MAD of second differences / √6 (their variance is 6σ² for white noise). */
export function noiseSigma(values: Float64Array): number {
  const n = values.length;
  if (n < 3) return 0;
  const d = new Float64Array(n - 2);
  for (let i = 1; i < n - 1; i++) d[i - 1] = values[i - 1]! - 2 * values[i]! + values[i + 1]!;
  const med = median(d);
  for (let i = 0; i < d.length; i++) d[i] = Math.abs(d[i]! - med);
  return (1.4826 * median(d)) / Math.sqrt(6);
}

function median(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Weighted parabola through ln(I) over the contiguous points above half the top's height (3 to 41 points). */
function refineTop(x: Float64Array, y: Float64Array, top: number): PowderPeak | null {
  const n = y.length;
  const h = y[top]!;
  if (!(h > 0)) return null;
  let lo = top;
  let hi = top;
  while (lo > 0 && top - lo < 20 && y[lo - 1]! > h / 2) lo--;
  while (hi < n - 1 && hi - top < 20 && y[hi + 1]! > h / 2) hi++;
  if (hi - lo < 2) {
    lo = Math.max(0, top - 1);
    hi = Math.min(n - 1, top + 1);
  }
  if (hi - lo < 2) return null;
  // Centre x on the top for conditioning; weight w = I (var(ln I) ≈ 1/I for counting noise).
  const x0 = x[top]!;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  for (let k = lo; k <= hi; k++) {
    const v = y[k]!;
    if (!(v > 0)) continue;
    const u = x[k]! - x0;
    const w = v;
    const l = Math.log(v);
    s0 += w;
    s1 += w * u;
    s2 += w * u * u;
    s3 += w * u * u * u;
    s4 += w * u * u * u * u;
    t0 += w * l;
    t1 += w * l * u;
    t2 += w * l * u * u;
  }
  // Solve [s0 s1 s2; s1 s2 s3; s2 s3 s4]·[a b c] = [t0 t1 t2] by Cramer's rule.
  const det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
  if (!(Math.abs(det) > 0)) return null;
  const a = (t0 * (s2 * s4 - s3 * s3) - s1 * (t1 * s4 - s3 * t2) + s2 * (t1 * s3 - s2 * t2)) / det;
  const b = (s0 * (t1 * s4 - t2 * s3) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2)) / det;
  const c = (s0 * (s2 * t2 - s3 * t1) - s1 * (s1 * t2 - s2 * t1) + t0 * (s1 * s3 - s2 * s2)) / det;
  const halfStep = (x[hi]! - x[lo]!) / 2;
  if (!(c < 0)) return { twoTheta: x0, height: h, fwhm: halfStep, index: top };
  const u = -b / (2 * c);
  if (Math.abs(u) > halfStep) return { twoTheta: x0, height: h, fwhm: halfStep, index: top };
  return {
    twoTheta: x0 + u,
    height: Math.exp(a + b * u + c * u * u),
    fwhm: Math.sqrt((-4 * Math.LN2) / c),
    index: top,
  };
}
