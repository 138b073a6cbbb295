import type { NormalizedPoint } from "./normalizedPoint.js";
import type { WellRole } from "./plateLayout.js";

/**
 * % activity of one rate: 100·(rate − meanMin)/(meanMax − meanMin) (DEFINITIONS.md §2). 100 is the
 * uninhibited (max) control, 0 the fully inhibited (min) control.
 * @example pctActivity(55, 100, 10) // 50
 */
export function pctActivity(rate: number, meanMax: number, meanMin: number): number {
  return (100 * (rate - meanMin)) / (meanMax - meanMin);
}

/**
 * {@link pctActivity} of every rate; `NaN` rates stay `NaN`.
 * @param out optional output buffer of the same length (may be `rates` itself)
 */
export function normaliseRates(
  rates: Float64Array,
  meanMax: number,
  meanMin: number,
  out: Float64Array = new Float64Array(rates.length),
): Float64Array {
  for (let i = 0; i < rates.length; i++) out[i] = pctActivity(rates[i]!, meanMax, meanMin);
  return out;
}

/**
 * The dose-response points of an analysis: sample wells with a defined % activity, in the order given —
 * the rows of `normalized.csv`.
 */
export function toNormalizedPoints(
  wells: readonly {
    plate: string;
    well: string;
    role: WellRole;
    compound: string;
    conc_nM: number;
    pctActivity: number;
  }[],
): NormalizedPoint[] {
  const points: NormalizedPoint[] = [];
  for (const w of wells) {
    if (w.role !== "sample" || Number.isNaN(w.pctActivity)) continue;
    points.push({
      plate: w.plate,
      well: w.well,
      compound: w.compound,
      conc_nM: w.conc_nM,
      pctActivity: w.pctActivity,
    });
  }
  return points;
}
