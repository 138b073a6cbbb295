/**
 * Numerically stable building blocks for integrals of exponentials over a step of length Δ, used by the
 * closed-form linear solver. Every argument met in practice is ≤ 0 (eigenvalues of a dissipative
 * compartmental system times a non-negative step), so no branch needs to guard against overflow.
 * The naive formulas ((e^z − 1)/z and friends) lose all digits as z → 0 — and z → 0 is routine here:
 * a 1 h step against a 9-day half-life gives z ≈ −0.003.
 */

/** φ1(z) = (e^z − 1)/z, with φ1(0) = 1. */
export function phi1(z: number): number {
  return z === 0 ? 1 : Math.expm1(z) / z;
}

/** φ2(z) = (e^z − 1 − z)/z², with φ2(0) = 1/2; a Taylor series near 0 avoids cancellation. */
export function phi2(z: number): number {
  if (Math.abs(z) < 1) {
    // Σ z^k/(k+2)!: |z| < 1 gives < 1e-17 relative truncation error after 18 terms.
    let term = 0.5;
    let sum = 0.5;
    for (let k = 1; k < 18; k++) {
      term *= z / (k + 2);
      sum += term;
    }
    return sum;
  }
  return (Math.expm1(z) - z) / (z * z);
}

/** φ1′(z) = ((z − 1)e^z + 1)/z², with φ1′(0) = 1/2; series for |z| < 1. */
export function phi1Derivative(z: number): number {
  if (Math.abs(z) < 1) {
    // Σ (k+1) z^k/(k+2)!
    let power = 1;
    let factorial = 2;
    let sum = 0.5;
    for (let k = 1; k < 20; k++) {
      power *= z;
      factorial *= k + 2;
      sum += ((k + 1) * power) / factorial;
    }
    return sum;
  }
  return ((z - 1) * Math.exp(z) + 1) / (z * z);
}

/** 5-point Gauss–Legendre nodes on [0, 1] and weights. */
const GL_NODES = [
  0.046910077030668004, 0.23076534494715845, 0.5, 0.7692346550528415, 0.953089922969332,
] as const;
const GL_WEIGHTS = [
  0.11846344252809454, 0.23931433524968324, 0.28444444444444444, 0.23931433524968324, 0.11846344252809454,
] as const;

/**
 * φ1[x, y] = (φ1(y) − φ1(x))/(y − x), the divided difference of φ1 (= φ1′(x) when x = y); equals
 * ∫∫ e^{x·v + y·u} over the unit simplex u, v ≥ 0, u + v ≤ 1. When x and y are close relative to their
 * size the difference quotient cancels, so it is computed as ∫₀¹ φ1′(x + s(y − x)) ds by 5-point
 * Gauss–Legendre, whose error is ≈ 1.6e-5·(|y − x|/max(1,|x|,|y|))¹⁰ relative — below 2e-15 in the
 * branch it is used in; the quotient branch loses at most a factor 10 to cancellation.
 */
export function phi1DividedDifference(x: number, y: number): number {
  const d = y - x;
  const scale = Math.max(1, Math.abs(x), Math.abs(y));
  if (Math.abs(d) > 0.1 * scale) return (phi1(y) - phi1(x)) / d;
  let sum = 0;
  for (let k = 0; k < 5; k++) sum += GL_WEIGHTS[k]! * phi1Derivative(x + GL_NODES[k]! * d);
  return sum;
}

/**
 * G(λ, μ, Δ) = ∫₀^Δ e^{λ(Δ−s)}·e^{μs} ds = (e^{μΔ} − e^{λΔ})/(μ − λ), symmetric in λ and μ, written as
 * e^{max·Δ}·Δ·φ1(−|μ − λ|Δ) so that it neither cancels when μ ≈ λ (the "ka equals a disposition
 * eigenvalue" case, where it tends to Δ·e^{λΔ}) nor overflows for long steps.
 */
export function expConvolution(lambda: number, mu: number, dt: number): number {
  const hi = Math.max(lambda, mu);
  const lo = Math.min(lambda, mu);
  return Math.exp(hi * dt) * dt * phi1(-(hi - lo) * dt);
}
