/** Result shapes of the nmr.* kinds, recognised defensively (stored results may come from older servers). */
import type {
  NmrIntegrateResult as IntegrateResult,
  NmrExpectedResult,
  NmrPeakRow,
  NmrRangeRow,
  NmrSummary,
} from "../../../kinds/index.js";

// Type-only imports: the shapes are the kinds' own, and nothing of the server reaches the bundle.
export type { NmrPeakRow, NmrRangeRow };
export type NmrExpected = NmrExpectedResult;
export type NmrProcessResult = NmrSummary;
export type NmrIntegrateResult = IntegrateResult;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSpectrumSummary(result: unknown): result is Record<string, unknown> {
  return (
    isRecord(result) &&
    typeof result.nucleus === "string" &&
    typeof result.frequency_MHz === "number" &&
    Array.isArray(result.peaks) &&
    Array.isArray(result.ranges)
  );
}

function withExpected<R extends NmrProcessResult>(result: Record<string, unknown>): R {
  const e = result.expected;
  // A comparison without its signal list cannot be shown; the rest of the result still can.
  if (e !== undefined && !(isRecord(e) && Array.isArray(e.signals) && Array.isArray(e.unexplained))) {
    const { expected: _, ...rest } = result;
    return rest as unknown as R;
  }
  return result as unknown as R;
}

/** The nmr.process result, or undefined for other kinds or unexpected shapes. */
export function nmrProcessResultOf(kind: string, result: unknown): NmrProcessResult | undefined {
  if (kind !== "nmr.process" || !isSpectrumSummary(result)) return undefined;
  return withExpected<NmrProcessResult>(result);
}

/** The nmr.integrate result, or undefined for other kinds or unexpected shapes. */
export function nmrIntegrateResultOf(kind: string, result: unknown): NmrIntegrateResult | undefined {
  if (kind !== "nmr.integrate" || !isSpectrumSummary(result) || !Array.isArray(result.integrals))
    return undefined;
  return withExpected<NmrIntegrateResult>(result);
}

/** URL of the server-drawn spectrum (peaks, ranges, expected windows) of a stored NMR analysis. */
export function nmrPlotUrl(analysisId: string): string {
  return `/api/analyses/${encodeURIComponent(analysisId)}/plots/nmr.svg`;
}

/** "1H" → "¹H", "13C" → "¹³C": the mass number as a superscript. */
export function nucleusLabel(nucleus: string): string {
  return nucleus.replace(/^\d+/, (d) => d.replace(/\d/g, (c) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(c)]!));
}
