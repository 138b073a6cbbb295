import { leastSquaresLine } from "../../stats/leastSquaresLine.js";

/**
 * Ordinary least-squares slope of `y` on `x` over elements `start … end − 1` (intercept free, unweighted),
 * computed about the means so that large times and RFU values lose no precision. `NaN` with fewer than 2
 * points or when all x are equal.
 * @example olsSlope(Float64Array.of(0, 60, 120), Float64Array.of(10, 20, 30), 0, 3) // 1/6
 */
export function olsSlope(x: Float64Array, y: Float64Array, start: number, end: number): number {
  return leastSquaresLine(x, y, start, end).slope;
}
