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
 * Peak search on a net (background-subtracted, Kα2-stripped) pattern: local maxima of a 5-point smoothed
 * copy that rise `minSignalToNoise`·σ above zero, with a prominence of the same, σ being the noise estimated
 * robustly from `raw` (MAD of second differences, which cancel the smooth signal). Each top is first estimated
 * by a weighted least-squares parabola through ln(I) of the points above half height (a Gaussian top), then
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
  if (n < 5) return [];
  const sigma = noiseSigma(raw);
  const smooth = new Float64Array(n);
  // 5-point quadratic Savitzky–Golay smoothing (−3, 12, 17, 12, −3)/35: keeps peak heights.
  for (let i = 0; i < n; i++) {
    if (i < 2 || i > n - 3) smooth[i] = net[i]!;
    else
      smooth[i] =
        (-3 * net[i - 2]! + 12 * net[i - 1]! + 17 * net[i]! + 12 * net[i + 1]! - 3 * net[i + 2]!) / 35;
  }
  const threshold = snr * sigma;
  const candidates: number[] = [];
  for (let i = 1; i < n - 1; i++) {
    const y = smooth[i]!;
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
    // The highest raw net point near the smoothed maximum.
    let top = c;
    for (let k = Math.max(0, c - 2); k <= Math.min(n - 1, c + 2); k++) if (net[k]! > net[top]!) top = k;
    const estimate = refineTop(twoTheta, net, top);
    if (!estimate) continue;
    const fit = fitPseudoVoigt(twoTheta, net, {
      centre: estimate.twoTheta,
      height: estimate.height,
      fwhm: estimate.fwhm,
    });
    // The fit gives the position and width; the top's own height is the steadier intensity.
    const peak = fit
      ? { twoTheta: fit.centre, height: estimate.height, fwhm: fit.fwhm, index: top }
      : estimate;
    // A line spans several steps: narrower maxima are noise spikes.
    const step = (twoTheta[Math.min(n - 1, top + 1)]! - twoTheta[Math.max(0, top - 1)]!) / 2;
    if (peak.fwhm >= 2 * step) peaks.push(peak);
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
