/** Result shapes of the pk.* kinds, recognized defensively (stored results may come from older servers). */

export interface PkSummary {
  cmax_ng_mL: number;
  tmax_h: number;
  auc_ng_h_mL: number;
  terminalHalfLife_h: number;
  vss_L: number;
}

export interface PkSimulateResult {
  model: string;
  times_h: number[];
  conc_ng_mL: number[];
  summary: PkSummary;
  /** With a dosing dataset: the subject simulated and its observations beside the prediction. */
  observed?: {
    subject: string;
    doses: number;
    points: { time_h: number; dv_ng_mL: number; pred_ng_mL: number }[];
  };
  /** The peak after the first dose; absent from results stored before it was computed. */
  firstDose?: { cmax_ng_mL: number; tmax_h: number };
  parameters: Record<string, number>;
  inhibition_pct?: number[];
}

export interface PkPopulationSubject {
  id: string | number;
  auc_ng_h_mL: number[];
  cmax_ng_mL: number;
  tmax_h: number;
}

export interface PkPopulationResult {
  model: string;
  n: number;
  aucWindows: [number, number][];
  subjects: PkPopulationSubject[];
  percentiles: { levels: number[]; times_h: number[]; conc_ng_mL: number[][]; method: string };
}

export interface NcaSubject {
  id: string | number;
  cmax: number;
  tmax: number;
  clast: number;
  tlast: number;
  auclast: number;
  aucinf: number | null;
  aucPctExtrap: number | null;
  lambdaZ: number | null;
  halfLife: number | null;
  r2: number | null;
  r2adj: number | null;
  pointsUsed: number | null;
  clF: number | null;
  vzF: number | null;
  warnings: string[];
}

export interface NcaResult {
  subjects: NcaSubject[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function pkSimulateResultOf(kind: string, result: unknown): PkSimulateResult | undefined {
  if (kind !== "pk.simulate" || !isRecord(result)) return undefined;
  if (!Array.isArray(result.times_h) || !Array.isArray(result.conc_ng_mL) || !isRecord(result.summary))
    return undefined;
  return result as unknown as PkSimulateResult;
}

export function pkPopulationResultOf(kind: string, result: unknown): PkPopulationResult | undefined {
  if (kind !== "pk.population" || !isRecord(result)) return undefined;
  if (!Array.isArray(result.subjects) || !Array.isArray(result.aucWindows)) return undefined;
  return result as unknown as PkPopulationResult;
}

export function ncaResultOf(kind: string, result: unknown): NcaResult | undefined {
  if (kind !== "pk.nca" || !isRecord(result) || !Array.isArray(result.subjects)) return undefined;
  return result as unknown as NcaResult;
}
