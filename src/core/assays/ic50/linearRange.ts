import { InputError } from "../../errors.js";

/**
 * Options of the automatic linear range. The primary rate ({@link wellRate}) is unaffected; this one is
 * reported beside it.
 */
export interface LinearRangeOptions {
  /**
   * The shortest window considered (≥ 4, since the curvature test fits 3 parameters).
   * @default 5
   */
  minReads?: number;
  /**
   * The longest window considered, in reads from the first.
   * @default Infinity (every read before saturation)
   */
  maxReads?: number;
  /**
   * A window is linear when the t statistic of its quadratic term is below this in absolute value (≈ a
   * two-sided p of 0.01 at 10–30 degrees of freedom) …
   * @default 3
   */
  maxCurvatureT?: number;
  /**
   * … or when the curvature changes the slope across the window by at most this fraction of the
   * straight-line slope, however significant (very quiet wells).
   * @default 0.1
   */
  slopeTolerance?: number;
}

/** Defaults of {@link LinearRangeOptions}, as documented there. */
export const LINEAR_RANGE_DEFAULTS = {
  minReads: 5,
  maxReads: Number.POSITIVE_INFINITY,
  maxCurvatureT: 3,
  slopeTolerance: 0.1,
} as const;

/** {@link LinearRangeOptions} with every default filled in and checked. */
export type ResolvedLinearRangeOptions = Required<LinearRangeOptions>;

/**
 * Fills in defaults and checks the options once.
 * @throws InputError for a `minReads` below 4 or above `maxReads`, or a negative threshold.
 */
export function resolveLinearRangeOptions(options: LinearRangeOptions = {}): ResolvedLinearRangeOptions {
  const o = { ...LINEAR_RANGE_DEFAULTS, ...options };
  if (!Number.isInteger(o.minReads) || o.minReads < 4) {
    throw new InputError(`linearRange.minReads: expected an integer ≥ 4, found ${o.minReads}`);
  }
  if (!(o.maxReads >= o.minReads) || (Number.isFinite(o.maxReads) && !Number.isInteger(o.maxReads))) {
    throw new InputError(
      `linearRange.maxReads: expected an integer ≥ minReads (${o.minReads}), found ${o.maxReads}`,
    );
  }
  if (!(o.maxCurvatureT > 0)) {
    throw new InputError(`linearRange.maxCurvatureT: expected a number > 0, found ${o.maxCurvatureT}`);
  }
  if (!(o.slopeTolerance >= 0)) {
    throw new InputError(`linearRange.slopeTolerance: expected a number ≥ 0, found ${o.slopeTolerance}`);
  }
  return o;
}

/** The rate over a well's automatically chosen linear range. */
export interface LinearRangeRate {
  /** 60 × the OLS slope over the chosen window (RFU/min); `NaN` with fewer than `minReads` reads. */
  rateRfuPerMin: number;
  /** Reads in the chosen window (always the first reads of the well). */
  nReadsUsed: number;
  /** True when a window passed the test; false when none did and the shortest window is reported. */
  linear: boolean;
  /** R² of the straight line over the window. */
  r2: number;
  /** t statistic of the quadratic term over the window (`NaN` when undefined). */
  curvatureT: number;
  /** |slope change across the window from the quadratic term| / |straight-line slope|. */
  slopeChange: number;
  /** True when saturation (a read ≥ `detectorMax`) limited the reads available. */
  saturated: boolean;
}

/**
 * The automatic linear range: the longest initial window of reads (before the first saturated read) that
 * shows no curvature, and its rate. For k from the most reads available down to `minReads`, the first k
 * reads are fitted with a quadratic in time; the window is linear when the quadratic term is not
 * significant (`|t| < maxCurvatureT`) or is too small to matter (it changes the slope across the window
 * by at most `slopeTolerance` of the straight-line slope). The longest linear window wins; if none is,
 * the `minReads` window is reported with `linear: false`. Substrate depletion and product inhibition
 * bend progress curves down, a lag phase bends them up; both shorten the range. Noisy flat wells (full
 * inhibition) show no significant curvature and keep every read, which is what their precision needs.
 * @param timeS read times in seconds, ascending
 * @param rfu fluorescence of the same reads
 * @param detectorMax the plate's saturation level (RFU)
 * @throws InputError for invalid options
 * @example linearRangeRate(t, rfu, 65535).nReadsUsed // e.g. 14 for a well that bends after 13 min
 */
export function linearRangeRate(
  timeS: Float64Array,
  rfu: Float64Array,
  detectorMax: number,
  options: LinearRangeOptions = {},
): LinearRangeRate {
  return linearRangeRateResolved(timeS, rfu, detectorMax, resolveLinearRangeOptions(options));
}

/** {@link linearRangeRate} with options already resolved: the per-well hot path. */
export function linearRangeRateResolved(
  timeS: Float64Array,
  rfu: Float64Array,
  detectorMax: number,
  options: ResolvedLinearRangeOptions,
): LinearRangeRate {
  const total = Math.min(timeS.length, rfu.length);
  let available = total;
  for (let i = 0; i < total; i++) {
    if (!(rfu[i]! < detectorMax)) {
      available = i;
      break;
    }
  }
  const saturated = available < total;
  const longest = Math.min(available, options.maxReads);
  if (longest < options.minReads) {
    const none = {
      rateRfuPerMin: Number.NaN,
      r2: Number.NaN,
      curvatureT: Number.NaN,
      slopeChange: Number.NaN,
    };
    return { ...none, nReadsUsed: longest, linear: false, saturated };
  }
  for (let k = longest; k > options.minReads; k--) {
    const fit = quadraticCheck(timeS, rfu, k);
    if (isLinear(fit, options)) return { ...fit, nReadsUsed: k, linear: true, saturated };
  }
  const fit = quadraticCheck(timeS, rfu, options.minReads);
  return { ...fit, nReadsUsed: options.minReads, linear: isLinear(fit, options), saturated };
}

function isLinear(fit: ReturnType<typeof quadraticCheck>, options: ResolvedLinearRangeOptions): boolean {
  return Math.abs(fit.curvatureT) < options.maxCurvatureT || fit.slopeChange <= options.slopeTolerance;
}

/**
 * Straight line and quadratic over the first k reads. The quadratic term is fitted on the part of t²
 * orthogonal to 1 and t (Gram–Schmidt), so the straight-line slope, the curvature coefficient and both
 * residual sums come from one pass of centred sums without solving a 3×3 system.
 */
function quadraticCheck(t: Float64Array, y: Float64Array, k: number) {
  let st = 0;
  let sy = 0;
  for (let i = 0; i < k; i++) {
    st += t[i]!;
    sy += y[i]!;
  }
  const mt = st / k;
  const my = sy / k;
  let suu = 0;
  let su3 = 0;
  let suy = 0;
  let syy = 0;
  for (let i = 0; i < k; i++) {
    const u = t[i]! - mt;
    const v = y[i]! - my;
    suu += u * u;
    su3 += u * u * u;
    suy += u * v;
    syy += v * v;
  }
  const alpha = suu / k;
  const beta = su3 / suu;
  let sww = 0;
  let swy = 0;
  for (let i = 0; i < k; i++) {
    const u = t[i]! - mt;
    const w = u * u - alpha - beta * u;
    sww += w * w;
    swy += w * (y[i]! - my);
  }
  const slope = suy / suu;
  const c = swy / sww;
  const rssLine = Math.max(0, syy - (suy * suy) / suu);
  const rssQuad = Math.max(0, rssLine - (swy * swy) / sww);
  const s2 = rssQuad / (k - 3);
  const curvatureT = s2 > 0 ? c / Math.sqrt(s2 / sww) : c === 0 ? 0 : Math.sign(c) * Number.POSITIVE_INFINITY;
  const slopeChange = Math.abs(2 * c * (t[k - 1]! - t[0]!)) / Math.abs(slope);
  return {
    rateRfuPerMin: 60 * slope,
    r2: syy > 0 ? 1 - rssLine / syy : Number.NaN,
    curvatureT,
    slopeChange: Number.isNaN(slopeChange) ? Number.POSITIVE_INFINITY : slopeChange,
  };
}
