/** Result shapes of the ms.* kinds, recognised defensively (stored results may come from older servers). */

export interface MsPeak {
  mz: number;
  relative: number;
  probability?: number;
}

export interface MsIsotopesResult {
  formula: string;
  ionFormula: string;
  adduct: string | null;
  charge: number;
  monoisotopicMz: number;
  peaks: MsPeak[];
  method?: string;
  centroiding?: string;
}

export interface MsIonRow {
  ion: string;
  ionFormula: string;
  monoisotopicMz: number;
  observedMz: number | null;
  ppmError: number | null;
  isotopeScore: number | null;
  matched: boolean;
  pattern: MsPeak[];
}

export interface MsConfirmResult {
  formula: string;
  confirmed: boolean;
  ppm: number;
  minScore: number;
  ions: MsIonRow[];
  observed: { ion: string; mz: number[]; intensity: number[] }[];
  spectrum?: { format: string; scans: number; label: string | null; points: number; centroided: boolean };
  score?: string;
}

export interface MsCandidate {
  formula: string;
  ionFormula: string;
  mz: number;
  ppmError: number;
  isotopeScore: number | null;
  rdbe: number;
}

export interface MsFormulaResult {
  mz: number;
  adduct: string;
  ppm: number;
  examined: number;
  candidates: MsCandidate[];
  elements?: string;
  rules?: string;
  spectrum?: { format: string; scans: number; label: string | null } | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The ms.isotopes result, or undefined for other kinds or unexpected shapes. */
export function msIsotopesResultOf(kind: string, result: unknown): MsIsotopesResult | undefined {
  if (kind !== "ms.isotopes" || !isRecord(result) || !Array.isArray(result.peaks)) return undefined;
  if (typeof result.monoisotopicMz !== "number") return undefined;
  return result as unknown as MsIsotopesResult;
}

/** The ms.confirm result, or undefined for other kinds or unexpected shapes. */
export function msConfirmResultOf(kind: string, result: unknown): MsConfirmResult | undefined {
  if (kind !== "ms.confirm" || !isRecord(result) || !Array.isArray(result.ions)) return undefined;
  if (typeof result.confirmed !== "boolean") return undefined;
  return { observed: [], ...result } as unknown as MsConfirmResult;
}

/** The ms.formula result, or undefined for other kinds or unexpected shapes. */
export function msFormulaResultOf(kind: string, result: unknown): MsFormulaResult | undefined {
  if (kind !== "ms.formula" || !isRecord(result) || !Array.isArray(result.candidates)) return undefined;
  return result as unknown as MsFormulaResult;
}

/** URL of the server-drawn plot of a stored ms.confirm or ms.isotopes analysis. */
export function msPlotUrl(analysisId: string): string {
  return `/api/analyses/${encodeURIComponent(analysisId)}/plots/ms.svg`;
}

/** Sticks for a plot in SVG coordinates: x in [0, width], heights as fractions of the half height. */
export interface StickLayout {
  ticks: { x: number; label: string }[];
  up: { x: number; h: number; title: string }[];
  down: { x: number; h: number; title: string }[];
}

/**
 * Lays out observed (up) and theoretical (down) sticks over a shared m/z axis, each set scaled to its
 * own largest = 1. Pure, so the web view and its test share it.
 */
export function layoutSticks(
  up: { mz: number; value: number }[],
  down: { mz: number; value: number }[],
  width: number,
): StickLayout {
  const all = [...up, ...down].map((s) => s.mz);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = Math.max(0.5, (hi - lo) * 0.05);
  const d0 = lo - pad;
  const d1 = hi + pad;
  const x = (mz: number) => ((mz - d0) / (d1 - d0)) * width;
  const norm = (list: { mz: number; value: number }[]) => {
    const top = Math.max(...list.map((s) => s.value), 0);
    return list.map((s) => ({
      x: x(s.mz),
      h: top > 0 ? s.value / top : 0,
      title: `m/z ${s.mz.toFixed(5)}: ${top > 0 ? ((100 * s.value) / top).toFixed(1) : "0"} %`,
    }));
  };
  const ticks: { x: number; label: string }[] = [];
  const step = d1 - d0 > 8 ? 2 : 1;
  for (let t = Math.ceil(d0); t <= d1; t += step) ticks.push({ x: x(t), label: String(t) });
  return { ticks, up: norm(up), down: norm(down) };
}
