import { InputError } from "../../errors.js";
import { medianInPlace } from "../../stats/orderStatistics.js";

/** Defaults of the scatter gates. */
export const SCATTER_GATE_DEFAULTS = {
  /**
   * Singlet band of r / median(r), r = FSC-A / FSC-H. A doublet (two cells passing together) has about
   * twice a singlet's pulse area at a similar height, so r / median ≈ 1.6–2; a singlet stays near 1.
   */
  singletBand: [0.8, 1.25] as readonly [number, number],
};

/**
 * Events a singlet gate keeps: those whose FSC-A / FSC-H ratio r lies within `band` times the median
 * ratio of the events considered (lo·median ≤ r ≤ hi·median). Events with FSC-H ≤ 0 have no ratio and
 * are dropped. Relative to the median, the band needs no instrument-specific area scaling.
 * @param within optional mask of the events to consider (e.g. the cell gate); the result implies it.
 * @throws InputError for arrays of different lengths or a band that is not 0 < lo < hi.
 */
export function singletMask(
  fscArea: ArrayLike<number>,
  fscHeight: ArrayLike<number>,
  band: readonly [number, number] = SCATTER_GATE_DEFAULTS.singletBand,
  within?: Uint8Array,
): Uint8Array {
  const n = fscArea.length;
  if (fscHeight.length !== n || (within && within.length !== n))
    throw new InputError("singlet gate: FSC-A and FSC-H of different lengths");
  const [lo, hi] = band;
  if (!(lo > 0 && hi > lo)) throw new InputError(`singlet band: expected 0 < low < high, found ${lo}, ${hi}`);
  const ratio = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const r = fscArea[i]! / fscHeight[i]!;
    ratio[i] = fscHeight[i]! > 0 && Number.isFinite(r) ? r : Number.NaN;
    if (!Number.isNaN(ratio[i]!) && (!within || within[i] === 1)) m++;
  }
  const keep = new Uint8Array(n);
  if (m === 0) return keep;
  const considered = new Float64Array(m);
  for (let i = 0, k = 0; i < n; i++)
    if (!Number.isNaN(ratio[i]!) && (!within || within[i] === 1)) considered[k++] = ratio[i]!;
  const median = medianInPlace(considered);
  const low = lo * median;
  const high = hi * median;
  for (let i = 0; i < n; i++) {
    const r = ratio[i]!;
    keep[i] = (within ? +(within[i] === 1) : 1) & +(r >= low) & +(r <= high);
  }
  return keep;
}

/**
 * Narrows `keep` (in place; a new all-ones mask when absent) to events with min ≤ value ≤ max; an absent
 * bound is open. Used for the FSC-A / SSC-A cell (debris) gate.
 */
export function rangeMask(
  values: ArrayLike<number>,
  min: number | undefined,
  max: number | undefined,
  keep?: Uint8Array,
): Uint8Array {
  const n = values.length;
  const out = keep ?? new Uint8Array(n).fill(1);
  if (out.length !== n) throw new InputError("range gate: mask and values of different lengths");
  const lo = min ?? Number.NEGATIVE_INFINITY;
  const hi = max ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) out[i] = out[i]! & +(values[i]! >= lo) & +(values[i]! <= hi);
  return out;
}
