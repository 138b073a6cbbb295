/** Result shapes of the flow.* kinds and of the flow API, recognized defensively (results may be old). */
import type { InputFileRef } from "../api.js";

export interface PopulationCount {
  count: number;
  percent: number;
}

/** The four quadrant populations, keyed as the flow.apoptosis contract names them. */
export interface Populations {
  live: PopulationCount;
  earlyApoptotic: PopulationCount;
  lateApoptotic: PopulationCount;
  necrotic: PopulationCount;
}

export type PopulationKey = keyof Populations;

/** Contract order, with where each population sits on the Annexin V × PI plot. */
export const POPULATIONS: { key: PopulationKey; label: string; annexin: "+" | "−"; pi: "+" | "−" }[] = [
  { key: "live", label: "Live", annexin: "−", pi: "−" },
  { key: "earlyApoptotic", label: "Early apoptotic", annexin: "+", pi: "−" },
  { key: "lateApoptotic", label: "Late apoptotic", annexin: "+", pi: "+" },
  { key: "necrotic", label: "Necrotic", annexin: "−", pi: "+" },
];

export interface QuadrantCounts {
  events: number;
  gatedEvents: number;
  populations: Populations;
}

export interface FlowApoptosisResult extends QuadrantCounts {
  thresholds: { annexin: number; pi: number; source: "user" | "control" | string };
  channels: { annexin: string; pi: string };
  compensated: boolean;
}

export interface AxisScale {
  kind: "logicle" | "asinh";
  T: number;
  W: number;
  M: number;
  A: number;
}

export interface AxisTick {
  value: number;
  label: string;
  position: number;
}

export interface DensityAxis {
  scale: AxisScale;
  /** bins + 1 increasing edges in data units, evenly spaced on the display axis. */
  edges: number[];
  ticks: AxisTick[];
}

/** GET /api/analyses/:id/flow/density.json */
export interface DensityJson extends QuadrantCounts {
  bins: number;
  binned: number;
  /** counts[yBin·bins + xBin], y bin 0 at the bottom. */
  counts: number[];
  maxCount: number;
  x: DensityAxis;
  y: DensityAxis;
  channels: FlowApoptosisResult["channels"];
  thresholds: FlowApoptosisResult["thresholds"];
  compensated: boolean;
  /** The run's stored files by input name (fcs, control, …). */
  inputs: Record<string, InputFileRef>;
  warnings: string[];
}

export interface FlowInfoParameter {
  name: string;
  label: string | null;
  range: number;
  bits: number;
  rawMean: number | null;
}

export interface FlowInfoDataset {
  index: number;
  version: string;
  events: number;
  parameters: FlowInfoParameter[];
  keywords: Record<string, string>;
  warnings?: string[];
}

export interface FlowInfoResult {
  datasets: FlowInfoDataset[];
}

export interface FlowGateResult {
  events: number;
  gates: { id: string; count: number; percent?: number }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function flowApoptosisResultOf(kind: string, result: unknown): FlowApoptosisResult | undefined {
  if (kind !== "flow.apoptosis" || !isRecord(result) || !isRecord(result.populations)) return undefined;
  if (!isRecord(result.thresholds) || !isRecord(result.channels)) return undefined;
  return result as unknown as FlowApoptosisResult;
}

export function flowInfoResultOf(kind: string, result: unknown): FlowInfoResult | undefined {
  if (kind !== "flow.info" || !isRecord(result) || !Array.isArray(result.datasets)) return undefined;
  return result as unknown as FlowInfoResult;
}

export function flowGateResultOf(kind: string, result: unknown): FlowGateResult | undefined {
  if (kind !== "flow.gate" || !isRecord(result) || !Array.isArray(result.gates)) return undefined;
  return result as unknown as FlowGateResult;
}
