/** Result shape of hplc.analyze, recognised defensively (stored results may come from older servers). */
import type { HplcPeak, SuitabilityResult } from "../../../core/analytics/hplc/index.js";

/** The peak fields the view shows: the core's peak type, so the two cannot drift apart. */
export type HplcPeakRow = Pick<
  HplcPeak,
  | "rt_min"
  | "area"
  | "height"
  | "areaPercent"
  | "widthHalf_min"
  | "plates"
  | "tailing"
  | "resolution"
  | "signalToNoise"
  | "rrt"
  | "name"
  | "type"
> &
  // Absent in results stored before response factors existed.
  Partial<Pick<HplcPeak, "rrf">>;

export interface HplcAnalyzeResult {
  peaks: HplcPeakRow[];
  mainPeak: HplcPeakRow | null;
  purityPercent: number | null;
  totalImpuritiesPercent: number | null;
  noise: { peakToPeak: number; from_min: number; to_min: number; source: string };
  chromatogram: { detector: string; format: string; units: string; points: number; sample: string | null };
  /** The blank run subtracted before integration; absent in results stored before blanks existed. */
  blank?: { name: string; points: number } | null;
  /** Timed integration events; absent in results stored before they existed. */
  settings?: { baselineNow_min?: number[]; integrationOff_min?: Array<[number, number]> };
  warnings: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The hplc.analyze result, or undefined for other kinds or unexpected shapes. */
export function hplcAnalyzeResultOf(kind: string, result: unknown): HplcAnalyzeResult | undefined {
  if (kind !== "hplc.analyze" || !isRecord(result)) return undefined;
  if (!Array.isArray(result.peaks) || !isRecord(result.chromatogram) || !isRecord(result.noise))
    return undefined;
  return result as unknown as HplcAnalyzeResult;
}

/** What part of the chromatogram to draw: the whole signal range or the impurities', over a time window. */
export interface ChromatogramView {
  scale?: "full" | "impurities";
  from_min?: number;
  to_min?: number;
}

/** URL of the server-drawn annotated chromatogram of a stored analysis, in a view. */
export function chromatogramPlotUrl(analysisId: string, view: ChromatogramView = {}): string {
  return `/api/analyses/${encodeURIComponent(analysisId)}/plots/chromatogram.svg${viewQuery(view)}`;
}

/** URL of stored analyses' chromatograms drawn over each other (baseline-corrected), in a view. */
export function overlayPlotUrl(analysisIds: readonly string[], view: ChromatogramView = {}): string {
  const ids = `ids=${analysisIds.map(encodeURIComponent).join(",")}`;
  const rest = viewQuery(view);
  return `/api/plots/chromatogram-overlay.svg?${ids}${rest ? `&${rest.slice(1)}` : ""}`;
}

/** A view as a query string ("?scale=impurities&from=3"), or "" for the full default. */
function viewQuery(view: ChromatogramView): string {
  const query = new URLSearchParams();
  if (view.scale === "impurities") query.set("scale", "impurities");
  if (view.from_min !== undefined) query.set("from", String(view.from_min));
  if (view.to_min !== undefined) query.set("to", String(view.to_min));
  const search = query.toString();
  return search ? `?${search}` : "";
}

/** The hplc.suitability result as the web shows it: the core's types, so the two cannot drift apart. */
export type HplcSuitabilityResult = Pick<SuitabilityResult, "injections" | "rt" | "area" | "checks" | "pass">;

/** The hplc.suitability result, or undefined for other kinds or unexpected shapes. */
export function hplcSuitabilityResultOf(kind: string, result: unknown): HplcSuitabilityResult | undefined {
  if (kind !== "hplc.suitability" || !isRecord(result)) return undefined;
  if (!Array.isArray(result.injections) || !Array.isArray(result.checks) || typeof result.pass !== "boolean")
    return undefined;
  if (!isRecord(result.rt) || !isRecord(result.area)) return undefined;
  return result as unknown as HplcSuitabilityResult;
}

/** URL of the peak table (CSV) of a stored hplc.analyze analysis. */
export function peaksCsvUrl(analysisId: string): string {
  return `/api/analyses/${encodeURIComponent(analysisId)}/peaks.csv`;
}
