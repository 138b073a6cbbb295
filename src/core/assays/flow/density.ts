/**
 * Histograms of flow channels on logicle or asinh display axes (Gating-ML 2.0 §5.3.3–5.3.4 transforms):
 * the 2-D density behind a pseudocolour plot and the 1-D histogram of one channel. Events are binned by
 * comparing their scale values with the bin edges mapped back to data units, so no event is transformed
 * and a million events bin in a few milliseconds.
 */
import { InputError } from "../../errors.js";
import { fasinh, fasinhInverse, invertMonotone, logicleScale } from "./gating/index.js";

/** A display axis: a Gating-ML logicle or asinh transform whose range 0–1 spans the axis. */
export interface AxisScale {
  kind: "logicle" | "asinh";
  /** Top of scale (data units). */
  T: number;
  /** Logicle linearisation width in decades (0 for asinh). */
  W: number;
  /** Decades of the full scale. */
  M: number;
  /** Additional negative decades. */
  A: number;
}

/** Options of {@link chooseAxisScale}: any parameter given is used as is. */
export interface AxisScaleOptions {
  /** @default "logicle" */
  kind?: "logicle" | "asinh";
  T?: number;
  W?: number;
  /** @default 4.5 */
  M?: number;
  A?: number;
}

/** Defaults of {@link AxisScaleOptions} and of the data-driven choices. */
export const AXIS_DEFAULTS = {
  kind: "logicle",
  M: 4.5,
  /** Width used when the data have too few negative values to estimate one (FlowKit's default). */
  W: 0.5,
  /** Negative values below this percentile set the width (Parks, Roederer & Moore 2006, §"Choosing W"). */
  negativePercentile: 5,
} as const;

/**
 * Picks a display scale for one channel: T is the maximum value rounded up to a power of two (FCS
 * ranges are powers of two, e.g. 262144), W = (M − log10(T/|r|))/2 from r, the 5th percentile of the
 * negative values (Parks et al. 2006), at least 0.5 and at most M/2. An asinh axis takes its linear
 * range and negative decades from the same r (see asinhAxis).
 */
export function chooseAxisScale(
  values: ArrayLike<number>,
  options: AxisScaleOptions = {},
  keep?: Uint8Array,
): AxisScale {
  const kind = options.kind ?? AXIS_DEFAULTS.kind;
  let max = 0;
  let negativeCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (keep && keep[i] === 0) continue;
    const v = values[i]!;
    if (v > max && v !== Number.POSITIVE_INFINITY) max = v;
    if (v < 0 && v !== Number.NEGATIVE_INFINITY) negativeCount++;
  }
  const T = options.T ?? 2 ** Math.ceil(Math.log2(Math.max(max, 1)));
  const r = negativeCount >= 20 ? negativeTail(values, negativeCount, keep) : undefined;
  const scale = kind === "logicle" ? logicleAxis(T, r, options) : asinhAxis(T, r, options);
  checkAxisScale(scale);
  return scale;
}

/** The 5th percentile of the negative values (a number < 0). */
function negativeTail(values: ArrayLike<number>, count: number, keep?: Uint8Array): number {
  const negatives = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    if (keep && keep[i] === 0) continue;
    const v = values[i]!;
    if (v < 0 && v !== Number.NEGATIVE_INFINITY) negatives[k++] = v;
  }
  // A typed-array sort is numeric and several times faster than sorting a number[] with a comparator.
  negatives.sort();
  return negatives[Math.floor((count * AXIS_DEFAULTS.negativePercentile) / 100)]!;
}

/** Logicle: W = (M − log10(T/|r|))/2 (Parks et al. 2006), within [0.5, M/2]. */
function logicleAxis(T: number, r: number | undefined, options: AxisScaleOptions): AxisScale {
  const M = options.M ?? AXIS_DEFAULTS.M;
  let W = options.W;
  if (W === undefined) {
    W = r === undefined ? AXIS_DEFAULTS.W : Math.max(AXIS_DEFAULTS.W, (M - Math.log10(T / Math.abs(r))) / 2);
    W = Math.min(W, M / 2);
  }
  return { kind: "logicle", T, W, M, A: options.A ?? 0 };
}

/**
 * Asinh: linear within ±c, c = T/sinh(M·ln10) (the "cofactor"). With negative data, c = |r| unless that
 * is below the default M's own, M = asinh(T/c)/ln10, and A = asinh(2|r|/c)/ln10 puts the axis bottom at
 * 2r, so the negative spread of compensated data is drawn as logicle draws it rather than piled at zero.
 */
function asinhAxis(T: number, r: number | undefined, options: AxisScaleOptions): AxisScale {
  let M = options.M ?? AXIS_DEFAULTS.M;
  let A = options.A;
  if (r !== undefined) {
    const floor = T / Math.sinh(M * Math.LN10);
    const c = options.M === undefined ? Math.max(Math.abs(r), floor) : floor;
    if (options.M === undefined) M = Math.asinh(T / c) / Math.LN10;
    A ??= Math.asinh((2 * Math.abs(r)) / c) / Math.LN10;
  }
  return { kind: "asinh", T, W: 0, M, A: A ?? AXIS_DEFAULTS.W };
}

/** @throws InputError for parameters the transform does not define. */
function checkAxisScale(scale: AxisScale): void {
  if (scale.kind === "logicle") logicleScale(scale.T, scale.W, scale.M, scale.A);
  else if (!(scale.T > 0) || !(scale.M > 0) || !(scale.A >= 0))
    throw new InputError(`asinh: invalid parameters T=${scale.T} M=${scale.M} A=${scale.A}`);
}

/** The display position (0 at the bottom of the axis, 1 at T) of a data value. */
export function axisPosition(scale: AxisScale, value: number): number {
  if (scale.kind === "logicle") {
    return invertMonotone(logicleScale(scale.T, scale.W, scale.M, scale.A), value);
  }
  return fasinh(Float64Array.of(value), scale.T, scale.M, scale.A)[0]!;
}

/** The data value at a display position (inverse of {@link axisPosition}). */
export function axisValue(scale: AxisScale, position: number): number {
  if (scale.kind === "logicle") return logicleScale(scale.T, scale.W, scale.M, scale.A).value(position);
  return fasinhInverse(Float64Array.of(position), scale.T, scale.M, scale.A)[0]!;
}

/** `bins + 1` increasing bin edges in data units, evenly spaced on the display axis from 0 to 1. */
export function binEdges(scale: AxisScale, bins: number): Float64Array {
  checkBins(bins);
  const positions = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) positions[i] = i / bins;
  if (scale.kind === "asinh") return fasinhInverse(positions, scale.T, scale.M, scale.A);
  const s = logicleScale(scale.T, scale.W, scale.M, scale.A);
  return positions.map((y) => s.value(y));
}

function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 2 || bins > 4096)
    throw new InputError(`bins: expected a whole number from 2 to 4096, found ${bins}`);
}

/**
 * The bin of a value among `edges` (bin i is [edges[i], edges[i+1])); values off the axis are piled into
 * the first or last bin, as cytometry software draws them on the axis.
 */
export function binIndex(edges: Float64Array, value: number): number {
  const last = edges.length - 2;
  if (!(value >= edges[1]!)) return 0;
  if (value >= edges[last]!) return last;
  // Branch-free halving (the JIT turns the conditional into a select): edges[base] ≤ value throughout.
  let base = 1;
  let n = last;
  while (n > 1) {
    const half = n >>> 1;
    base = edges[base + half]! <= value ? base + half : base;
    n -= half;
  }
  return base;
}

// Bucket lookup for binning many events: the high 32 bits of an IEEE double, shifted right by 16, order
// magnitudes in 1/16-octave buckets (11 exponent + 4 mantissa bits); a table gives each bucket the bin of
// its smallest value, and a short forward walk finishes. Exact, and several times faster than bisection.
const BUCKET_SHIFT = 16;
const BUCKETS_PER_SIGN = 1 << (31 - BUCKET_SHIFT);
const scratch = new Float64Array(1);
const scratchHigh = new Uint32Array(scratch.buffer, 4, 1);
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const bucketBits = new Uint32Array(2);
const bucketValue = new Float64Array(bucketBits.buffer);

/** The smallest magnitude whose bucket is `bucket`. */
function magnitudeOfBucket(bucket: number): number {
  bucketBits[1] = bucket << BUCKET_SHIFT;
  return bucketValue[0]!;
}

/**
 * A function from a value to its bin among `edges`, equal to {@link binIndex} for every value; worth its
 * 65,536-entry table from some ten thousand events on.
 */
export function binner(edges: Float64Array): (value: number) => number {
  if (!LITTLE_ENDIAN) return (value) => binIndex(edges, value);
  const last = edges.length - 2;
  const lowEdge = edges[1]!;
  const highEdge = edges[last]!;
  // table[B + m]: bin of the smallest positive value with bucket m; table[B − 1 − m]: of negative ones.
  const table = new Uint16Array(2 * BUCKETS_PER_SIGN);
  // Bucket bounds increase with m for positive values and decrease for negative ones: two merge walks.
  let b = 0;
  for (let m = 0; m < BUCKETS_PER_SIGN; m++) {
    const v = magnitudeOfBucket(m);
    while (b < last && edges[b + 1]! <= v) b++;
    table[BUCKETS_PER_SIGN + m] = b;
  }
  b = 0;
  for (let m = BUCKETS_PER_SIGN - 1; m >= 0; m--) {
    // The most negative value of bucket m is above −(smallest magnitude of bucket m + 1).
    const v = m + 1 < BUCKETS_PER_SIGN ? -magnitudeOfBucket(m + 1) : Number.NEGATIVE_INFINITY;
    while (b < last && edges[b + 1]! <= v) b++;
    table[BUCKETS_PER_SIGN - 1 - m] = b;
  }
  return (value) => {
    if (!(value >= lowEdge)) return 0;
    if (value >= highEdge) return last;
    scratch[0] = value;
    const high = scratchHigh[0]!;
    const magnitude = (high & 0x7fffffff) >>> BUCKET_SHIFT;
    let b = table[high >>> 31 ? BUCKETS_PER_SIGN - 1 - magnitude : BUCKETS_PER_SIGN + magnitude]!;
    while (edges[b + 1]! <= value) b++;
    return b;
  };
}

/** A 2-D histogram: `counts[yBin·xBins + xBin]`. */
export interface Histogram2d {
  xBins: number;
  yBins: number;
  counts: Uint32Array;
  /** Events binned: the gated events with finite values in both channels. */
  binned: number;
  /** Gated events left out because a value was NaN. */
  nonFinite: number;
  maxCount: number;
}

/**
 * Counts gated events (`keep`, when given) into the cells of two sets of bin edges; off-axis values go
 * to the edge bins, so `binned` is every gated event with two numbers.
 * @throws InputError when the channels differ in length.
 */
export function histogram2d(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xEdges: Float64Array,
  yEdges: Float64Array,
  keep?: Uint8Array,
): Histogram2d {
  const n = x.length;
  if (y.length !== n || (keep && keep.length !== n))
    throw new InputError("density: channels of different lengths");
  const xBins = xEdges.length - 1;
  const yBins = yEdges.length - 1;
  const counts = new Uint32Array(xBins * yBins);
  const xBin = binner(xEdges);
  const yBin = binner(yEdges);
  let nonFinite = 0;
  let binned = 0;
  for (let i = 0; i < n; i++) {
    if (keep && keep[i] === 0) continue;
    const xv = x[i]!;
    const yv = y[i]!;
    if (Number.isNaN(xv) || Number.isNaN(yv)) {
      nonFinite++;
      continue;
    }
    counts[yBin(yv) * xBins + xBin(xv)]!++;
    binned++;
  }
  let maxCount = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > maxCount) maxCount = counts[i]!;
  return { xBins, yBins, counts, binned, nonFinite, maxCount };
}

/** A 1-D histogram over bin edges. */
export interface Histogram1d {
  counts: Uint32Array;
  binned: number;
  nonFinite: number;
  maxCount: number;
}

/** Counts gated events into bins (off-axis values in the edge bins, NaN left out). */
export function histogram1d(values: ArrayLike<number>, edges: Float64Array, keep?: Uint8Array): Histogram1d {
  if (keep && keep.length !== values.length) throw new InputError("histogram: mask of a different length");
  const counts = new Uint32Array(edges.length - 1);
  const bin = binner(edges);
  let nonFinite = 0;
  let binned = 0;
  for (let i = 0; i < values.length; i++) {
    if (keep && keep[i] === 0) continue;
    const v = values[i]!;
    if (Number.isNaN(v)) {
      nonFinite++;
      continue;
    }
    counts[bin(v)]!++;
    binned++;
  }
  let maxCount = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > maxCount) maxCount = counts[i]!;
  return { counts, binned, nonFinite, maxCount };
}

/** A labelled axis tick: its data value and its display position (0–1). */
export interface AxisTick {
  value: number;
  label: string;
  position: number;
}

/**
 * Decade ticks of a display axis (0, ±10ⁿ), dropping those closer than `minGap` (display units) to a
 * tick already kept — 0 and the large decades first — as logicle axes crowd near zero.
 * @default minGap 0.05
 */
export function decadeTicks(scale: AxisScale, minGap = 0.05): AxisTick[] {
  const bottom = axisValue(scale, 0);
  const top = Math.ceil(Math.log10(scale.T));
  const candidates = [0];
  for (let k = top; k >= 0; k--) candidates.push(10 ** k);
  for (let k = top; k >= 0; k--) candidates.push(-(10 ** k));
  const kept: AxisTick[] = [];
  for (const value of candidates) {
    if (value < bottom || value > scale.T * (1 + 1e-12)) continue;
    const position = axisPosition(scale, value);
    if (kept.some((t) => Math.abs(t.position - position) < minGap)) continue;
    kept.push({ value, label: decadeLabel(value), position });
  }
  return kept.sort((a, b) => a.value - b.value);
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** 0 → "0", 1000 → "10³", −100 → "−10²". */
export function decadeLabel(value: number): string {
  if (value === 0) return "0";
  const exponent = Math.round(Math.log10(Math.abs(value)));
  const power = `10${String(exponent).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!)}`;
  return value < 0 ? `−${power}` : power;
}
