import { InputError } from "../../../errors.js";
import { applyScale, invertScale, type MonotoneScale } from "./invertMonotone.js";

/**
 * Hyperlog constants, Gating-ML 2.0 §5.3.5 (Bagwell 2005): EH(y) = a·e^(b·y) + c·y − f for y ≥ x1,
 * odd about x1 below; hyperlog(x) is the root of EH(y) − x.
 */
export function hyperlogScale(T: number, W: number, M: number, A: number): MonotoneScale {
  if (!(T > 0) || !(M > 0) || !(W > 0) || 2 * W > M || -A > W || A + W > M - W) {
    throw new InputError(`hyperlog: invalid parameters T=${T} W=${W} M=${M} A=${A}`);
  }
  const w = W / (M + A);
  const x2 = A / (M + A);
  const x1 = x2 + w;
  const x0 = x2 + 2 * w;
  const b = (M + A) * Math.LN10;
  const cA = Math.exp(b * x0) / w;
  const fA = Math.exp(b * x1) + cA * x1;
  const a = T / (Math.exp(b) + cA - fA);
  const c = cA * a;
  const f = fA * a;
  const value = (y: number): number => (y >= x1 ? a * Math.exp(b * y) + c * y - f : -value(2 * x1 - y));
  const slope = (y: number): number => (y >= x1 ? a * b * Math.exp(b * y) + c : slope(2 * x1 - y));
  const newtonStep = (y: number, x: number): number => {
    const up = a * Math.exp(b * y);
    return (up + c * y - f - x) / (b * up + c);
  };
  return { x1, value, slope, newtonStep };
}

/** hyperlog(x, T, W, M, A), Gating-ML 2.0 §5.3.5, for every element of x. */
export function hyperlog(
  x: Float64Array,
  T: number,
  W: number,
  M: number,
  A: number,
  out?: Float64Array,
): Float64Array {
  return invertScale(hyperlogScale(T, W, M, A), x, out);
}

/** Inverse of hyperlog: x = EH(y). */
export function hyperlogInverse(
  y: Float64Array,
  T: number,
  W: number,
  M: number,
  A: number,
  out?: Float64Array,
): Float64Array {
  return applyScale(hyperlogScale(T, W, M, A), y, out);
}
