/**
 * Root finding shared by logicle and hyperlog (Gating-ML 2.0 §5.3.4, §5.3.5): both are defined as the
 * root y of S(y) − x for a strictly increasing S that is odd about x1 (S(x1) = 0, S(x1 − t) = −S(x1 + t)).
 */

/** A strictly increasing scale function on y ≥ x1 with its derivative. */
export interface MonotoneScale {
  x1: number;
  value(y: number): number;
  slope(y: number): number;
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
  let y = 0.5 * (lo + hi);
  for (let iter = 0; iter < 200; iter++) {
    const g = scale.value(y) - x;
    if (g === 0) return y;
    if (g < 0) lo = y;
    else hi = y;
    let next = y - g / scale.slope(y);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - y) <= 4 * Number.EPSILON * Math.max(1, Math.abs(y))) return next;
    if (next === lo || next === hi) return next;
    y = next;
  }
  return y;
}

/** The transform y = S⁻¹(x) of every element of x (logicle, hyperlog), into `out` when given. */
export function invertScale(scale: MonotoneScale, x: Float64Array, out?: Float64Array): Float64Array {
  const y = out ?? new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = invertMonotone(scale, x[i]!);
  return y;
}

/** The inverse transform x = S(y) of every element of y, into `out` when given. */
export function applyScale(scale: MonotoneScale, y: Float64Array, out?: Float64Array): Float64Array {
  const x = out ?? new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) x[i] = scale.value(y[i]!);
  return x;
}
