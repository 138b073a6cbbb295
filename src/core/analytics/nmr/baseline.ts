import { medianInPlace } from "../../stats/orderStatistics.js";

/** Median of the values (copied, not modified), by quickselect: O(n) on average. */
export function median(values: ArrayLike<number>): number {
  return medianInPlace(Float64Array.from(values as ArrayLike<number>));
}

/**
 * Noise standard deviation from the first differences: 1.4826 · median|Δy| / √2, robust to peaks
 * (which occupy few points) and to a slowly varying baseline. Every 2nd difference is used on long spectra.
 */
export function noiseSigma(y: Float64Array): number {
  const stride = y.length > 32768 ? 2 : 1;
  const d = new Float64Array(Math.floor((y.length - 1) / stride));
  for (let i = 0, k = 0; k < d.length; i += stride, k++) d[k] = Math.abs(y[i + 1]! - y[i]!);
  return (1.4826 * median(d)) / Math.SQRT2;
}

/**
 * Baseline correction: the spectrum is cut into `segments` pieces; each piece's median is a baseline
 * sample (peaks cover a minority of its points); a polynomial of `degree` is fitted to the samples by
 * least squares, twice dropping samples more than 3 robust SDs off the fit (pieces dominated by a broad
 * signal); the polynomial is subtracted in place.
 * @returns the polynomial's coefficients in x ∈ [−1, 1].
 */
export function correctBaseline(y: Float64Array, degree = 3, segments = 64): number[] {
  const n = y.length;
  const width = Math.max(8, Math.floor(n / segments));
  const xs: number[] = [];
  const ms: number[] = [];
  for (let s = 0; s + width <= n; s += width) {
    xs.push(((s + width / 2) / (n - 1)) * 2 - 1);
    ms.push(median(y.subarray(s, s + width)));
  }
  let keep = xs.map(() => true);
  let coef = new Array<number>(degree + 1).fill(0);
  for (let iteration = 0; iteration < 3; iteration++) {
    coef = fitPolynomial(
      xs.filter((_, i) => keep[i]),
      ms.filter((_, i) => keep[i]),
      degree,
    );
    const residuals = xs.map((x, i) => ms[i]! - evalPolynomial(coef, x));
    const kept = residuals.filter((_, i) => keep[i]);
    const mad = 1.4826 * median(kept.map(Math.abs)) || Number.POSITIVE_INFINITY;
    const next = residuals.map((r) => Math.abs(r) <= 3 * mad);
    if (next.filter(Boolean).length < degree + 2) break;
    keep = next;
  }
  for (let i = 0; i < n; i++) y[i] = y[i]! - evalPolynomial(coef, (i / (n - 1)) * 2 - 1);
  return coef;
}

function evalPolynomial(coef: number[], x: number): number {
  let v = 0;
  for (let k = coef.length - 1; k >= 0; k--) v = v * x + coef[k]!;
  return v;
}

/** Least-squares polynomial by the normal equations (degree ≤ 5, x in [−1, 1], so well conditioned). */
function fitPolynomial(x: number[], y: number[], degree: number): number[] {
  const m = Math.min(degree, Math.max(0, x.length - 1)) + 1;
  const a = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i < x.length; i++) {
    const pow = [1];
    for (let k = 1; k < 2 * m; k++) pow.push(pow[k - 1]! * x[i]!);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) a[r]![c]! += pow[r + c]!;
      a[r]![m]! += pow[r]! * y[i]!;
    }
  }
  for (let col = 0; col < m; col++) {
    let piv = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[piv]![col]!)) piv = r;
    [a[col], a[piv]] = [a[piv]!, a[col]!];
    const p = a[col]![col]!;
    if (p === 0) continue;
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / p;
      for (let c = col; c <= m; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  const coef = a.map((row, r) => (row[r] === 0 ? 0 : row[m]! / row[r]!));
  while (coef.length < degree + 1) coef.push(0);
  return coef;
}
