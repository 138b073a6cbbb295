/**
 * Least-squares fitting of the 4PL model: a Levenberg–Marquardt specialised to four parameters, and the
 * multi-start procedure of DEFINITIONS.md §4 built on it.
 *
 * Why not the general `core/fit/levenbergMarquardt`: the screen needs ≥ 30,000 ten-point curves/s with
 * 12 starts each, so this one forms the 4×4 normal equations JᵀJ from the kernel's sums
 * (`fourPL.ts`), solves them by an unrolled LDLᵀ, and works in module-level scratch buffers, allocating
 * nothing per iteration; a rejected trial step costs only the residual pass. Normal equations square
 * the condition number of J, which is harmless for a 4PL on a dose series (scaled cond(J) ≲ 1e4) but
 * would not be for NIST's problems.
 *
 * Steps: Marquardt damping (JᵀJ + μ·D)δ = −Jᵀr with Moré's non-decreasing diagonal scaling D; μ is
 * divided by 3 after an accepted step and doubled after a rejected one (the "delayed gratification"
 * schedule of Transtrum & Sethna 2012; ~20 % fewer evaluations than Nielsen's rule on 10-point series).
 * A Newton endgame on the full Hessian was tried and dropped: with the measures below it saved nothing.
 *
 * Stopping rules mirror the general LM's, so `converged` means the same in both: the Bates–Watts
 * relative offset ‖Q₁ᵀr‖/‖r‖ = √(gᵀ(JᵀJ)⁻¹g / RSS) ≤ the tolerance, or, when no step can lower the RSS,
 * ≤ `stallOffsetTol`; a zero-residual fit ends on a negligible Gauss–Newton step (with JᵀJ regular).
 * A run whose RSS creeps (falls by < 1e-7 relative over 10 iterations) while the offset test fails is
 * running off to infinity — hill → ∞ on a step-like curve, a plateau receding beyond the data — and
 * stops unconverged.
 *
 * Work saved without changing the answer — checked against full-tolerance starts without merging on
 * 20,000 seeded synthetic ten-point curves, 12 % of them ill-determined: the winning RSS agreed to 1e-9
 * on all but 5 curves, each one whose optimum recedes to infinity, where the class flipped between
 * active and fit_failed or a different local minimum won (once better, once worse):
 * - the 12 starts stop at a relative offset of 1e-3 (their RSS is then within ~1e-6 of their local
 *   minimum, enough to rank them), and only the winner is driven to 1e-7 by the polishing runs;
 * - a start that comes within one standard error of an optimum an earlier start converged to, in the
 *   metric (p − p*)ᵀJᵀJ(p − p*) ≤ s², stops there: that is a point whose RSS exceeds the optimum's by
 *   about s² = RSS/(n − k), well inside the 95 % confidence region (≈ 2 SE) where the quadratic model
 *   of the RSS holds, so the run could only converge to p* too.
 */
import type { CurveData } from "./fourPL.js";
import * as kernel from "./fourPL.js";

// Bound once: under tsx/esbuild's CommonJS interop (how bench/ runs) every call through an imported
// binding goes through a getter, which measured ~4 % of the fit.
const evaluateRss = kernel.evaluateRss;
const accumulateLastEvaluation = kernel.accumulateLastEvaluation;
const accumulateNormalEquations = kernel.accumulateNormalEquations;

/** Tuning of the 4PL Levenberg–Marquardt; see the module comment. */
export const FOURPL_LM = {
  /** Jacobian evaluations per run before giving up. */
  maxIterations: 200,
  /** Relative offset at which the winner's polishing runs stop (≈ 1e-7·√df standard errors away). */
  offsetTol: 1e-7,
  /** Relative offset at which a run from one of the 12 starts stops (RSS within ~1e-6 of its minimum). */
  startOffsetTol: 1e-3,
  /** Relative offset accepted when no step can lower the RSS any more (R nls's default tolerance). */
  stallOffsetTol: 1e-5,
  /** Relative scaled Gauss–Newton step that ends a zero-residual fit. */
  xtol: 1e-12,
  /** Initial Marquardt damping, relative to the scaled diagonal. */
  initialDamping: 0.3,
  /** Initial damping of the polishing runs, which start next to a minimum. */
  polishDamping: 1e-3,
  /** Factor on μ after a rejected step. */
  dampingUp: 2,
  /** Divisor of μ after an accepted step. */
  dampingDown: 3,
  /** Damping at which a run stops trying to lower the RSS. */
  maxDamping: 1e16,
  /** Iterations over which the RSS must fall by more than `stallDecrease` (relative) to go on. */
  stallWindow: 10,
  /** Relative RSS decrease per window below which a run counts as creeping. */
  stallDecrease: 1e-7,
  /** Distance, in standard errors, within which a start merges into an earlier optimum. */
  mergeDistance: 1,
  /** Restarts from the winner while the RSS keeps decreasing (DEFINITIONS.md §4). */
  maxPolishRuns: 20,
} as const;

/** Bit mask of fitted parameters: bit k set ⇔ parameter k (BOTTOM, TOP, LOG10_IC50, HILL) is free. */
export type FreeMask = number;

/** All four parameters free. */
export const ALL_FREE: FreeMask = 0b1111;

/** Outcome of one LM run (the parameters are updated in place). */
export interface FourPLRun {
  rss: number;
  iterations: number;
  converged: boolean;
  /** Index of the earlier optimum this run was merged into (see `mergeDistance`), or −1. */
  merged: number;
}

// Scratch space shared by all runs: fitting is synchronous, so runs never interleave.
const current = new Float64Array(21);
const solution = new Float64Array(4);
const trial = new Float64Array(4);
const scale = new Float64Array(4);
const freeFactor = new Float64Array(4);

// Optima found by earlier starts of the current multi-start fit: parameters, packed JᵀJ and RSS.
const MAX_OPTIMA = 16;
const optimaParams = new Float64Array(4 * MAX_OPTIMA);
const optimaNormal = new Float64Array(10 * MAX_OPTIMA);
const optimaRss = new Float64Array(MAX_OPTIMA);
let optimaCount = 0;
let mergeThreshold = 0; // d²·s², in RSS units

/**
 * The index of a recorded optimum within `mergeDistance` standard errors of p, or −1. Packed JᵀJ order
 * as in accumulateNormalEquations (00, 01, 02, 03, 11, 12, 13, 22, 23, 33).
 */
function nearbyOptimum(p: Float64Array): number {
  for (let k = 0; k < optimaCount; k++) {
    const d0 = p[0]! - optimaParams[4 * k]!;
    const d1 = p[1]! - optimaParams[4 * k + 1]!;
    const d2 = p[2]! - optimaParams[4 * k + 2]!;
    const d3 = p[3]! - optimaParams[4 * k + 3]!;
    const a = 10 * k;
    const q =
      optimaNormal[a]! * d0 * d0 +
      optimaNormal[a + 4]! * d1 * d1 +
      optimaNormal[a + 7]! * d2 * d2 +
      optimaNormal[a + 9]! * d3 * d3 +
      2 *
        (optimaNormal[a + 1]! * d0 * d1 +
          optimaNormal[a + 2]! * d0 * d2 +
          optimaNormal[a + 3]! * d0 * d3 +
          optimaNormal[a + 5]! * d1 * d2 +
          optimaNormal[a + 6]! * d1 * d3 +
          optimaNormal[a + 8]! * d2 * d3);
    if (q <= mergeThreshold) return k;
  }
  return -1;
}

/**
 * Solves M·δ = −g for the 4×4 system M = N + μ·diag(scale) restricted to the free parameters (fixed
 * ones get δ = 0), N given by its packed upper triangle `n[4..13]`; g = `n[0..3]`. Unrolled LDLᵀ.
 * Returns false when M is not positive definite (a pivot ≤ 1e-14 of its diagonal entry), leaving
 * `solution` unspecified.
 */
function solveSystem(n: Float64Array, mu: number): boolean {
  const f0 = freeFactor[0]!;
  const f1 = freeFactor[1]!;
  const f2 = freeFactor[2]!;
  const f3 = freeFactor[3]!;
  // A fixed parameter's row and column become those of the identity, with a zero right-hand side.
  const m00 = f0 ? n[4]! + mu * scale[0]! : 1;
  const m01 = n[5]! * f0 * f1;
  const m02 = n[6]! * f0 * f2;
  const m03 = n[7]! * f0 * f3;
  const m11 = f1 ? n[8]! + mu * scale[1]! : 1;
  const m12 = n[9]! * f1 * f2;
  const m13 = n[10]! * f1 * f3;
  const m22 = f2 ? n[11]! + mu * scale[2]! : 1;
  const m23 = n[12]! * f2 * f3;
  const m33 = f3 ? n[13]! + mu * scale[3]! : 1;
  // LDLᵀ without square roots; a pivot ≤ 1e-14 of its diagonal entry means not positive definite.
  const eps = 1e-14;
  if (!(m00 > 0)) return false;
  const i0 = 1 / m00;
  const l10 = m01 * i0;
  const l20 = m02 * i0;
  const l30 = m03 * i0;
  const d1 = m11 - l10 * m01;
  if (!(d1 > eps * m11)) return false;
  const i1 = 1 / d1;
  const c21 = m12 - l20 * m01;
  const c31 = m13 - l30 * m01;
  const l21 = c21 * i1;
  const l31 = c31 * i1;
  const d2 = m22 - l20 * m02 - l21 * c21;
  if (!(d2 > eps * m22)) return false;
  const i2 = 1 / d2;
  const c32 = m23 - l30 * m02 - l31 * c21;
  const l32 = c32 * i2;
  const d3 = m33 - l30 * m03 - l31 * c31 - l32 * c32;
  if (!(d3 > eps * m33)) return false;
  // L·z = −g, D·w = z, Lᵀ·δ = w.
  const z0 = -n[0]! * f0;
  const z1 = -n[1]! * f1 - l10 * z0;
  const z2 = -n[2]! * f2 - l20 * z0 - l21 * z1;
  const z3 = -n[3]! * f3 - l30 * z0 - l31 * z1 - l32 * z2;
  const x3 = z3 / d3;
  const x2 = z2 * i2 - l32 * x3;
  const x1 = z1 * i1 - l21 * x2 - l31 * x3;
  const x0 = z0 * i0 - l10 * x1 - l20 * x2 - l30 * x3;
  solution[0] = x0;
  solution[1] = x1;
  solution[2] = x2;
  solution[3] = x3;
  return true;
}

/** −gᵀ·solution = gᵀ(JᵀJ + μD)⁻¹g for the last solved system: a lower bound of the relative offset's numerator. */
function gradientDotSolution(n: Float64Array): number {
  return -(n[0]! * solution[0]! + n[1]! * solution[1]! + n[2]! * solution[2]! + n[3]! * solution[3]!);
}

/**
 * The squared relative offset gᵀ(JᵀJ)⁻¹g / RSS at the point whose normal equations are in `n`
 * (Infinity when JᵀJ is singular). Overwrites `solution`.
 */
function relativeOffset2(n: Float64Array, rss: number): number {
  if (!solveSystem(n, 0)) return Number.POSITIVE_INFINITY;
  return rss > 0 ? gradientDotSolution(n) / rss : 0;
}

function mergedInto(k: number, p: Float64Array, iteration: number): FourPLRun {
  for (let j = 0; j < 4; j++) p[j] = optimaParams[4 * k + j]!;
  return { rss: optimaRss[k]!, iterations: iteration, converged: true, merged: k };
}

/**
 * One run of the specialised Levenberg–Marquardt on the 4PL least-squares problem from `p`, which is
 * updated in place to the best point found. Fixed parameters (bits clear in `free`) keep their values.
 * With `merge`, the run stops early inside the neighbourhood of an optimum recorded by an earlier start
 * of the same {@link fitFourPLMultiStart} (see the module comment).
 * @example const run = minimizeFourPL(data, Float64Array.of(0, 100, 1, 1), ALL_FREE);
 */
export function minimizeFourPL(
  data: CurveData,
  p: Float64Array,
  free: FreeMask,
  offsetTol: number = FOURPL_LM.offsetTol,
  merge = false,
  initialDamping: number = FOURPL_LM.initialDamping,
  maxIterations: number = FOURPL_LM.maxIterations,
): FourPLRun {
  for (let k = 0; k < 4; k++) freeFactor[k] = (free >> k) & 1;
  let rss = accumulateNormalEquations(data, p, current);
  if (!Number.isFinite(rss)) return { rss, iterations: 0, converged: false, merged: -1 };
  // An exact fit (noiseless data): the residuals are rounding, so their direction, which the offset
  // test measures, is noise; at this RSS the fit cannot improve and has converged.
  const exactRss = roundingRss(data);
  scale.fill(0);
  let mu = initialDamping;
  const tol2 = offsetTol * offsetTol;
  let rssMark = rss;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (rss <= exactRss) return { rss, iterations: iteration, converged: true, merged: -1 };
    if (iteration % FOURPL_LM.stallWindow === 0) {
      // Creeping: the RSS fell by almost nothing over the window although the offset test still fails.
      // That is a fit running off to infinity (hill → ∞ on a step-like curve, a plateau beyond the
      // data), not one converging; stop rather than spend the whole budget on it.
      if (rssMark - rss <= FOURPL_LM.stallDecrease * rss) {
        const offset2 = relativeOffset2(current, rss);
        return {
          rss,
          iterations: iteration,
          converged: offset2 <= FOURPL_LM.stallOffsetTol * FOURPL_LM.stallOffsetTol,
          merged: -1,
        };
      }
      rssMark = rss;
    }
    if (scale[0]! < current[4]!) scale[0] = current[4]!;
    if (scale[1]! < current[8]!) scale[1] = current[8]!;
    if (scale[2]! < current[11]!) scale[2] = current[11]!;
    if (scale[3]! < current[13]!) scale[3] = current[13]!;
    for (let k = 0; k < 4; k++) if (!(scale[k]! > 0)) scale[k] = 1;

    let offset2 = Number.POSITIVE_INFINITY;
    for (;;) {
      if (solveSystem(current, mu)) {
        // Relative-offset test gᵀ(JᵀJ)⁻¹g ≤ tol²·RSS. The damped step gives the lower bound
        // −gᵀδ_μ = gᵀ(JᵀJ + μD)⁻¹g for free, so the exact (undamped) test only runs when that is small.
        if (gradientDotSolution(current) <= tol2 * rss) {
          let dStep = 0;
          let scaledParams = 0;
          for (let k = 0; k < 4; k++) {
            dStep += scale[k]! * solution[k]! * solution[k]!;
            scaledParams += scale[k]! * p[k]! * p[k]!;
          }
          const smallStep = mu <= 1e-6 && dStep <= FOURPL_LM.xtol * FOURPL_LM.xtol * scaledParams;
          offset2 = relativeOffset2(current, rss);
          // The small-step rule is for zero-residual fits, whose JᵀJ is regular; at a singular point
          // (a curve gone numerically flat or step-like) a vanishing step proves nothing.
          if (offset2 <= tol2 || (smallStep && offset2 < Number.POSITIVE_INFINITY)) {
            return { rss, iterations: iteration, converged: true, merged: -1 };
          }
          solveSystem(current, mu);
        }
        trial[0] = p[0]! + solution[0]!;
        trial[1] = p[1]! + solution[1]!;
        trial[2] = p[2]! + solution[2]!;
        trial[3] = p[3]! + solution[3]!;
        const rssTrial = evaluateRss(data, trial);
        if (rssTrial < rss) {
          // Accepted: only now form the normal equations at the new point.
          accumulateLastEvaluation(data, trial, current);
          p[0] = trial[0]!;
          p[1] = trial[1]!;
          p[2] = trial[2]!;
          p[3] = trial[3]!;
          rss = rssTrial;
          mu /= FOURPL_LM.dampingDown;
          if (merge && optimaCount > 0) {
            const k = nearbyOptimum(p);
            if (k >= 0) return mergedInto(k, p, iteration);
          }
          break;
        }
      }
      mu *= FOURPL_LM.dampingUp;
      if (mu > FOURPL_LM.maxDamping) {
        if (offset2 === Number.POSITIVE_INFINITY) offset2 = relativeOffset2(current, rss);
        return {
          rss,
          iterations: iteration,
          converged: offset2 <= FOURPL_LM.stallOffsetTol * FOURPL_LM.stallOffsetTol,
          merged: -1,
        };
      }
    }
  }
  return { rss, iterations: maxIterations, converged: false, merged: -1 };
}

/** Outcome of {@link fitFourPLMultiStart}. */
export interface MultiStartFit {
  /** The winning parameters (bottom, top, lx, hill), as fitted (hill may be negative). */
  params: Float64Array;
  rss: number;
  /**
   * Whether the last LM run from the winner converged to the full tolerance: false when no start
   * converged, and also when the best start's optimum turns out, on polishing, to recede to infinity.
   */
  converged: boolean;
  /** How many of the starts converged. */
  convergedStarts: number;
  /** LM iterations summed over all starts and polishing runs. */
  iterations: number;
}

/**
 * The robust fit of DEFINITIONS.md §4: LM from every start, lowest RSS among the converged runs wins
 * (among all runs when none converged), then LM is restarted from the winner while the RSS keeps
 * decreasing; `converged` reports the last of those runs.
 * @example fitFourPLMultiStart(data, fourPLStartingPoints(summary), ALL_FREE)
 */
export function fitFourPLMultiStart(data: CurveData, starts: Float64Array, free: FreeMask): MultiStartFit {
  const p = new Float64Array(4);
  const best = new Float64Array(4);
  let bestRss = Number.POSITIVE_INFINITY;
  let bestConverged = false;
  let convergedStarts = 0;
  let iterations = 0;
  let k = 0;
  for (let bit = 0; bit < 4; bit++) k += (free >> bit) & 1;
  optimaCount = 0;
  for (let s = 0; s + 4 <= starts.length; s += 4) {
    for (let j = 0; j < 4; j++) p[j] = starts[s + j]!;
    const run = minimizeFourPL(data, p, free, FOURPL_LM.startOffsetTol, true);
    iterations += run.iterations;
    if (run.converged) convergedStarts++;
    if (run.converged && run.merged < 0 && optimaCount < MAX_OPTIMA) {
      // Record the new optimum with JᵀJ there (left in `current` by the run) for later merges.
      optimaParams.set(p, 4 * optimaCount);
      for (let j = 0; j < 10; j++) optimaNormal[10 * optimaCount + j] = current[4 + j]!;
      optimaRss[optimaCount] = run.rss;
      if (optimaCount === 0) {
        mergeThreshold =
          FOURPL_LM.mergeDistance * FOURPL_LM.mergeDistance * (run.rss / Math.max(1, data.n - k));
      }
      optimaCount++;
    }
    // A converged run always beats an unconverged one; among equals, the lower RSS wins.
    const better = run.converged === bestConverged ? run.rss < bestRss : run.converged;
    if (better && Number.isFinite(run.rss)) {
      best.set(p);
      bestRss = run.rss;
      bestConverged = run.converged;
    }
  }
  if (Number.isFinite(bestRss)) {
    for (let k = 0; k < FOURPL_LM.maxPolishRuns; k++) {
      p.set(best);
      const run = minimizeFourPL(data, p, free, FOURPL_LM.offsetTol, false, FOURPL_LM.polishDamping);
      iterations += run.iterations;
      if (!(run.rss < bestRss)) {
        if (run.rss === bestRss) bestConverged = run.converged || bestConverged;
        break;
      }
      best.set(p);
      bestRss = run.rss;
      bestConverged = run.converged;
    }
  }
  optimaCount = 0;
  return { params: best, rss: bestRss, converged: bestConverged, convergedStarts, iterations };
}

/** The RSS of residuals at rounding level: n × (16 ε · max |y|)², below which a fit is exact. */
function roundingRss(data: CurveData): number {
  let max = 0;
  for (let i = 0; i < data.n; i++) {
    const a = Math.abs(data.y[i]!);
    if (a > max) max = a;
  }
  const r = 16 * Number.EPSILON * Math.max(max, 1);
  return data.n * r * r;
}
