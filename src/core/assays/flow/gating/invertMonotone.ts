/**
 * Root finding shared by logicle and hyperlog (Gating-ML 2.0 §5.3.4, §5.3.5): both are defined as the
 * root y of S(y) − x for a strictly increasing S that is odd about x1 (S(x1) = 0, S(x1 − t) = −S(x1 + t)).
 */

/** A strictly increasing scale function on y ≥ x1 with its derivative. */
export interface MonotoneScale {
  x1: number;
  value(y: number): number;
  slope(y: number): number;
  /**
   * The Newton correction (S(y) − x)/S′(y) for y ≥ x1, when the scale can share work between S and S′
   * (logicle's two exponentials serve both); otherwise value and slope are called.
   */
  newtonStep?(y: number, x: number): number;
}

/**
 * Solves S(y) = x to full double precision: safeguarded Newton inside a bracket, bisection fallback.
 * Uses the odd symmetry for x < 0.
 */
export function invertMonotone(scale: MonotoneScale, x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === 0) return scale.x1;
  if (x < 0) return 2 * scale.x1 - invertMonotone(scale, -x);
  let lo = scale.x1;
  let hi = scale.x1 + 1;
  while (scale.value(hi) < x) {
    lo = hi;
    hi = scale.x1 + 2 * (hi - scale.x1);
    if (!Number.isFinite(hi)) return Number.POSITIVE_INFINITY;
  }
  return newtonInBracket(scale, x, lo, hi, 0.5 * (lo + hi));
}

/** Safeguarded Newton for S(y) = x, x > 0, with S(lo) ≤ x ≤ S(hi), from the first guess y. */
function newtonInBracket(scale: MonotoneScale, x: number, lo: number, hi: number, y: number): number {
  const newtonStep = scale.newtonStep;
  for (let iter = 0; iter < 200; iter++) {
    // S′ > 0, so the correction has the sign of S(y) − x.
    const step = newtonStep ? newtonStep(y, x) : (scale.value(y) - x) / scale.slope(y);
    if (step === 0) return y;
    if (step < 0) lo = y;
    else hi = y;
    // Converged first: a last correction below one ulp leaves y where it is, and taking that for a
    // step outside the bracket would restart bisection from a bracket that no longer holds the root.
    if (Math.abs(step) <= 4 * Number.EPSILON * Math.max(1, Math.abs(y))) return y - step;
    let next = y - step;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - y) <= 4 * Number.EPSILON * Math.max(1, Math.abs(y))) return next;
    if (next === lo || next === hi) return next;
    y = next;
  }
  return y;
}

/** Arrays shorter than this are inverted value by value: building the seed table would not pay. */
const TABLE_MIN_LENGTH = 256;
/** Intervals of the seed table of S on [x1, x1 + span]. */
const TABLE_INTERVALS = 2048;

/**
 * The transform y = S⁻¹(x) of every element of x (logicle, hyperlog), into `out` when given.
 * For long arrays S is first tabulated on a uniform y grid covering the largest |x|: each value's
 * bracket is then found by bisection of the table and Newton starts from the linear interpolation,
 * converging in two or three steps instead of a dozen (the same stopping rule, so the same precision).
 */
export function invertScale(scale: MonotoneScale, x: Float64Array, out?: Float64Array): Float64Array {
  const y = out ?? new Float64Array(x.length);
  let largest = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]!);
    if (a > largest && a !== Number.POSITIVE_INFINITY) largest = a;
  }
  const x1 = scale.x1;
  let span = 1;
  while (scale.value(x1 + span) < largest && Number.isFinite(span)) span *= 2;
  if (x.length < TABLE_MIN_LENGTH || largest === 0 || !Number.isFinite(span)) {
    for (let i = 0; i < x.length; i++) y[i] = invertMonotone(scale, x[i]!);
    return y;
  }
  const grid = new Float64Array(TABLE_INTERVALS + 1);
  const values = new Float64Array(TABLE_INTERVALS + 1);
  for (let k = 0; k <= TABLE_INTERVALS; k++) {
    grid[k] = x1 + (span * k) / TABLE_INTERVALS;
    values[k] = k === 0 ? 0 : scale.value(grid[k]!);
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const a = Math.abs(v);
    if (!(a > 0) || a > largest) {
      y[i] = invertMonotone(scale, v); // 0, NaN, ±∞
      continue;
    }
    let lo = 0;
    let hi = TABLE_INTERVALS;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! <= a) lo = mid;
      else hi = mid;
    }
    const s0 = values[lo]!;
    const s1 = values[hi]!;
    const y0 = grid[lo]!;
    const y1 = grid[hi]!;
    const guess = s1 > s0 ? y0 + ((a - s0) / (s1 - s0)) * (y1 - y0) : y0;
    const root = newtonInBracket(scale, a, y0, y1, guess);
    y[i] = v < 0 ? 2 * x1 - root : root;
  }
  return y;
}

/** The inverse transform x = S(y) of every element of y, into `out` when given. */
export function applyScale(scale: MonotoneScale, y: Float64Array, out?: Float64Array): Float64Array {
  const x = out ?? new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) x[i] = scale.value(y[i]!);
  return x;
}
