/** A straight line fitted by ordinary least squares, written about the means of x and y. */
export interface LeastSquaresLine {
  slope: number;
  meanX: number;
  meanY: number;
}

/**
 * Ordinary least-squares line of `y` on `x` over elements `start … end − 1` (unweighted), computed about
 * the means so that large times and signal values lose no precision. The slope is `NaN` with fewer than
 * 2 points or when all x are equal.
 * @example leastSquaresLine(Float64Array.of(0, 60, 120), Float64Array.of(10, 20, 30), 0, 3).slope // 1/6
 */
export function leastSquaresLine(
  x: Float64Array,
  y: Float64Array,
  start: number,
  end: number,
): LeastSquaresLine {
  const n = end - start;
  if (n < 1) return { slope: Number.NaN, meanX: Number.NaN, meanY: Number.NaN };
  let sx = 0;
  let sy = 0;
  for (let i = start; i < end; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const meanX = sx / n;
  const meanY = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = start; i < end; i++) {
    const dx = x[i]! - meanX;
    sxx += dx * dx;
    sxy += dx * (y[i]! - meanY);
  }
  return { slope: n >= 2 && sxx > 0 ? sxy / sxx : Number.NaN, meanX, meanY };
}
