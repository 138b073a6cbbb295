/** Options of {@link baselineAls}. */
export interface BaselineAlsOptions {
  /** Smoothness λ of the second-difference penalty; the baseline follows features wider than ~λ^¼ samples. @default 1e8 */
  lambda?: number;
  /** Asymmetry p: weight of points above the baseline (1 − p below). @default 0.001 */
  p?: number;
  /** Reweighting passes; stops early once no weight changes. @default 10 */
  iterations?: number;
}

/** Defaults of {@link baselineAls}, checked against the TSDoc `@default`s in the tests. */
export const BASELINE_ALS_DEFAULTS = { lambda: 1e8, p: 0.001, iterations: 10 } as const;

/**
 * Asymmetric least-squares baseline (Eilers & Boelens 2005, "Baseline correction with asymmetric least
 * squares smoothing"): minimises Σ wᵢ(yᵢ − zᵢ)² + λ Σ(Δ²zᵢ)², with wᵢ = p above the baseline and 1 − p
 * below, re-weighted until stable. Each pass solves the pentadiagonal system (W + λDᵀD) z = W y by a banded
 * LDLᵀ factorisation in O(n).
 * @param out optional output buffer of the input's length.
 * @example baselineAls(signal, { lambda: 1e7, p: 0.01 })
 */
export function baselineAls(
  y: Float64Array,
  options: BaselineAlsOptions = {},
  out: Float64Array = new Float64Array(y.length),
): Float64Array {
  const lambda = options.lambda ?? BASELINE_ALS_DEFAULTS.lambda;
  const p = options.p ?? BASELINE_ALS_DEFAULTS.p;
  const iterations = options.iterations ?? BASELINE_ALS_DEFAULTS.iterations;
  const n = y.length;
  if (n < 4) {
    // Too short for a second-difference penalty to mean anything: the signal is its own baseline.
    out.set(y);
    return out;
  }
  const w = new Float64Array(n).fill(1);
  const d = new Float64Array(n); // LDLᵀ: diagonal
  const l1 = new Float64Array(n); // first sub-diagonal of L
  const l2 = new Float64Array(n); // second sub-diagonal of L
  for (let pass = 0; pass < iterations; pass++) {
    solvePenalised(y, w, lambda, d, l1, l2, out);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const next = y[i]! > out[i]! ? p : 1 - p;
      if (next !== w[i]) {
        w[i] = next;
        changed++;
      }
    }
    if (changed === 0) break;
  }
  return out;
}

/**
 * Whittaker smoother with fixed weights (Eilers 2003, "A perfect smoother"): minimises
 * Σ wᵢ(yᵢ − zᵢ)² + λ Σ(Δ²zᵢ)². With weights 0 over peaks and 1 elsewhere it draws a smooth baseline through
 * the baseline regions and interpolates it under the peaks. At least two samples need a positive weight.
 * @param out optional output buffer of the input's length.
 */
export function whittakerSmooth(
  y: Float64Array,
  weights: Float64Array,
  lambda: number,
  out: Float64Array = new Float64Array(y.length),
): Float64Array {
  const n = y.length;
  if (n < 4) {
    out.set(y);
    return out;
  }
  solvePenalised(y, weights, lambda, new Float64Array(n), new Float64Array(n), new Float64Array(n), out);
  return out;
}

/**
 * Solves (W + λDᵀD) z = W y for the second-difference operator D. DᵀD has the bands
 * (1, −2, 1 | 1, −4, 6, −4, 1 | … ) with the first and last two rows shortened.
 */
function solvePenalised(
  y: Float64Array,
  w: Float64Array,
  lambda: number,
  d: Float64Array,
  l1: Float64Array,
  l2: Float64Array,
  z: Float64Array,
): void {
  const n = y.length;
  const diag = (i: number) => (i === 0 || i === n - 1 ? 1 : i === 1 || i === n - 2 ? 5 : 6);
  const off1 = (i: number) => (i === 0 || i === n - 2 ? -2 : -4); // A[i+1][i]
  // Banded LDLᵀ: A = L D Lᵀ with unit lower-triangular L of bandwidth 2.
  for (let i = 0; i < n; i++) {
    const a0 = w[i]! + lambda * diag(i);
    const a1 = i >= 1 ? lambda * off1(i - 1) : 0; // A[i][i−1]
    const a2 = i >= 2 ? lambda : 0; // A[i][i−2]
    const li2 = i >= 2 ? a2 / d[i - 2]! : 0;
    const li1 = i >= 1 ? (a1 - (i >= 2 ? li2 * d[i - 2]! * l1[i - 1]! : 0)) / d[i - 1]! : 0;
    l2[i] = li2;
    l1[i] = li1;
    d[i] = a0 - li1 * li1 * (i >= 1 ? d[i - 1]! : 0) - li2 * li2 * (i >= 2 ? d[i - 2]! : 0);
  }
  // Forward (L u = W y), diagonal, backward (Lᵀ z = D⁻¹ u).
  for (let i = 0; i < n; i++) {
    z[i] = w[i]! * y[i]! - (i >= 1 ? l1[i]! * z[i - 1]! : 0) - (i >= 2 ? l2[i]! * z[i - 2]! : 0);
  }
  for (let i = 0; i < n; i++) z[i] = z[i]! / d[i]!;
  for (let i = n - 1; i >= 0; i--) {
    z[i] = z[i]! - (i + 1 < n ? l1[i + 1]! * z[i + 1]! : 0) - (i + 2 < n ? l2[i + 2]! * z[i + 2]! : 0);
  }
}
