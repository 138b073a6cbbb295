import { InputError } from "../../errors.js";
import type { WellRole } from "./plateLayout.js";

/** Options of {@link plateQc}. */
export interface PlateQcOptions {
  /**
   * Plates with Z' below this (or with no Z' at all) are flagged `lowZPrime`.
   * @default 0.5
   */
  zPrimeThreshold?: number;
}

/** Defaults of {@link PlateQcOptions}, as documented there. */
export const PLATE_QC_DEFAULTS = { zPrimeThreshold: 0.5 } as const;

/**
 * Control statistics and quality of one plate (DEFINITIONS.md §2), over wells with a defined rate.
 * Means are arithmetic, SDs are sample SDs (n − 1); rates in RFU/min. Undefined values are `NaN`.
 */
export interface PlateQc {
  nMax: number;
  nMin: number;
  nBlank: number;
  meanMax: number;
  meanMin: number;
  /** Reported only; blanks are not used for normalisation. */
  meanBlank: number;
  sdMax: number;
  sdMin: number;
  /** 100 · sdMax / meanMax. */
  cvMaxPct: number;
  /** 100 · sdMin / meanMin (large: the min control's mean is near zero). */
  cvMinPct: number;
  /** Z' = 1 − 3(sdMax + sdMin)/|meanMax − meanMin| (Zhang, Chung & Oldenburg 1999). */
  zPrime: number;
  /** meanMax / meanMin: the signal-to-background ratio, `signal_window_ratio` of expected.json. */
  signalWindowRatio: number;
  /**
   * The Assay Guidance Manual's signal window (Iversen et al. 2006):
   * (|meanMax − meanMin| − 3(sdMax + sdMin)) / sdMax.
   */
  signalWindow: number;
  /** Wells of any role whose rate is undefined (too few unsaturated reads). */
  nWellsRateUndefined: number;
  /** True when Z' is below the threshold or undefined. */
  lowZPrime: boolean;
}

/**
 * Computes control means, SDs, CVs, Z' and signal windows of one plate from its wells' rates and roles.
 * Wells with a `NaN` rate are counted in `nWellsRateUndefined` and left out of everything else.
 * @param rates rate of each well (RFU/min)
 * @param roles role of each well, same order
 * @throws InputError when the arrays differ in length or the threshold is not a number
 * @example plateQc(Float64Array.of(100, 104, 2, 3), ["max", "max", "min", "min"]).zPrime
 */
export function plateQc(
  rates: Float64Array,
  roles: readonly WellRole[],
  options: PlateQcOptions = {},
): PlateQc {
  const zPrimeThreshold = options.zPrimeThreshold ?? PLATE_QC_DEFAULTS.zPrimeThreshold;
  if (!Number.isFinite(zPrimeThreshold)) {
    throw new InputError(`zPrimeThreshold: expected a finite number, found ${zPrimeThreshold}`);
  }
  if (rates.length !== roles.length) {
    throw new InputError(`plateQc: ${rates.length} rates but ${roles.length} roles`);
  }
  const max = collect(rates, roles, "max");
  const min = collect(rates, roles, "min");
  const blank = collect(rates, roles, "blank");
  let nWellsRateUndefined = 0;
  for (const rate of rates) if (Number.isNaN(rate)) nWellsRateUndefined++;
  const meanMax = mean(max);
  const meanMin = mean(min);
  const sdMax = sampleSd(max, meanMax);
  const sdMin = sampleSd(min, meanMin);
  const separation = Math.abs(meanMax - meanMin);
  const zPrime = 1 - (3 * (sdMax + sdMin)) / separation;
  return {
    nMax: max.length,
    nMin: min.length,
    nBlank: blank.length,
    meanMax,
    meanMin,
    meanBlank: mean(blank),
    sdMax,
    sdMin,
    cvMaxPct: (100 * sdMax) / meanMax,
    cvMinPct: (100 * sdMin) / meanMin,
    zPrime,
    signalWindowRatio: meanMax / meanMin,
    signalWindow: (separation - 3 * (sdMax + sdMin)) / sdMax,
    nWellsRateUndefined,
    lowZPrime: !(zPrime >= zPrimeThreshold),
  };
}

function collect(rates: Float64Array, roles: readonly WellRole[], role: WellRole): number[] {
  const out: number[] = [];
  for (let i = 0; i < rates.length; i++)
    if (roles[i] === role && !Number.isNaN(rates[i]!)) out.push(rates[i]!);
  return out;
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function sampleSd(values: readonly number[], m: number): number {
  if (values.length < 2) return Number.NaN;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (values.length - 1));
}
