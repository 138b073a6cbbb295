/**
 * Gating-ML 2.0 §5.3 scale transformations (flin, flog, fasinh) and §5.4 fratio, over Float64Arrays.
 * Logicle and hyperlog live in `logicle.ts` and `hyperlog.ts`.
 */

function output(n: number, out?: Float64Array): Float64Array {
  return out ?? new Float64Array(n);
}

/** flin(x, T, A) = (x + A) / (T + A). Gating-ML 2.0 §5.3.1. */
export function flin(x: Float64Array, T: number, A: number, out?: Float64Array): Float64Array {
  const y = output(x.length, out);
  for (let i = 0; i < x.length; i++) y[i] = (x[i]! + A) / (T + A);
  return y;
}

/** Inverse of flin: x = y·(T + A) − A. */
export function flinInverse(y: Float64Array, T: number, A: number, out?: Float64Array): Float64Array {
  const x = output(y.length, out);
  for (let i = 0; i < y.length; i++) x[i] = y[i]! * (T + A) - A;
  return x;
}

/** flog(x, T, M) = (1/M)·log10(x/T) + 1, undefined (NaN) for x ≤ 0. Gating-ML 2.0 §5.3.2. */
export function flog(x: Float64Array, T: number, M: number, out?: Float64Array): Float64Array {
  const y = output(x.length, out);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    y[i] = v > 0 ? Math.log10(v / T) / M + 1 : Number.NaN;
  }
  return y;
}

/** Inverse of flog: x = T·10^(M·(y − 1)). */
export function flogInverse(y: Float64Array, T: number, M: number, out?: Float64Array): Float64Array {
  const x = output(y.length, out);
  for (let i = 0; i < y.length; i++) x[i] = T * 10 ** (M * (y[i]! - 1));
  return x;
}

/**
 * fasinh(x, T, M, A) = (asinh(x·sinh(M·ln10)/T) + A·ln10) / ((M + A)·ln10). Gating-ML 2.0 §5.3.3.
 */
export function fasinh(x: Float64Array, T: number, M: number, A: number, out?: Float64Array): Float64Array {
  const y = output(x.length, out);
  const s = Math.sinh(M * Math.LN10) / T;
  const denom = (M + A) * Math.LN10;
  for (let i = 0; i < x.length; i++) y[i] = (Math.asinh(x[i]! * s) + A * Math.LN10) / denom;
  return y;
}

/** Inverse of fasinh: x = T·sinh((M + A)·ln10·y − A·ln10) / sinh(M·ln10). */
export function fasinhInverse(
  y: Float64Array,
  T: number,
  M: number,
  A: number,
  out?: Float64Array,
): Float64Array {
  const x = output(y.length, out);
  const s = T / Math.sinh(M * Math.LN10);
  for (let i = 0; i < y.length; i++) x[i] = s * Math.sinh((M + A) * Math.LN10 * y[i]! - A * Math.LN10);
  return x;
}

/** fratio(x1, x2, A, B, C) = A·(x1 − B) / (x2 − C). Gating-ML 2.0 §5.4. */
export function fratio(
  x1: Float64Array,
  x2: Float64Array,
  A: number,
  B: number,
  C: number,
  out?: Float64Array,
): Float64Array {
  const y = output(x1.length, out);
  for (let i = 0; i < x1.length; i++) y[i] = (A * (x1[i]! - B)) / (x2[i]! - C);
  return y;
}
