import { InputError } from "../../errors.js";
import { olsSlope } from "./olsSlope.js";

/** Options of the primary well rate (DEFINITIONS.md §1). */
export interface WellRateOptions {
  /**
   * The window: the first N reads of the well by time (`--window-reads N`).
   * @default 10
   */
  windowReads?: number;
  /**
   * Fewer reads than this left after saturation truncation make the rate undefined (`NaN`).
   * @default 3
   */
  minReads?: number;
}

/** Defaults of {@link WellRateOptions}, as documented there. */
export const WELL_RATE_DEFAULTS = { windowReads: 10, minReads: 3 } as const;

/** {@link WellRateOptions} with every default filled in and checked. */
export type ResolvedWellRateOptions = Required<WellRateOptions>;

/**
 * Fills in defaults and checks the options once, before any work.
 * @throws InputError when `windowReads` or `minReads` is not an integer ≥ 2, or `minReads > windowReads`.
 */
export function resolveWellRateOptions(options: WellRateOptions = {}): ResolvedWellRateOptions {
  const windowReads = options.windowReads ?? WELL_RATE_DEFAULTS.windowReads;
  const minReads = options.minReads ?? WELL_RATE_DEFAULTS.minReads;
  if (!Number.isInteger(windowReads) || windowReads < 2) {
    throw new InputError(`windowReads: expected an integer ≥ 2, found ${windowReads}`);
  }
  if (!Number.isInteger(minReads) || minReads < 2) {
    throw new InputError(`minReads: expected an integer ≥ 2, found ${minReads}`);
  }
  if (minReads > windowReads) {
    throw new InputError(
      `windowReads: expected at least minReads (${minReads}) reads, found ${windowReads}. Every rate would be undefined`,
    );
  }
  return { windowReads, minReads };
}

/** The initial rate of one well. */
export interface WellRate {
  /** 60 × the OLS slope of RFU on time (s) over the window: RFU/min. `NaN` when undefined. */
  rateRfuPerMin: number;
  /** Reads in the window after saturation truncation (also reported when too few for a rate). */
  nReadsUsed: number;
  /** True when the window was cut short at a read ≥ `detectorMax`. */
  saturated: boolean;
}

/**
 * The primary well rate of DEFINITIONS.md §1: take the first `windowReads` reads, truncate just before
 * the first read with `rfu ≥ detectorMax`, and return 60 × the least-squares slope of RFU on time (s),
 * or `NaN` when fewer than `minReads` reads remain. No reads or wells are rejected as outliers.
 * @param timeS read times in seconds, ascending (as {@link KineticReads} stores them; a view is fine)
 * @param rfu fluorescence of the same reads
 * @param detectorMax the plate's saturation level (RFU); `Infinity` for none
 * @throws InputError for invalid options or times that are not ascending within the window
 * @example wellRate(Float64Array.of(0, 60, 120), Float64Array.of(100, 200, 300), 65535)
 *   // { rateRfuPerMin: 100, nReadsUsed: 3, saturated: false }
 */
export function wellRate(
  timeS: Float64Array,
  rfu: Float64Array,
  detectorMax: number,
  options: WellRateOptions = {},
): WellRate {
  return wellRateResolved(timeS, rfu, detectorMax, resolveWellRateOptions(options));
}

/** {@link wellRate} with options already resolved: the per-well hot path. */
export function wellRateResolved(
  timeS: Float64Array,
  rfu: Float64Array,
  detectorMax: number,
  options: ResolvedWellRateOptions,
): WellRate {
  const window = Math.min(options.windowReads, timeS.length, rfu.length);
  let used = window;
  for (let i = 0; i < window; i++) {
    if (i > 0 && !(timeS[i]! > timeS[i - 1]!)) {
      throw new InputError(
        `reads: expected times in ascending order, found ${timeS[i]} s after ${timeS[i - 1]} s`,
      );
    }
    // `!(rfu < max)` also stops at a NaN read rather than letting it poison the slope.
    if (!(rfu[i]! < detectorMax)) {
      used = i;
      break;
    }
  }
  const saturated = used < window;
  const rateRfuPerMin = used >= options.minReads ? 60 * olsSlope(timeS, rfu, 0, used) : Number.NaN;
  return { rateRfuPerMin, nReadsUsed: used, saturated };
}
