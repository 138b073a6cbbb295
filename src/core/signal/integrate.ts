/**
 * Trapezoidal area of y − baseline over samples [from, to] (inclusive), with x in the caller's unit;
 * the baseline is a straight line through (x[from], b0) and (x[to], b1).
 */
export function areaAboveLine(
  x: Float64Array,
  y: Float64Array,
  from: number,
  to: number,
  b0: number,
  b1: number,
): number {
  if (to <= from) return 0;
  const x0 = x[from]!;
  const span = x[to]! - x0;
  const slope = span > 0 ? (b1 - b0) / span : 0;
  let area = 0;
  let prev = y[from]! - b0;
  for (let i = from + 1; i <= to; i++) {
    const cur = y[i]! - (b0 + slope * (x[i]! - x0));
    area += 0.5 * (prev + cur) * (x[i]! - x[i - 1]!);
    prev = cur;
  }
  return area;
}

/** Trapezoidal area of y − baseline over samples [from, to] (inclusive) for a baseline given per sample. */
export function areaAboveCurve(
  x: Float64Array,
  y: Float64Array,
  baseline: Float64Array,
  from: number,
  to: number,
): number {
  let area = 0;
  for (let i = from + 1; i <= to; i++) {
    area += 0.5 * (y[i]! - baseline[i]! + y[i - 1]! - baseline[i - 1]!) * (x[i]! - x[i - 1]!);
  }
  return area;
}

/**
 * Where `level` is crossed walking from sample `start` in direction `step` (±1) no further than `limit`,
 * linearly interpolated between the two samples around the crossing; null if it is not crossed.
 */
export function crossing(
  x: Float64Array,
  y: ArrayLike<number>,
  start: number,
  step: 1 | -1,
  level: number,
  limit: number,
): number | null {
  for (let i = start; step > 0 ? i + 1 <= limit : i - 1 >= limit; i += step) {
    const a = y[i]!;
    const b = y[i + step]!;
    if (a >= level && b < level) {
      const f = (a - level) / (a - b);
      return x[i]! + f * (x[i + step]! - x[i]!);
    }
  }
  return null;
}

/** Vertex of the parabola through three equally spaced samples around index i (for apex times). */
export function parabolicPeak(x: Float64Array, y: ArrayLike<number>, i: number): { x: number; y: number } {
  if (i <= 0 || i >= y.length - 1) return { x: x[i]!, y: y[i]! };
  const a = y[i - 1]!;
  const b = y[i]!;
  const c = y[i + 1]!;
  const denominator = a - 2 * b + c;
  if (denominator >= 0) return { x: x[i]!, y: b };
  const offset = (0.5 * (a - c)) / denominator;
  const h = x[i + 1]! - x[i]!;
  return { x: x[i]! + offset * h, y: b - 0.25 * (a - c) * offset };
}
