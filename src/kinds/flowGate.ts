import { z } from "zod";
import { applyGatingStrategy } from "../core/assays/flow/gating/index.js";
import { FormatError } from "../core/errors.js";
import { parseFcs, scaleValues } from "../io/fcs/index.js";
import type { AnalysisKind } from "./kind.js";

/** The `flow.gate` result: events in every gate (quadrants by their own ids), in document order. */
export interface FlowGateResult {
  events: number;
  gates: { id: string; count: number; percent: number }[];
}

/** `flow.gate`: a Gating-ML 2.0 strategy applied to the first data set of an FCS file. */
export const flowGateKind: AnalysisKind<Record<string, never>, FlowGateResult> = {
  id: "flow.gate",
  title: "Gating-ML 2.0 gating",
  description:
    "Applies the transforms and gates of a Gating-ML 2.0 document (rectangle, polygon, ellipsoid, quadrant, boolean; nested) to an FCS file's scale values and counts the events in each gate.",
  parameters: z.strictObject({}),
  inputs: [
    { name: "fcs", format: "fcs", description: "FCS file", required: true, accept: ".fcs,.lmd" },
    {
      name: "gatingml",
      format: "gatingml-2.0",
      description: "Gating-ML 2.0 XML",
      required: true,
      accept: ".xml",
    },
  ],
  command: ["flow", "gate"],
  async run(_params, inputs) {
    const fcs = inputs.fcs!;
    const gml = inputs.gatingml!;
    const dataset = parseFcs(fcs.bytes, fcs.ref.name).datasets[0];
    if (!dataset) throw new FormatError(fcs.ref.name, "file", "at least one data set", "none");
    // The XML parser is loaded only when a Gating-ML document is read.
    const { parseGatingMl } = await import("../io/gatingml/index.js");
    const strategy = parseGatingMl(new TextDecoder().decode(gml.bytes), gml.ref.name);
    // Gating-ML dimensions name FCS parameters by $PnN, on scale values ($PnE, $PnG applied).
    const events: Record<string, Float64Array> = {};
    dataset.parameters.forEach((p, i) => {
      events[p.name] = scaleValues(dataset, i + 1);
    });
    const masks = applyGatingStrategy(strategy, events);
    const gates = [...masks].map(([id, mask]) => {
      let count = 0;
      for (let i = 0; i < mask.length; i++) count += mask[i]!;
      return { id, count, percent: dataset.events > 0 ? (100 * count) / dataset.events : 0 };
    });
    return { result: { events: dataset.events, gates }, warnings: dataset.warnings };
  },
};
