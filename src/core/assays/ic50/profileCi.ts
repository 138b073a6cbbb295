/**
 * Profile-likelihood confidence interval of log10 IC50 (DEFINITIONS.md §6, Prism's and Origin's
 * criterion): the lx values at which the RSS, re-minimised over the other free parameters with lx held
 * fixed, reaches RSS_min·(1 + F(0.95; 1, n − k)/(n − k)). Each side is bracketed by stepping outwards
 * from the optimum (doubling the step), then the crossing is found by the Illinois variant of regula
 * falsi; every profile fit starts from the parameters of the nearest lx already profiled, so the path
 * stays on one branch of the profile.
 */
import { fQuantile } from "../../stats/fDistribution.js";
import { type CurveData, LOG10_IC50 } from "./fourPL.js";
import { type FreeMask, minimizeFourPL } from "./fourPLLeastSquares.js";

/** Search constants of the profile CI. */
export const PROFILE = {
  /** How far beyond the tested log10-concentration range a bound is sought before the side is open. */
  maxDecadesBeyondData: 4,
  /** Width of the final bracket in log10 units. */
  tolerance: 1e-9,
  /** Root-finding iterations per side. */
  maxIterations: 100,
} as const;

/** Result of {@link profileLog10Ic50Ci}. */
export interface ProfileCi {
  /** Bounds in log10 nM; null when the RSS never reaches the threshold on that side (open). */
  bounds: [number | null, number | null];
  /** The RSS threshold RSS_min·(1 + F/(n − k)). */
  threshold: number;
  /** Whether a profile fit failed to converge on the way (the bound may then be too tight). */
  unconvergedProfileFits: number;
}

/**
 * Profile-likelihood 95 % CI of lx = log10 IC50 for the least-squares optimum `params` (RSS `rss`),
 * with `free` the mask of the fit and `df` = n − k.
 * @param logXRange [min, max] of log10 of the positive tested concentrations, to bound the search.
 * @param initialStep first step away from the optimum in log10 units (e.g. the Wald half-width).
 * @example profileLog10Ic50Ci(data, fit.params, fit.rss, ALL_FREE, 16, [-1, 3], 0.08).bounds
 */
export function profileLog10Ic50Ci(
  data: CurveData,
  params: Float64Array,
  rss: number,
  free: FreeMask,
  df: number,
  logXRange: [number, number],
  initialStep: number,
): ProfileCi {
  const threshold = rss * (1 + fQuantile(0.95, 1, df) / df);
  const profileFree = free & ~(1 << LOG10_IC50);
  const lxHat = params[LOG10_IC50]!;
  let unconverged = 0;
  const lowLimit = Math.min(lxHat, logXRange[0]) - PROFILE.maxDecadesBeyondData;
  const highLimit = Math.max(lxHat, logXRange[1]) + PROFILE.maxDecadesBeyondData;

  /** φ(lx) = profile RSS − threshold, with `p` the warm start in and the profile optimum out. */
  const phi = (lx: number, p: Float64Array): number => {
    p[LOG10_IC50] = lx;
    const run = minimizeFourPL(data, p, profileFree);
    if (!run.converged) unconverged++;
    return run.rss - threshold;
  };

  const side = (direction: -1 | 1): number | null => {
    let inside = lxHat;
    let insidePhi = rss - threshold;
    const insideParams = Float64Array.from(params);
    let outside = Number.NaN;
    let outsidePhi = Number.NaN;
    const outsideParams = new Float64Array(4);
    let step = Number.isFinite(initialStep) && initialStep > 0 ? initialStep : 0.25;
    // Bracket: walk outwards, doubling, until the profile RSS exceeds the threshold.
    for (;;) {
      const candidate = inside + direction * step;
      if (candidate < lowLimit || candidate > highLimit) return null;
      outsideParams.set(insideParams);
      const value = phi(candidate, outsideParams);
      if (value >= 0) {
        outside = candidate;
        outsidePhi = value;
        break;
      }
      inside = candidate;
      insidePhi = value;
      insideParams.set(outsideParams);
      step *= 2;
    }
    // Illinois regula falsi between inside (φ < 0) and outside (φ ≥ 0).
    const p = new Float64Array(4);
    let lastSide = 0;
    for (let iteration = 0; iteration < PROFILE.maxIterations; iteration++) {
      if (Math.abs(outside - inside) <= PROFILE.tolerance) break;
      let lx = inside - (insidePhi * (outside - inside)) / (outsidePhi - insidePhi);
      if (!(lx > Math.min(inside, outside) && lx < Math.max(inside, outside))) lx = 0.5 * (inside + outside);
      p.set(Math.abs(lx - inside) <= Math.abs(lx - outside) ? insideParams : outsideParams);
      const value = phi(lx, p);
      if (value === 0) return lx;
      if (value < 0) {
        inside = lx;
        insidePhi = value;
        insideParams.set(p);
        if (lastSide === -1) outsidePhi *= 0.5;
        lastSide = -1;
      } else {
        outside = lx;
        outsidePhi = value;
        outsideParams.set(p);
        if (lastSide === 1) insidePhi *= 0.5;
        lastSide = 1;
      }
    }
    return inside - (insidePhi * (outside - inside)) / (outsidePhi - insidePhi);
  };

  const lower = side(-1);
  const upper = side(1);
  return { bounds: [lower, upper], threshold, unconvergedProfileFits: unconverged };
}
