/** Result shapes of the nmr.* kinds, recognised defensively (stored results may come from older servers). */

export interface NmrPeakRow {
  ppm: number;
  /** Height, tallest peak = 100. */
  intensity: number;
}

export interface NmrRangeRow {
  from: number;
  to: number;
  /** The non-solvent automatic ranges sum to 100. */
  integral: number;
  centre?: number;
  multiplicity?: string;
  lines?: number;
  solvent?: boolean;
}

export interface NmrSignalComparison {
  from: number;
  to: number;
  assignment: string | null;
  expectedProtons: number;
  integral: number;
  protons: number;
  peaks: number;
  overlapsSolvent: boolean;
  exchangeable: boolean;
  agrees: boolean | null;
}

export interface NmrExpected {
  list: string;
  status: "derived" | "user";
  nucleus?: string;
  solvent?: string;
  sources?: string[];
  protonsPerUnit: number;
  signals: NmrSignalComparison[];
  unexplained: { from: number; to: number; protons: number }[];
  agrees: boolean;
}

export interface NmrProcessResult {
  nucleus: string;
  frequency_MHz: number;
  solvent: string | null;
  format?: string;
  processedFrom?: "fid" | "spectrum";
  points?: number;
  referencing?: { method: string; shift_ppm: number; peak_ppm: number | null };
  phase?: { ph0: number; ph1: number } | null;
  peaks: NmrPeakRow[];
  ranges: NmrRangeRow[];
  expected?: NmrExpected;
}

export interface NmrIntegrateResult extends NmrProcessResult {
  integrals: { from: number; to: number; integral: number }[];
}

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
