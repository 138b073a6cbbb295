import { InputError } from "../../../errors.js";
import { applyScale, invertScale, type MonotoneScale } from "./invertMonotone.js";

/**
 * Logicle parameters of Parks, Roederer & Moore (2006) as specified in Gating-ML 2.0 §5.3.4:
 * S(y) = a·e^(b·y) − c·e^(−d·y) + f for y ≥ x1, odd about x1 below; logicle(x) is the root of S(y) − x.
 */
export interface LogicleScale extends MonotoneScale {
  a: number;
  b: number;
  c: number;
  d: number;
  f: number;
  w: number;
}

/** Solves 2·(ln d − ln b) + w·(b + d) = 0 for d in (0, b] by bisection to full precision (Parks 2006). */
function solveD(b: number, w: number): number {
  if (w === 0) return b;
  let lo = 0;
  let hi = b;
  for (let i = 0; i < 2000; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    const g = 2 * (Math.log(mid) - Math.log(b)) + w * (b + mid);
    if (g < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Computes the logicle scale constants for parameters T, W, M, A (Gating-ML 2.0 §5.3.4). */
export function logicleScale(T: number, W: number, M: number, A: number): LogicleScale {
  if (!(T > 0) || !(M > 0) || !(W >= 0) || 2 * W > M || -A > W || A + W > M - W) {
    throw new InputError(`logicle: invalid parameters T=${T} W=${W} M=${M} A=${A}`);
  }
  const w = W / (M + A);
  const x2 = A / (M + A);
  const x1 = x2 + w;
  const x0 = x2 + 2 * w;
  const b = (M + A) * Math.LN10;
  const d = solveD(b, w);
  const cA = Math.exp(x0 * (b + d));
  const mfA = Math.exp(b * x1) - cA / Math.exp(d * x1);
  const a = T / (Math.exp(b) - mfA - cA / Math.exp(d));
  const c = cA * a;
  const f = -mfA * a;
  const value = (y: number): number =>
    y >= x1 ? a * Math.exp(b * y) - c * Math.exp(-d * y) + f : -value(2 * x1 - y);
  const slope = (y: number): number =>
    y >= x1 ? a * b * Math.exp(b * y) + c * d * Math.exp(-d * y) : slope(2 * x1 - y);
  const newtonStep = (y: number, x: number): number => {
    const up = a * Math.exp(b * y);
    const down = c * Math.exp(-d * y);
    return (up - down + f - x) / (b * up + d * down);
  };
  return { a, b, c, d, f, w, x1, value, slope, newtonStep };
}

/** logicle(x, T, W, M, A), Gating-ML 2.0 §5.3.4: the y with S(y) = x, for every element of x. */
export function logicle(
  x: Float64Array,
  T: number,
  W: number,
  M: number,
  A: number,
  out?: Float64Array,
): Float64Array {
  return invertScale(logicleScale(T, W, M, A), x, out);
}

/** Inverse of logicle: x = S(y). */
export function logicleInverse(
  y: Float64Array,
  T: number,
  W: number,
  M: number,
  A: number,
  out?: Float64Array,
): Float64Array {
  return applyScale(logicleScale(T, W, M, A), y, out);
}
