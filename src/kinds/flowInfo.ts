import { z } from "zod";
import { parseFcs } from "../io/fcs/index.js";
import type { AnalysisKind } from "./kind.js";

/** One data set as `flow info` describes it. */
export interface FlowDatasetInfo {
  index: number;
  version: string;
  events: number;
  parameters: { name: string; label: string | null; range: number; bits: number; rawMean: number }[];
  keywords: Record<string, string>;
  warnings: string[];
}

/** The `flow.info` result: every data set of the file. */
export interface FlowInfoResult {
  datasets: FlowDatasetInfo[];
}

/** `flow.info`: what an FCS file holds — versions, events, parameters with raw means, keywords. */
export const flowInfoKind: AnalysisKind<Record<string, never>, FlowInfoResult> = {
  id: "flow.info",
  title: "FCS file information",
  description:
    "Data sets of an FCS 2.0–3.2 file: version, events, parameters ($PnN, $PnS, $PnR, $PnB) with the mean of the stored values, and the TEXT keywords.",
  parameters: z.strictObject({}),
  inputs: [
    {
      name: "fcs",
      format: "fcs",
      description: "FCS file (2.0, 3.0, 3.1 or 3.2)",
      required: true,
      accept: ".fcs,.lmd",
    },
  ],
  command: ["flow", "info"],
  async run(_params, inputs) {
    const fcs = inputs.fcs!;
    const file = parseFcs(fcs.bytes, fcs.ref.name);
    const datasets = file.datasets.map((d) => ({
      index: d.index,
      version: d.version,
      events: d.events,
      parameters: d.parameters.map((p, i) => ({
        name: p.name,
        label: p.label,
        range: p.range,
        bits: p.bits,
        rawMean: mean(d.data[i] ?? new Float64Array()),
      })),
      keywords: d.keywords,
      warnings: d.warnings,
    }));
    return {
      result: { datasets },
      warnings: datasets.flatMap((d) => d.warnings.map((w) => `data set ${d.index}: ${w}`)),
    };
  },
};

function mean(values: Float32Array | Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length > 0 ? sum / values.length : Number.NaN;
}
