/**
 * General Levenberg–Marquardt for nonlinear least squares, min over p of ‖r(p)‖², with a user-supplied
 * residual vector and analytic Jacobian.
 *
 * Method: Moré's trust-region form of Levenberg–Marquardt, as in MINPACK `lmder` (Moré 1978, "The
 * Levenberg–Marquardt algorithm: implementation and theory"). Each step minimises ‖J·δ + r‖² subject
 * to ‖D·δ‖ ≤ Δ; the damping μ that meets the bound comes from Moré's safeguarded Newton iteration,
 * and every trial solve goes through a QR factorisation of J — never the normal equations, which square
 * the condition number (that matters on Thurber, MGH10 and Eckerle4). D holds the running maximum of the
 * Jacobian column norms (MINPACK's `mode = 1` scaling), so results do not depend on parameter units.
 * Δ grows and shrinks with the gain ratio exactly as in `lmder`.
 *
 * Stopping rules. `converged` is true only for the first three reasons.
 * - `"relative-offset"`: the Gauss–Newton step from the current point would lower the RSS by at most
 *   `offsetTol²·RSS`, i.e. ‖Q₁ᵀr‖/‖r‖ ≤ offsetTol — the relative-offset criterion of Bates & Watts
 *   (1981) that R's `nls` uses. Near a minimum it bounds the distance to it by about
 *   offsetTol·√(n − p) standard errors, whatever the parameters' units. Below ≈ 1e-8 the RSS decrease
 *   a step would bring (offset²·RSS) is under the rounding of the RSS itself, hence the default.
 * - `"rounding-limit"`: the trust region has collapsed (no step lowers the RSS in floating point) and
 *   the relative offset is ≤ `stallOffsetTol` (R `nls`'s own default tolerance, 1e-5). For an
 *   ill-conditioned J the offset cannot fall below ≈ ε·cond(J), so this is convergence to the precision
 *   double arithmetic allows (MGH10, Thurber).
 * - `"small-step"`: an accepted Gauss–Newton step (μ = 0) changed the scaled parameters by at most
 *   `xtol` relative: the zero-residual case, where the relative offset need not shrink.
 * - `"no-progress"`: the trust region collapsed while the relative offset is still above
 *   `stallOffsetTol`: a point where the model is flat or degenerate, not a minimum.
 * - `"max-iterations"`: `maxIterations` Jacobians were evaluated without meeting a test.
 * - `"non-finite"`: the residuals at the starting point are not all finite.
 * MINPACK's own `ftol`/`xtol` tests also fire when the trust region merely collapses, which is how
 * `leastsq` reports success on BoxBOD from NIST start 1 at a point that is not a minimum; the offset
 * check above is what keeps that case honest here.
 */
import { applyQTranspose, householderQr, invertSpd, norm2, solveUpperTriangular } from "./linearAlgebra.js";

/** ‖D·v‖ for the scaling diagonal D, through `work` (length ≥ v's). */
function scaledNorm(diag: Float64Array, v: Float64Array, work: Float64Array): number {
  for (let j = 0; j < diag.length; j++) work[j] = diag[j]! * v[j]!;
  return norm2(work, 0, diag.length);
}

/** A least-squares problem: residuals r(p) (length `nResiduals`) and their Jacobian ∂rᵢ/∂pⱼ. */
export interface LeastSquaresProblem {
  nResiduals: number;
  nParams: number;
  /** Writes r(p) into `out` (length nResiduals); non-finite values make the step be rejected. */
  residuals(params: Float64Array, out: Float64Array): void;
  /** Writes ∂rᵢ/∂pⱼ into `out[i * nParams + j]` (row-major, nResiduals × nParams). */
  jacobian(params: Float64Array, out: Float64Array): void;
}

/** Options for {@link levenbergMarquardt}; every field has a default in {@link LM_DEFAULTS}. */
export interface LevenbergMarquardtOptions {
  /** Maximum number of Jacobian evaluations. @default 1000 */
  maxIterations?: number;
  /** Relative-offset tolerance ‖Q₁ᵀr‖/‖r‖ for `"relative-offset"` (dimensionless). @default 1e-8 */
  offsetTol?: number;
  /** Relative offset accepted once no step can lower the RSS (`"rounding-limit"`). @default 1e-5 */
  stallOffsetTol?: number;
  /** Relative scaled Gauss–Newton step for `"small-step"` (zero-residual problems). @default 1e-12 */
  xtol?: number;
  /** Initial trust radius as a multiple of ‖D·p₀‖ (MINPACK's `factor`). @default 100 */
  stepBound?: number;
}

/** Default options of {@link levenbergMarquardt}; the single source of the documented @default values. */
export const LM_DEFAULTS = {
  maxIterations: 1000,
  offsetTol: 1e-8,
  stallOffsetTol: 1e-5,
  xtol: 1e-12,
  stepBound: 100,
} as const satisfies Required<LevenbergMarquardtOptions>;

/** Why {@link levenbergMarquardt} stopped; see the module comment for each. */
export type LevenbergMarquardtReason =
  | "relative-offset"
  | "rounding-limit"
  | "small-step"
  | "no-progress"
  | "max-iterations"
  | "non-finite";

/** Outcome of {@link levenbergMarquardt}: the best point found, whether or not it converged. */
export interface LevenbergMarquardtResult {
  params: Float64Array;
  /** Residual sum of squares at `params`. */
  rss: number;
  /** Jacobian evaluations. */
  iterations: number;
  /** Residual evaluations, including rejected trial steps. */
  evaluations: number;
  converged: boolean;
  reason: LevenbergMarquardtReason;
  /** ‖Q₁ᵀr‖/‖r‖ at `params` when last evaluated (NaN if never). */
  relativeOffset: number;
}

function sumOfSquares(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return s;
}

function norm(v: Float64Array, length = v.length): number {
  let s = 0;
  for (let i = 0; i < length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function resolveOptions(options: LevenbergMarquardtOptions): Required<LevenbergMarquardtOptions> {
  const o = { ...LM_DEFAULTS, ...options };
  for (const key of ["offsetTol", "stallOffsetTol", "xtol", "stepBound"] as const) {
    if (!(o[key] > 0)) throw new RangeError(`levenbergMarquardt: ${key} must be > 0, found ${o[key]}`);
  }
  if (!(Number.isInteger(o.maxIterations) && o.maxIterations >= 1)) {
    throw new RangeError(
      `levenbergMarquardt: maxIterations must be an integer ≥ 1, found ${o.maxIterations}`,
    );
  }
  return o;
}

/**
 * Work space and solver for the damped subproblem min ‖R·δ + c‖² + μ‖D·δ‖², with R (m×m, upper
 * triangle of `qr`, row stride m) and c = Q₁ᵀr from the QR of J.
 */
class DampedSolver {
  readonly aug: Float64Array;
  readonly tau: Float64Array;
  readonly rhs: Float64Array;
  readonly work: Float64Array;
  constructor(readonly m: number) {
    this.aug = new Float64Array(2 * m * m);
    this.tau = new Float64Array(m);
    this.rhs = new Float64Array(2 * m);
    this.work = new Float64Array(m);
  }

  /** Solves for δ into `step`; leaves R_μ (with R_μᵀR_μ = RᵀR + μD²) in the top of `aug`. */
  solve(r: Float64Array, c: Float64Array, diag: Float64Array, mu: number, step: Float64Array): boolean {
    const { m, aug, tau, rhs } = this;
    aug.fill(0);
    for (let i = 0; i < m; i++) for (let j = i; j < m; j++) aug[i * m + j] = r[i * m + j]!;
    const sqrtMu = Math.sqrt(mu);
    for (let j = 0; j < m; j++) aug[(m + j) * m + j] = sqrtMu * diag[j]!;
    for (let j = 0; j < m; j++) rhs[j] = -c[j]!;
    rhs.fill(0, m);
    if (mu > 0) {
      householderQr(aug, 2 * m, m, tau);
      applyQTranspose(aug, 2 * m, m, tau, rhs);
    }
    for (let j = 0; j < m; j++) step[j] = rhs[j]!;
    return solveUpperTriangular(aug, m, m, step);
  }

  /**
   * ‖R_μ⁻ᵀ·D²δ/‖Dδ‖‖ for the R_μ left by the last {@link solve}: −φ′(μ)·‖Dδ‖ / ‖Dδ‖ in Moré's
   * notation, the slope that his Newton iteration for μ needs.
   */
  slope(diag: Float64Array, step: Float64Array, dxNorm: number): number {
    const { m, aug, work } = this;
    for (let j = 0; j < m; j++) work[j] = (diag[j]! * diag[j]! * step[j]!) / dxNorm;
    // Forward substitution with R_μᵀ (lower triangular).
    for (let i = 0; i < m; i++) {
      let s = work[i]!;
      for (let k = 0; k < i; k++) s -= aug[k * m + i]! * work[k]!;
      work[i] = s / aug[i * m + i]!;
    }
    return norm(work, m);
  }
}

/**
 * Moré's `lmpar`: the damping μ ≥ 0 whose step satisfies ‖D·δ‖ ≈ Δ (within 10 %), or μ = 0 when the
 * Gauss–Newton step already lies inside the trust region. Returns μ and leaves δ in `step`.
 */
function dampingForRadius(
  solver: DampedSolver,
  r: Float64Array,
  c: Float64Array,
  diag: Float64Array,
  delta: number,
  muStart: number,
  step: Float64Array,
): number {
  const m = solver.m;
  let fullRank = true;
  for (let j = 0; j < m; j++) if (r[j * m + j] === 0) fullRank = false;
  let dxNorm = Number.POSITIVE_INFINITY;
  let muLow = 0;
  if (fullRank && solver.solve(r, c, diag, 0, step)) {
    dxNorm = scaledNorm(diag, step, solver.work);
    const fp = dxNorm - delta;
    if (fp <= 0.1 * delta) return 0;
    const s = solver.slope(diag, step, dxNorm);
    muLow = fp / delta / s / s;
  }
  // Upper bound ‖D⁻¹·Jᵀr‖/Δ, with Jᵀr = Rᵀc.
  for (let j = 0; j < m; j++) {
    let g = 0;
    for (let i = 0; i <= j; i++) g += r[i * m + j]! * c[i]!;
    solver.work[j] = g / diag[j]!;
  }
  const gNorm = norm2(solver.work, 0, m);
  let muHigh = gNorm / delta;
  if (muHigh === 0) muHigh = Number.MIN_VALUE / Math.min(delta, 0.1);
  let mu = Math.min(Math.max(muStart, muLow), muHigh);
  if (mu === 0) mu = gNorm / dxNorm;
  for (let iteration = 0; iteration < 10; iteration++) {
    if (!(mu > 0)) mu = Math.max(Number.MIN_VALUE, 0.001 * muHigh);
    solver.solve(r, c, diag, mu, step);
    dxNorm = scaledNorm(diag, step, solver.work);
    const fp = dxNorm - delta;
    if (Math.abs(fp) <= 0.1 * delta || (muLow === 0 && fp <= 0 && iteration > 0 && fp <= -0.9 * delta)) break;
    const s = solver.slope(diag, step, dxNorm);
    const correction = fp / delta / s / s;
    if (fp > 0) muLow = Math.max(muLow, mu);
    if (fp < 0) muHigh = Math.min(muHigh, mu);
    mu = Math.max(muLow, mu + correction);
    if (!(mu > muLow && mu < muHigh)) mu = Math.max(0.001 * muHigh, Math.sqrt(muLow * muHigh));
  }
  return mu;
}

/**
 * Minimises ‖r(p)‖² from `start` by Levenberg–Marquardt in Moré's trust-region form with MINPACK
 * scaling (see the module comment for the method and the stopping rules). The result is the best point
 * found, reported with `converged: false` and the reason when no convergence test was met.
 * @throws RangeError when `start` has the wrong length, nResiduals < nParams, or an option is invalid.
 * @example
 * const fit = levenbergMarquardt(problem, Float64Array.of(500, 1e-4));
 * if (!fit.converged) console.warn(fit.reason);
 */
export function levenbergMarquardt(
  problem: LeastSquaresProblem,
  start: Float64Array,
  options: LevenbergMarquardtOptions = {},
): LevenbergMarquardtResult {
  const opts = resolveOptions(options);
  const n = problem.nResiduals;
  const m = problem.nParams;
  if (start.length !== m) {
    throw new RangeError(`levenbergMarquardt: start has ${start.length} values, the problem ${m} parameters`);
  }
  if (n < m) throw new RangeError(`levenbergMarquardt: ${n} residuals cannot determine ${m} parameters`);

  const p = Float64Array.from(start);
  const trial = new Float64Array(m);
  const r = new Float64Array(n);
  const rTrial = new Float64Array(n);
  const jac = new Float64Array(n * m);
  const tau = new Float64Array(m);
  const qtr = new Float64Array(n);
  const rFactor = new Float64Array(m * m);
  const diag = new Float64Array(m);
  const step = new Float64Array(m);
  const solver = new DampedSolver(m);

  problem.residuals(p, r);
  let evaluations = 1;
  let rss = sumOfSquares(r);
  let relativeOffset = Number.NaN;
  const done = (iterations: number, converged: boolean, reason: LevenbergMarquardtReason) => ({
    params: p,
    rss,
    iterations,
    evaluations,
    converged,
    reason,
    relativeOffset,
  });
  if (!Number.isFinite(rss)) return done(0, false, "non-finite");

  let delta = 0;
  let mu = 0;
  for (let iteration = 1; iteration <= opts.maxIterations; iteration++) {
    problem.jacobian(p, jac);
    for (let j = 0; j < m; j++) {
      const columnNorm = norm2(jac, j, n, m);
      // Moré's scaling: D never shrinks, so a column that once mattered keeps bounding its step.
      if (columnNorm > diag[j]!) diag[j] = columnNorm;
      if (diag[j] === 0) diag[j] = 1;
    }
    if (iteration === 1) {
      const xNorm = scaledNorm(diag, p, trial);
      delta = xNorm > 0 ? opts.stepBound * xNorm : opts.stepBound;
    }
    householderQr(jac, n, m, tau);
    qtr.set(r);
    applyQTranspose(jac, n, m, tau, qtr);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) rFactor[i * m + j] = j >= i ? jac[i * m + j]! : 0;
    let projected = 0;
    for (let j = 0; j < m; j++) projected += qtr[j]! * qtr[j]!;
    relativeOffset = rss > 0 ? Math.sqrt(projected / rss) : 0;
    if (relativeOffset <= opts.offsetTol) return done(iteration, true, "relative-offset");

    // Inner loop: shrink the trust region until a step lowers the RSS (MINPACK's ratio test ≥ 1e-4).
    for (;;) {
      mu = dampingForRadius(solver, rFactor, qtr, diag, delta, mu, step);
      const stepNorm = scaledNorm(diag, step, trial);
      const xNorm = scaledNorm(diag, p, trial);
      let linearResidual = 0;
      for (let i = 0; i < m; i++) {
        let s = qtr[i]!;
        for (let j = i; j < m; j++) s += rFactor[i * m + j]! * step[j]!;
        linearResidual += s * s;
        trial[i] = p[i]! + step[i]!;
      }
      if (iteration === 1) delta = Math.min(delta, stepNorm);
      problem.residuals(trial, rTrial);
      evaluations++;
      const rssTrial = sumOfSquares(rTrial);
      // Relative reductions as in lmder: actual, predicted by the linear model, and its directional part.
      const actual = rssTrial < 100 * rss ? 1 - rssTrial / rss : -1;
      const predicted = (projected - linearResidual) / rss;
      const linearPart = (projected - linearResidual - mu * stepNorm * stepNorm) / rss;
      const ratio = predicted > 0 && Number.isFinite(rssTrial) ? actual / predicted : -1;
      if (ratio <= 0.25) {
        const dirDer =
          -(linearPart + (2 * mu * stepNorm * stepNorm) / rss) + (mu * stepNorm * stepNorm) / rss;
        let shrink = actual >= 0 ? 0.5 : (0.5 * dirDer) / (dirDer + 0.5 * actual);
        if (!(rssTrial < 100 * rss) || !(shrink >= 0.1)) shrink = 0.1;
        delta = shrink * Math.min(delta, stepNorm / 0.1);
        mu /= shrink;
      } else if (mu === 0 || ratio >= 0.75) {
        delta = stepNorm / 0.5;
        mu *= 0.5;
      }
      if (ratio >= 1e-4 && rssTrial < rss) {
        p.set(trial);
        r.set(rTrial);
        rss = rssTrial;
        if (mu === 0 && stepNorm <= opts.xtol * (xNorm + opts.xtol))
          return done(iteration, true, "small-step");
        break;
      }
      // The region is below the rounding level of p: no step can change the RSS any more.
      if (delta <= 2.220446049250313e-16 * xNorm || !(delta > 0)) {
        return relativeOffset <= opts.stallOffsetTol
          ? done(iteration, true, "rounding-limit")
          : done(iteration, false, "no-progress");
      }
    }
  }
  return done(opts.maxIterations, false, "max-iterations");
}

/** Standard errors and covariance of least-squares estimates; null members when J is rank-deficient. */
export interface LeastSquaresCovariance {
  /** s² = RSS/(n − p), the residual variance. */
  residualVariance: number;
  /** s²·(JᵀJ)⁻¹, row-major p×p; null when JᵀJ is singular or ill-conditioned. */
  covariance: Float64Array | null;
  /** √diag(covariance); null when the covariance is. */
  standardErrors: Float64Array | null;
}

/**
 * Gauss–Newton covariance s²·(JᵀJ)⁻¹ of least-squares estimates, with s² = RSS/(n − p), evaluated from
 * the problem's Jacobian at `params` (as NIST StRD, R `nls` and Prism report).
 * @throws RangeError when n ≤ p (no residual degrees of freedom).
 * @example leastSquaresCovariance(problem, fit.params, fit.rss).standardErrors
 */
export function leastSquaresCovariance(
  problem: LeastSquaresProblem,
  params: Float64Array,
  rss: number,
): LeastSquaresCovariance {
  const n = problem.nResiduals;
  const m = problem.nParams;
  if (n <= m) throw new RangeError(`leastSquaresCovariance: ${n} residuals leave no degrees of freedom`);
  const jac = new Float64Array(n * m);
  problem.jacobian(params, jac);
  const jtj = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += jac[i * m + a]! * jac[i * m + b]!;
      jtj[a * m + b] = s;
      jtj[b * m + a] = s;
    }
  }
  const residualVariance = rss / (n - m);
  const { inverse } = invertSpd(jtj, m);
  if (!inverse) return { residualVariance, covariance: null, standardErrors: null };
  const standardErrors = new Float64Array(m);
  for (let j = 0; j < m * m; j++) inverse[j] = inverse[j]! * residualVariance;
  for (let j = 0; j < m; j++) standardErrors[j] = Math.sqrt(inverse[j * m + j]!);
  return { residualVariance, covariance: inverse, standardErrors };
}
