/**
 * Ordinary least-squares slope of `y` on `x` over elements `start … end − 1` (intercept free, unweighted),
 * computed about the means so that large times and RFU values lose no precision. `NaN` with fewer than 2
 * points or when all x are equal.
 * @example olsSlope(Float64Array.of(0, 60, 120), Float64Array.of(10, 20, 30), 0, 3) // 1/6
 */
export function olsSlope(x: Float64Array, y: Float64Array, start: number, end: number): number {
  const n = end - start;
  if (n < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let i = start; i < end; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = start; i < end; i++) {
    const dx = x[i]! - mx;
    sxx += dx * dx;
    sxy += dx * (y[i]! - my);
  }
  return sxx > 0 ? sxy / sxx : Number.NaN;
}
