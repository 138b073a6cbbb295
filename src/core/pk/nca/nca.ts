import { InputError } from "../../errors.js";
import { type AucMethod, aucTrapezoid } from "./aucTrapezoid.js";
import { estimateLambdaZ } from "./estimateLambdaZ.js";

/** Options of {@link nca}. */
export interface NcaOptions {
  /** Dose in mg, for CL/F and Vz/F; both are null without it. */
  doseMg?: number;
  /** @default "linear-up-log-down" (PKNCA's and Phoenix's recommended method) */
  aucMethod?: AucMethod;
  lambdaZ?: {
    /** Fewest terminal points in the λz regression (≥ 3). @default 3 */
    minPoints?: number;
    /** Fits within this much of the best adjusted R² count as ties; the one with most points wins. @default 1e-4 */
    adjR2Tolerance?: number;
    /** Leave the Cmax point out of the λz regression (PKNCA `allow.tmax.in.half.life = FALSE`). @default true */
    excludeCmax?: boolean;
  };
}

/** The defaults of {@link NcaOptions} (PKNCA 0.11 `PKNCA.options()` and Phoenix WinNonlin). */
export const NCA_DEFAULTS = {
  aucMethod: "linear-up-log-down",
  lambdaZ: { minPoints: 3, adjR2Tolerance: 1e-4, excludeCmax: true },
} as const;

/**
 * Non-compartmental parameters of one profile. Concentrations in ng/mL, times in h, AUC in ng·h/mL,
 * λz in 1/h, CL/F in L/h, Vz/F in L. A parameter that cannot be computed is null and a warning says why.
 */
export interface NcaResult {
  cmax: number | null;
  /** First time of Cmax (PKNCA `first.tmax`). */
  tmax: number | null;
  /** Last positive (above-BLQ) concentration. */
  clast: number | null;
  tlast: number | null;
  /** AUC from the first sample to Tlast. */
  auclast: number | null;
  /** AUClast + Clast/λz (observed Clast, PKNCA `aucinf.obs`). */
  aucinf: number | null;
  /** 100 · (AUCinf − AUClast) / AUCinf. */
  aucPctExtrap: number | null;
  lambdaZ: number | null;
  /** ln 2 / λz, h. */
  halfLife: number | null;
  r2: number | null;
  r2adj: number | null;
  /** Points in the λz regression; 0 when λz was not estimated. */
  pointsUsed: number;
  /** Time of the first and last λz point, h. */
  lambdaZStart: number | null;
  lambdaZEnd: number | null;
  /** Dose / AUCinf, L/h (× 1000: mg over ng·h/mL). */
  clF: number | null;
  /** CL/F / λz, L. */
  vzF: number | null;
  warnings: string[];
}

/**
 * Non-compartmental analysis of one concentration–time profile, with PKNCA conventions:
 * - missing concentrations (`NaN`) are dropped;
 * - zero is below the limit of quantification (BLQ): BLQ before the first positive concentration is
 *   kept as 0, BLQ between positive ones is dropped, BLQ after the last positive one is kept but ends no
 *   AUC (PKNCA `conc.blq = list(first = "keep", middle = "drop", last = "keep")`);
 * - AUClast runs from the first sample (no C0 is imputed; a warning says so when it is after t = 0) to
 *   Tlast, linear-up/log-down by default;
 * - λz: log-linear regression on the positive points after Cmax with the adjusted-R² point selection of
 *   {@link estimateLambdaZ}; fewer than `minPoints` such points → λz and everything from it null.
 * @param time_h sample times, h, strictly increasing
 * @param conc concentrations, ng/mL, ≥ 0 or `NaN` (missing)
 * @throws InputError for arrays of different lengths, non-finite or non-increasing times, negative
 *   concentrations, a dose that is not a positive number, or bad options
 * @example nca(Float64Array.of(0, 1, 2, 4, 8), Float64Array.of(0, 10, 8, 4, 1), { doseMg: 4 }).halfLife
 */
export function nca(time_h: Float64Array, conc: Float64Array, options: NcaOptions = {}): NcaResult {
  const opts = resolveNcaOptions(options);
  checkProfile(time_h, conc);
  const warnings: string[] = [];
  const { time, value } = cleanProfile(time_h, conc, warnings);
  const result: NcaResult = {
    cmax: null,
    tmax: null,
    clast: null,
    tlast: null,
    auclast: null,
    aucinf: null,
    aucPctExtrap: null,
    lambdaZ: null,
    halfLife: null,
    r2: null,
    r2adj: null,
    pointsUsed: 0,
    lambdaZStart: null,
    lambdaZEnd: null,
    clF: null,
    vzF: null,
    warnings,
  };
  if (time.length === 0) {
    warnings.push("no concentrations: every value is missing");
    return result;
  }
  let imax = 0;
  let ilast = -1;
  for (let i = 0; i < value.length; i++) {
    if (value[i]! > value[imax]!) imax = i;
    if (value[i]! > 0) ilast = i;
  }
  result.cmax = value[imax]!;
  result.tmax = time[imax]!;
  if (ilast < 0) {
    warnings.push("every concentration is 0 (BLQ): AUClast is 0, Tlast and λz are not defined");
    result.clast = 0;
    result.auclast = 0;
    return result;
  }
  result.clast = value[ilast]!;
  result.tlast = time[ilast]!;
  if (time[0]! > 0) {
    warnings.push(
      `the first sample is at ${time[0]} h, not 0: AUClast starts there (no C0 is imputed); add a pre-dose sample at 0 h`,
    );
  }
  result.auclast = aucTrapezoid(time, value, 0, ilast, opts.aucMethod);

  // Terminal points: after Cmax (or from it), up to Tlast, all positive once middle BLQ is dropped.
  const first = opts.excludeCmax ? imax + 1 : imax;
  const tailTime = time.subarray(first, ilast + 1);
  const tailConc = value.subarray(first, ilast + 1);
  const fit = estimateLambdaZ(tailTime, tailConc, opts.minPoints, opts.adjR2Tolerance);
  if (!fit) {
    warnings.push(
      tailTime.length < opts.minPoints
        ? `λz not estimated: ${tailTime.length} positive concentration${tailTime.length === 1 ? "" : "s"} after Tmax, at least ${opts.minPoints} needed; sample longer into the terminal phase`
        : "λz not estimated: no terminal regression has a negative slope",
    );
  } else {
    result.lambdaZ = fit.lambdaZ;
    result.halfLife = Math.LN2 / fit.lambdaZ;
    result.r2 = fit.r2;
    result.r2adj = fit.r2adj;
    result.pointsUsed = fit.pointsUsed;
    result.lambdaZStart = fit.start_h;
    result.lambdaZEnd = fit.end_h;
    result.aucinf = result.auclast + result.clast / fit.lambdaZ;
    result.aucPctExtrap = (100 * (result.aucinf - result.auclast)) / result.aucinf;
    if (result.aucPctExtrap > 20) {
      warnings.push(
        `AUC extrapolated to infinity is ${result.aucPctExtrap.toFixed(1)} % (> 20 %): AUCinf, CL/F and Vz/F are unreliable`,
      );
    }
    if (opts.doseMg !== undefined && result.aucinf > 0) {
      // mg / (ng·h/mL) = mg / (µg·h/L) = 1000 L/h.
      result.clF = (1000 * opts.doseMg) / result.aucinf;
      result.vzF = result.clF / fit.lambdaZ;
    }
  }
  return result;
}

interface ResolvedNcaOptions {
  doseMg: number | undefined;
  aucMethod: AucMethod;
  minPoints: number;
  adjR2Tolerance: number;
  excludeCmax: boolean;
}

function resolveNcaOptions(options: NcaOptions): ResolvedNcaOptions {
  const lz = options.lambdaZ ?? {};
  const opts: ResolvedNcaOptions = {
    doseMg: options.doseMg,
    aucMethod: options.aucMethod ?? NCA_DEFAULTS.aucMethod,
    minPoints: lz.minPoints ?? NCA_DEFAULTS.lambdaZ.minPoints,
    adjR2Tolerance: lz.adjR2Tolerance ?? NCA_DEFAULTS.lambdaZ.adjR2Tolerance,
    excludeCmax: lz.excludeCmax ?? NCA_DEFAULTS.lambdaZ.excludeCmax,
  };
  if (opts.doseMg !== undefined && !(Number.isFinite(opts.doseMg) && opts.doseMg > 0)) {
    throw new InputError(`NCA: doseMg must be a positive number of mg, found ${opts.doseMg}`);
  }
  if (opts.aucMethod !== "linear-up-log-down" && opts.aucMethod !== "linear") {
    throw new InputError(
      `NCA: aucMethod must be "linear-up-log-down" or "linear", found ${JSON.stringify(opts.aucMethod)}`,
    );
  }
  if (!(Number.isInteger(opts.minPoints) && opts.minPoints >= 3)) {
    throw new InputError(
      `NCA: lambdaZ.minPoints must be an integer ≥ 3 (adjusted R² needs 3), found ${opts.minPoints}`,
    );
  }
  if (!(opts.adjR2Tolerance >= 0 && opts.adjR2Tolerance < 1)) {
    throw new InputError(`NCA: lambdaZ.adjR2Tolerance must be in [0, 1), found ${opts.adjR2Tolerance}`);
  }
  return opts;
}

function checkProfile(time: Float64Array, conc: Float64Array): void {
  if (time.length !== conc.length) {
    throw new InputError(`NCA: ${time.length} times but ${conc.length} concentrations; give one per time`);
  }
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    if (!Number.isFinite(t)) throw new InputError(`NCA: time ${i + 1} is ${t}, expected a number of hours`);
    if (i > 0 && !(t > time[i - 1]!)) {
      throw new InputError(
        `NCA: times must increase, but time ${i + 1} (${t} h) follows ${time[i - 1]} h; sort the samples and merge duplicates`,
      );
    }
    const c = conc[i]!;
    if (c < 0 || c === Number.POSITIVE_INFINITY) {
      throw new InputError(
        `NCA: concentration ${i + 1} (at ${t} h) is ${c}, expected a number ≥ 0 or missing`,
      );
    }
  }
}

/** Drops missing values and BLQ (zero) values between positive ones; see {@link nca}. */
function cleanProfile(
  time_h: Float64Array,
  conc: Float64Array,
  warnings: string[],
): { time: Float64Array; value: Float64Array } {
  let firstPositive = -1;
  let lastPositive = -1;
  let missing = 0;
  for (let i = 0; i < conc.length; i++) {
    if (Number.isNaN(conc[i]!)) missing++;
    else if (conc[i]! > 0) {
      if (firstPositive < 0) firstPositive = i;
      lastPositive = i;
    }
  }
  const time = new Float64Array(conc.length);
  const value = new Float64Array(conc.length);
  let n = 0;
  let middleBlq = 0;
  for (let i = 0; i < conc.length; i++) {
    const c = conc[i]!;
    if (Number.isNaN(c)) continue;
    if (c === 0 && i > firstPositive && i < lastPositive) {
      middleBlq++;
      continue;
    }
    time[n] = time_h[i]!;
    value[n++] = c;
  }
  if (missing > 0) warnings.push(`${missing} missing concentration${missing === 1 ? "" : "s"} dropped`);
  if (middleBlq > 0) {
    warnings.push(
      `${middleBlq} BLQ (zero) concentration${middleBlq === 1 ? "" : "s"} between positive ones dropped`,
    );
  }
  return { time: time.subarray(0, n), value: value.subarray(0, n) };
}
