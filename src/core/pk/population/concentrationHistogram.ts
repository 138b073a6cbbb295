import { InputError } from "../../errors.js";

/**
 * Bin layout of a {@link ConcentrationHistogram}: log-linear bins, as in HdrHistogram. Each octave
 * [2^e, 2^(e+1)) for `minExponent` ≤ e < `maxExponent` is cut into 2^`mantissaBits` equal bins, so a
 * bin is at most 2^−mantissaBits of its lower edge wide (1/32 = 3.1 % by default); one more bin holds
 * everything below 2^minExponent (zeros included), one everything from 2^maxExponent up.
 */
export interface HistogramSpec {
  /** @default -12 (2^−12 ≈ 2.4e-4 ng/mL) */
  minExponent: number;
  /** @default 14 (2^14 = 16384 ng/mL) */
  maxExponent: number;
  /** @default 5 (32 bins per octave) */
  mantissaBits: number;
}

/** The defaults of {@link HistogramSpec}: 26 octaves × 32 bins + 2 = 834 bins per time point. */
export const HISTOGRAM_DEFAULTS: HistogramSpec = Object.freeze({
  minExponent: -12,
  maxExponent: 14,
  mantissaBits: 5,
});

/**
 * Per-time-point histograms of concentrations across subjects, with the exact minimum and maximum at
 * each time. Memory is nTimes × bins × 4 bytes whatever the number of subjects (4,033 times: 13.5 MB
 * with the defaults). Two histograms with the same spec and times merge by adding counts, so chunks of
 * subjects can be binned on different threads. A plain object of typed arrays (structured-cloneable).
 */
export interface ConcentrationHistogram {
  spec: HistogramSpec;
  nTimes: number;
  nBins: number;
  /** Number of profiles added. */
  n: number;
  /** Counts, row-major nTimes × nBins. */
  counts: Uint32Array;
  /** Smallest and largest concentration at each time (+∞/−∞ while empty). */
  min: Float64Array;
  max: Float64Array;
}

/**
 * An empty histogram for profiles on `nTimes` time points.
 * @throws InputError for a spec outside −126 ≤ minExponent < maxExponent ≤ 127, 0 ≤ mantissaBits ≤ 10
 * @example createConcentrationHistogram(4033)
 */
export function createConcentrationHistogram(
  nTimes: number,
  spec: Partial<HistogramSpec> = {},
): ConcentrationHistogram {
  const s: HistogramSpec = { ...HISTOGRAM_DEFAULTS, ...spec };
  if (
    !(
      Number.isInteger(s.minExponent) &&
      Number.isInteger(s.maxExponent) &&
      s.minExponent >= -126 &&
      s.minExponent < s.maxExponent &&
      s.maxExponent <= 127 &&
      Number.isInteger(s.mantissaBits) &&
      s.mantissaBits >= 0 &&
      s.mantissaBits <= 10
    )
  ) {
    throw new InputError(
      `histogram: expected integers −126 ≤ minExponent < maxExponent ≤ 127 and 0 ≤ mantissaBits ≤ 10, found ${JSON.stringify(s)}`,
    );
  }
  const nBins = ((s.maxExponent - s.minExponent) << s.mantissaBits) + 2;
  return {
    spec: s,
    nTimes,
    nBins,
    n: 0,
    counts: new Uint32Array(nTimes * nBins),
    min: new Float64Array(nTimes).fill(Number.POSITIVE_INFINITY),
    max: new Float64Array(nTimes).fill(Number.NEGATIVE_INFINITY),
  };
}

// Scratch for reading a float's bits: the bin is the float32 exponent and top mantissa bits, no log.
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * Adds `count` profiles, stored row-major count × nTimes in `profiles` (ng/mL). Works time point by
 * time point across the block of subjects, so each time's bins stay in cache; blocks of a few dozen
 * subjects keep the profile reads cache-friendly too.
 * @example addProfiles(histogram, block, 64)
 */
export function addProfiles(h: ConcentrationHistogram, profiles: Float64Array, count: number): void {
  const { nTimes, nBins, counts, min, max } = h;
  const shift = 23 - h.spec.mantissaBits;
  const base = ((127 + h.spec.minExponent) << h.spec.mantissaBits) - 1;
  const last = nBins - 1;
  for (let t = 0; t < nTimes; t++) {
    const row = t * nBins;
    let lo = min[t]!;
    let hi = max[t]!;
    for (let s = 0; s < count; s++) {
      const c = profiles[s * nTimes + t]!;
      if (c < lo) lo = c;
      if (c > hi) hi = c;
      let bin = 0;
      if (c > 0) {
        f32[0] = c;
        bin = (u32[0]! >>> shift) - base;
        if (bin < 0) bin = 0;
        else if (bin > last) bin = last;
      }
      counts[row + bin]!++;
    }
    min[t] = lo;
    max[t] = hi;
  }
  h.n += count;
}

/**
 * Adds `b`'s counts into `a` (same spec and number of times) and returns `a`.
 * @throws InputError when the two histograms have different layouts
 */
export function mergeHistograms(
  a: ConcentrationHistogram,
  b: ConcentrationHistogram,
): ConcentrationHistogram {
  const s = a.spec;
  const t = b.spec;
  if (
    a.nTimes !== b.nTimes ||
    s.minExponent !== t.minExponent ||
    s.maxExponent !== t.maxExponent ||
    s.mantissaBits !== t.mantissaBits
  ) {
    throw new InputError("histograms to merge must have the same times and bin layout");
  }
  for (let i = 0; i < a.counts.length; i++) a.counts[i]! += b.counts[i]!;
  for (let i = 0; i < a.nTimes; i++) {
    if (b.min[i]! < a.min[i]!) a.min[i] = b.min[i]!;
    if (b.max[i]! > a.max[i]!) a.max[i] = b.max[i]!;
  }
  a.n += b.n;
  return a;
}

/**
 * The `level`-th percentile (0–100) of the concentrations at each time, estimating the type-7 (R's
 * default, NumPy's "linear") sample percentile: rank r = level/100 · (n − 1), located in the bin that
 * holds order statistic ⌊r⌋ and interpolated inside it as if its values were evenly spread, then kept
 * within [min, max] of that time. Accuracy: the estimate lies in the bin of order statistic ⌊r⌋, so it
 * differs from the exact percentile by at most one bin width (≤ 2^−mantissaBits relative) plus the gap
 * between order statistics ⌊r⌋ and ⌈r⌉; levels 0 and 100 are the exact minimum and maximum. Below
 * 2^minExponent the bin is [min, 2^minExponent), so there the error is at most 2^minExponent absolute.
 * @returns one value per time, ng/mL (NaN when the histogram is empty)
 * @throws InputError for a level outside 0–100
 */
export function histogramPercentile(h: ConcentrationHistogram, level: number): Float64Array {
  if (!(level >= 0 && level <= 100)) throw new InputError(`percentile must be in 0–100, found ${level}`);
  const out = new Float64Array(h.nTimes);
  const { nBins, counts, spec } = h;
  const r = (level / 100) * (h.n - 1);
  const k = Math.floor(r);
  const perOctave = 1 << spec.mantissaBits;
  for (let t = 0; t < h.nTimes; t++) {
    if (h.n === 0) {
      out[t] = Number.NaN;
      continue;
    }
    // The extremes are known exactly.
    if (r === 0 || r === h.n - 1) {
      out[t] = r === 0 ? h.min[t]! : h.max[t]!;
      continue;
    }
    const row = t * nBins;
    let before = 0;
    let bin = 0;
    while (bin < nBins - 1 && before + counts[row + bin]! <= k) before += counts[row + bin++]!;
    const inBin = counts[row + bin]!;
    let lo: number;
    let hi: number;
    if (bin === 0) {
      lo = h.min[t]!;
      hi = 2 ** spec.minExponent;
    } else if (bin === nBins - 1) {
      lo = 2 ** spec.maxExponent;
      hi = h.max[t]!;
    } else {
      const j = bin - 1;
      const octave = 2 ** (spec.minExponent + Math.floor(j / perOctave));
      const step = octave / perOctave;
      lo = octave + (j % perOctave) * step;
      hi = lo + step;
    }
    lo = Math.max(lo, h.min[t]!);
    hi = Math.min(hi, h.max[t]!);
    const estimate = lo + ((r - before + 0.5) / inBin) * (hi - lo);
    out[t] = Math.min(hi, Math.max(lo, estimate));
  }
  return out;
}
