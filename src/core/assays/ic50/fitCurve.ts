/**
 * Fits one dose-response curve of the proteasome-inhibition assay: the 4PL model by unweighted least
 * squares with the 12-start grid and polishing of DEFINITIONS.md §4, Gauss–Newton standard errors and
 * the Wald CI of §5, the optional profile CI of §6, and the classes of §7. Concentrations are in nM,
 * responses in % activity (100 = uninhibited).
 */
import { InputError } from "../../errors.js";
import { invertSpdInto, SINGULAR_RCOND } from "../../fit/linearAlgebra.js";
import { tQuantile } from "../../stats/studentT.js";
import { type ConcentrationSummary, classifyByData, summarizeConcentrations } from "./classifyCurve.js";
import {
  accumulateNormalEquations,
  BOTTOM,
  type CurveData,
  HILL,
  LOG10_IC50,
  prepareCurveData,
  TOP,
} from "./fourPL.js";
import { ALL_FREE, type FreeMask, fitFourPLMultiStart, type MultiStartFit } from "./fourPLLeastSquares.js";
import { profileLog10Ic50Ci } from "./profileCi.js";
import { detectOutliersRout } from "./rout.js";
import { fourPLStartingPoints, START_COUNT } from "./startingPoints.js";

/** Options of {@link fitCurve}; defaults in {@link CURVE_FIT_DEFAULTS}. */
export interface CurveFitOptions {
  /** Fix the x → 0 plateau at this % activity instead of fitting it. */
  fixTop?: number;
  /** Fix the x → ∞ plateau at this % activity instead of fitting it. */
  fixBottom?: number;
  /** Compute the profile-likelihood CI of log10 IC50 (DEFINITIONS.md §6). @default false */
  profileCi?: boolean;
  /**
   * Outlier handling: none, or ROUT (Motulsky & Brown 2006): flag outliers from a robust fit, report
   * them in `outlierIndices` with a warning, and refit without them. Applied only to curves the data do
   * not already class as inactive or insufficient. @default "none"
   */
  outliers?: "none" | "rout";
  /** ROUT false-discovery rate Q as a fraction (0.01 = Prism's default 1 %). @default 0.01 */
  routQ?: number;
  /**
   * Covariance for the standard errors: s²(JᵀJ)⁻¹ (Gauss–Newton, as Prism, R nls and DEFINITIONS.md §5)
   * or s²·(½·Hessian of the RSS)⁻¹ (the observed information, as R drc reports).
   * @default "gauss-newton"
   */
  seMethod?: "gauss-newton" | "hessian";
}

/** Default options of {@link fitCurve}; the single source of the documented @default values. */
export const CURVE_FIT_DEFAULTS = {
  profileCi: false,
  outliers: "none",
  routQ: 0.01,
  seMethod: "gauss-newton",
} as const satisfies Omit<Required<CurveFitOptions>, "fixTop" | "fixBottom">;

/** Class of a curve (DEFINITIONS.md §7). */
export type CurveClass = "active" | "inactive" | "insufficient_data" | "fit_failed";

/**
 * Result of {@link fitCurve}: plain and serialisable. Concentrations in nM, plateaus in % activity,
 * log10 values of nM. Parameters are reported with hill > 0, so `top` is the x → 0 plateau.
 */
export interface CurveFit {
  class: CurveClass;
  /** IC50 in nM; for `inactive`, the highest tested concentration with qualifier ">". */
  ic50_nM: number | null;
  ic50Qualifier: "=" | ">" | null;
  log10Ic50: number | null;
  seLog10Ic50: number | null;
  /** Wald 95 % CI of log10 IC50: lx ± t(0.975, df)·SE(lx). */
  ci95Log10Wald: [number, number] | null;
  /** 10^(Wald bounds), in nM (asymmetric about the IC50). */
  ci95_nM: [number, number] | null;
  /** Profile-likelihood 95 % CI of log10 IC50 (only with `profileCi`); a null side is open. */
  ci95Log10Profile: [number | null, number | null] | null;
  hill: number | null;
  top: number | null;
  bottom: number | null;
  /** Standard errors; null for a fixed parameter or when JᵀJ is singular. */
  seTop: number | null;
  seBottom: number | null;
  seHill: number | null;
  /** SE of the IC50 in nM by the delta method: IC50·ln10·SE(lx). */
  seIc50: number | null;
  /** Concentration (nM) where the fitted curve crosses 50 % activity; null unless bottom < 50 < top. */
  absIc50_nM: number | null;
  r2: number | null;
  rss: number | null;
  /** √(RSS/df). */
  residSd: number | null;
  /** Residual degrees of freedom: points fitted minus free parameters. */
  df: number;
  /** t(0.975, df), the Wald multiplier. */
  tCrit: number | null;
  /** Points in the final fit (after ROUT exclusions). */
  nPoints: number;
  nConcentrations: number;
  minConc_nM: number;
  maxConc_nM: number;
  /** max over concentrations of (100 − mean % activity), in %. */
  maxInhibitionPct: number;
  /**
   * Whether the fit converged: the last polishing run from the winning start met the convergence test
   * (see `fourPLLeastSquares.ts`); false for `fit_failed` and `insufficient_data`.
   */
  converged: boolean;
  /** LM iterations summed over all starts and polishing runs. */
  iterations: number;
  /** Indices of ROUT-flagged points in the input arrays; [] when `outliers` is "none". */
  outlierIndices: number[];
  /** The 4PL optimum of an `inactive` (or `fit_failed`) curve, not to be reported as an IC50. */
  fitUnreliable: { ic50_nM: number; hill: number; top: number; bottom: number } | null;
  warnings: string[];
}

interface ResolvedOptions {
  profileCi: boolean;
  outliers: "none" | "rout";
  routQ: number;
  seMethod: "gauss-newton" | "hessian";
  fixTop: number | undefined;
  fixBottom: number | undefined;
}

function resolveOptions(options: CurveFitOptions): ResolvedOptions {
  const o = { ...CURVE_FIT_DEFAULTS, ...options } as ResolvedOptions;
  for (const key of ["fixTop", "fixBottom"] as const) {
    const v = o[key];
    if (v !== undefined && !Number.isFinite(v)) {
      throw new InputError(`fitCurve: options.${key} must be a finite % activity, found ${v}`);
    }
  }
  if (o.fixTop !== undefined && o.fixTop === o.fixBottom) {
    throw new InputError(
      `fitCurve: options.fixTop and options.fixBottom are both ${o.fixTop}, which makes the curve flat; fix at most one plateau at that value`,
    );
  }
  if (o.outliers !== "none" && o.outliers !== "rout") {
    throw new InputError(
      `fitCurve: options.outliers must be "none" or "rout", found "${String(o.outliers)}"`,
    );
  }
  if (o.seMethod !== "gauss-newton" && o.seMethod !== "hessian") {
    throw new InputError(
      `fitCurve: options.seMethod must be "gauss-newton" or "hessian", found "${String(o.seMethod)}"`,
    );
  }
  if (!(o.routQ > 0 && o.routQ < 1)) {
    throw new InputError(
      `fitCurve: options.routQ must be a fraction in (0, 1) such as 0.01 for 1 %, found ${o.routQ}`,
    );
  }
  return o;
}

function validateInputs(conc_nM: Float64Array, pct: Float64Array): void {
  if (conc_nM.length !== pct.length) {
    throw new InputError(
      `fitCurve: conc_nM has ${conc_nM.length} values but pctActivity has ${pct.length}; pass one response per concentration`,
    );
  }
  for (let i = 0; i < conc_nM.length; i++) {
    const x = conc_nM[i]!;
    if (!Number.isFinite(x)) {
      throw new InputError(`fitCurve: conc_nM[${i}] is ${x}; expected a finite concentration ≥ 0 nM`);
    }
    if (x < 0) {
      throw new InputError(
        `fitCurve: conc_nM[${i}] is ${x}; concentrations must be ≥ 0 nM (0 = no compound)`,
      );
    }
    const y = pct[i]!;
    if (!Number.isFinite(y)) {
      throw new InputError(
        `fitCurve: pctActivity[${i}] is ${y}; expected a finite % activity. Remove the point or fix its source`,
      );
    }
  }
}

// t(0.975, df) for the small integer df of plate curves, memoised: the quantile costs ~2 µs, a tenth of
// a whole fit.
const T_CRIT_CACHE: number[] = [];
function tCrit975(df: number): number {
  if (Number.isInteger(df) && df < 4096) {
    const cached = T_CRIT_CACHE[df];
    if (cached !== undefined) return cached;
    const value = tQuantile(0.975, df);
    T_CRIT_CACHE[df] = value;
    return value;
  }
  return tQuantile(0.975, df);
}

function countFree(free: FreeMask): number {
  let k = 0;
  for (let bit = 0; bit < 4; bit++) k += (free >> bit) & 1;
  return k;
}

function emptyFit(
  summary: ConcentrationSummary,
  df: number,
  warnings: string[],
  outliers: number[],
): CurveFit {
  return {
    class: "insufficient_data",
    ic50_nM: null,
    ic50Qualifier: null,
    log10Ic50: null,
    seLog10Ic50: null,
    ci95Log10Wald: null,
    ci95_nM: null,
    ci95Log10Profile: null,
    hill: null,
    top: null,
    bottom: null,
    seTop: null,
    seBottom: null,
    seHill: null,
    seIc50: null,
    absIc50_nM: null,
    r2: null,
    rss: null,
    residSd: null,
    df,
    tCrit: null,
    nPoints: summary.nPoints,
    nConcentrations: summary.nConcentrations,
    minConc_nM: summary.minConc_nM,
    maxConc_nM: summary.maxConc_nM,
    maxInhibitionPct: summary.maxInhibitionPct,
    converged: false,
    iterations: 0,
    outlierIndices: outliers,
    fitUnreliable: null,
    warnings,
  };
}

/** The fitted parameters reported with hill > 0 (the model is invariant under (b, t, h) → (t, b, −h)). */
function normalised(params: Float64Array) {
  const flipped = params[HILL]! < 0;
  return {
    flipped,
    bottom: flipped ? params[TOP]! : params[BOTTOM]!,
    top: flipped ? params[BOTTOM]! : params[TOP]!,
    hill: Math.abs(params[HILL]!),
    lx: params[LOG10_IC50]!,
  };
}

function unreliable(fit: MultiStartFit): CurveFit["fitUnreliable"] {
  if (!Number.isFinite(fit.rss)) return null;
  const n = normalised(fit.params);
  return { ic50_nM: 10 ** n.lx, hill: n.hill, top: n.top, bottom: n.bottom };
}

// Where entry (a, b) of the 4×4 normal matrix, and of the curvature term, sits in the kernel's output.
const NORMAL_SLOT = Int8Array.of(4, 5, 6, 7, 5, 8, 9, 10, 6, 9, 11, 12, 7, 10, 12, 13);
const CURVATURE_SLOT = Int8Array.of(-1, -1, 14, 15, -1, -1, 16, 17, 14, 16, 18, 19, 15, 17, 19, 20);

// Scratch for covariance(); its result is read before the next fit.
const covPacked = new Float64Array(21);
const covIndex = new Int8Array(4);
const covSub4 = new Float64Array(16);
const covResult = new Float64Array(16);
const covInverse = new Float64Array(16);
const covWork = new Float64Array(24);

/**
 * Covariance of the free parameters at the optimum (row-major 4×4, zero rows for fixed ones), or null
 * when the matrix is singular or, for the Hessian, not positive definite.
 */
function covariance(data: CurveData, params: Float64Array, free: FreeMask, s2: number, method: string) {
  // JᵀJ, plus Σ rᵢ∇²yᵢ for half the Hessian of the RSS, from the packed kernel output.
  const hessian = method === "hessian";
  accumulateNormalEquations(data, params, covPacked, hessian);
  let m = 0;
  for (let k = 0; k < 4; k++) if ((free >> k) & 1) covIndex[m++] = k;
  const sub = m === 4 ? covSub4 : new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const slot = covIndex[a]! * 4 + covIndex[b]!;
      const c = CURVATURE_SLOT[slot]!;
      sub[a * m + b] = covPacked[NORMAL_SLOT[slot]!]! + (hessian && c >= 0 ? covPacked[c]! : 0);
    }
  }
  if (!(invertSpdInto(sub, m, covInverse, covWork) >= SINGULAR_RCOND)) return null;
  const inverse = covInverse;
  covResult.fill(0);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) covResult[covIndex[a]! * 4 + covIndex[b]!] = s2 * inverse[a * m + b]!;
  }
  return covResult;
}

/**
 * Fits the 4PL dose-response model to one curve and classifies it (DEFINITIONS.md §4–§7).
 * Points with conc_nM = 0 are the x → 0 limit of the model (as drc treats them). The class is
 * `fit_failed` when the multi-start fit does not end at a converged optimum: no start converged, or the
 * best one, polished, keeps sliding towards parameters at infinity.
 * @param conc_nM concentrations in nM, ≥ 0; replicates are separate points.
 * @param pctActivity responses in % activity, same length.
 * @throws InputError when the arrays differ in length, a concentration is negative or not finite, a
 *   response is NaN or infinite (the message names the index), or an option is invalid.
 * @example
 * const fit = fitCurve(Float64Array.of(1, 3, 10, 30, 100, 300), Float64Array.of(98, 90, 62, 30, 11, 4));
 * fit.class; // "active"
 * fit.ic50_nM; // ≈ 14
 */
export function fitCurve(
  conc_nM: Float64Array,
  pctActivity: Float64Array,
  options: CurveFitOptions = {},
): CurveFit {
  const opts = resolveOptions(options);
  validateInputs(conc_nM, pctActivity);
  const warnings: string[] = [];
  let free: FreeMask = ALL_FREE;
  if (opts.fixBottom !== undefined) free &= ~(1 << BOTTOM);
  if (opts.fixTop !== undefined) free &= ~(1 << TOP);
  const k = countFree(free);
  const fixed = { top: opts.fixTop, bottom: opts.fixBottom };

  let summary = summarizeConcentrations(conc_nM, pctActivity);
  let dataClass = classifyByData(summary);
  if (dataClass === "insufficient_data") {
    warnings.push(
      `insufficient data: ${summary.nPoints} points at ${summary.nConcentrations} concentrations; a 4PL fit needs ≥ 5 points at ≥ 4 concentrations`,
    );
    return emptyFit(summary, Math.max(0, summary.nPoints - k), warnings, []);
  }
  let data = prepareCurveData(conc_nM, pctActivity);
  let fit = fitFourPLMultiStart(data, fourPLStartingPoints(summary, fixed), free);
  let iterations = fit.iterations;
  let outlierIndices: number[] = [];

  // ROUT only where an IC50 will be reported: an inactive curve has no meaningful fit to be robust about.
  if (opts.outliers === "rout" && dataClass === null && fit.converged) {
    const rout = detectOutliersRout(data, fit.params, free, opts.routQ);
    outlierIndices = rout.outlierIndices;
    if (outlierIndices.length > 0) {
      const excluded = new Set(outlierIndices);
      const keep = Array.from({ length: conc_nM.length }, (_, i) => i).filter((i) => !excluded.has(i));
      warnings.push(
        `ROUT (Q = ${opts.routQ * 100} %) flagged ${outlierIndices.length} outlier(s) at input index ${outlierIndices.join(", ")}; they are excluded from this fit`,
      );
      if (!rout.robustConverged)
        warnings.push("the ROUT robust fit did not settle; outlier flags are provisional");
      summary = summarizeConcentrations(conc_nM, pctActivity, keep);
      dataClass = classifyByData(summary);
      if (dataClass === "insufficient_data") {
        warnings.push(
          `insufficient data after ROUT: ${summary.nPoints} points at ${summary.nConcentrations} concentrations remain`,
        );
        return emptyFit(summary, Math.max(0, summary.nPoints - k), warnings, outlierIndices);
      }
      data = prepareCurveData(conc_nM, pctActivity, keep);
      fit = fitFourPLMultiStart(data, fourPLStartingPoints(summary, fixed), free);
      iterations += fit.iterations;
    }
  }

  const df = data.n - k;
  const base = emptyFit(summary, df, warnings, outlierIndices);
  base.iterations = iterations;
  base.converged = fit.converged;
  if (dataClass === "inactive") {
    warnings.push(
      `inactive: the largest mean inhibition is ${summary.maxInhibitionPct.toFixed(1)} % (< 30 %); IC50 reported as > ${summary.maxConc_nM} nM`,
    );
    base.class = "inactive";
    base.ic50_nM = summary.maxConc_nM;
    base.ic50Qualifier = ">";
    base.fitUnreliable = unreliable(fit);
    return base;
  }
  if (!fit.converged) {
    warnings.push(
      fit.convergedStarts === 0
        ? `fit failed: none of the ${START_COUNT} starting points converged (best RSS ${fit.rss}); the best attempt is under fitUnreliable`
        : `fit failed: ${fit.convergedStarts} of ${START_COUNT} starts settled, but the best did not converge when polished (the RSS keeps falling towards parameters at infinity); the best attempt is under fitUnreliable`,
    );
    base.class = "fit_failed";
    base.fitUnreliable = unreliable(fit);
    return base;
  }

  const p = fit.params;
  const { flipped, bottom, top, hill, lx } = normalised(p);
  if (flipped && (opts.fixTop !== undefined || opts.fixBottom !== undefined)) {
    warnings.push(
      "the fitted curve rises with concentration, so the fixed plateau ended at the other end; it is reported with hill > 0 (top = x → 0 plateau)",
    );
  }
  const ic50 = 10 ** lx;
  let tss = 0;
  let mean = 0;
  for (let i = 0; i < data.n; i++) mean += data.y[i]!;
  mean /= data.n;
  for (let i = 0; i < data.n; i++) tss += (data.y[i]! - mean) ** 2;

  const result = base;
  result.class = "active";
  result.ic50_nM = ic50;
  result.ic50Qualifier = "=";
  result.log10Ic50 = lx;
  result.hill = hill;
  result.top = top;
  result.bottom = bottom;
  result.rss = fit.rss;
  result.r2 = tss > 0 ? 1 - fit.rss / tss : null;
  result.absIc50_nM = bottom < 50 && 50 < top ? ic50 * ((top - 50) / (50 - bottom)) ** (1 / hill) : null;
  if (df >= 1) {
    const s2 = fit.rss / df;
    result.residSd = Math.sqrt(s2);
    result.tCrit = tCrit975(df);
    const cov = covariance(data, p, free, s2, opts.seMethod);
    if (cov) {
      const bottomIndex = flipped ? TOP : BOTTOM;
      const topIndex = flipped ? BOTTOM : TOP;
      result.seBottom = (free >> bottomIndex) & 1 ? Math.sqrt(cov[bottomIndex * 5]!) : null;
      result.seTop = (free >> topIndex) & 1 ? Math.sqrt(cov[topIndex * 5]!) : null;
      result.seHill = Math.sqrt(cov[HILL * 5]!);
      const seLx = Math.sqrt(cov[LOG10_IC50 * 5]!);
      result.seLog10Ic50 = seLx;
      result.seIc50 = ic50 * Math.LN10 * seLx;
      const half = result.tCrit * seLx;
      result.ci95Log10Wald = [lx - half, lx + half];
      result.ci95_nM = [10 ** (lx - half), 10 ** (lx + half)];
    } else {
      warnings.push(
        opts.seMethod === "hessian"
          ? "standard errors unavailable: the Hessian of the RSS is not positive definite at the optimum"
          : "standard errors unavailable: JᵀJ is singular at the optimum, the parameters are not identifiable from these data",
      );
    }
    if (opts.profileCi) {
      let logLo = Number.POSITIVE_INFINITY;
      let logHi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < data.nPositive; i++) {
        logLo = Math.min(logLo, data.logX[i]!);
        logHi = Math.max(logHi, data.logX[i]!);
      }
      const step = result.seLog10Ic50 !== null ? result.tCrit * result.seLog10Ic50 : 0.25;
      const profile = profileLog10Ic50Ci(data, p, fit.rss, free, df, [logLo, logHi], step);
      result.ci95Log10Profile = profile.bounds;
      if (profile.bounds[0] === null || profile.bounds[1] === null) {
        warnings.push("the profile-likelihood CI of log10 IC50 is open on at least one side");
      }
      if (profile.unconvergedProfileFits > 0) {
        warnings.push(
          `${profile.unconvergedProfileFits} profile fit(s) did not converge; the profile CI may be too narrow`,
        );
      }
    }
  } else {
    warnings.push(`no residual degrees of freedom (${data.n} points, ${k} parameters): no standard errors`);
  }
  if (ic50 < summary.minConc_nM || ic50 > summary.maxConc_nM) {
    warnings.push(
      `IC50 ${ic50.toPrecision(4)} nM lies outside the tested range ${summary.minConc_nM}–${summary.maxConc_nM} nM (extrapolated)`,
    );
  }
  return result;
}
