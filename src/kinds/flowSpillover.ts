import { z } from "zod";
import { spilloverFromControls } from "../core/assays/flow/spilloverFromControls.js";
import { InputError } from "../core/errors.js";
import { findChannel, firstDataset, scaledChannels } from "./flowChannels.js";
import type { AnalysisKind, InputSpec } from "./kind.js";

/** How many single-stain controls one `flow.spillover` run takes (inputs `stain1` … `stainN`). */
export const MAX_SINGLE_STAINS = 16;

const flowSpilloverParameters = z.strictObject({
  stains: z
    .array(z.string().min(1))
    .min(1)
    .max(MAX_SINGLE_STAINS)
    .describe(
      "primary detector ($PnN or $PnS) of each single-stain control, in the order of inputs stain1, stain2, …",
    ),
  statistic: z.enum(["median", "mean"]).default("median").describe("statistic of each control per detector"),
});

/** Parameters of `flow.spillover`. */
export type FlowSpilloverParameters = z.infer<typeof flowSpilloverParameters>;

/** The `flow.spillover` result: row i = spectrum of stain i over the detectors ($SPILLOVER orientation). */
export interface FlowSpilloverResult {
  detectors: string[];
  matrix: number[][];
  /** Events of each control: unstained first, then the stains in order. */
  events: { control: string; file: string; events: number }[];
}

const stainInputs: InputSpec[] = Array.from({ length: MAX_SINGLE_STAINS }, (_, i) => ({
  name: `stain${i + 1}`,
  format: "fcs",
  description: `single-stain control ${i + 1} (FCS), detector = stains[${i}]`,
  required: i === 0,
  accept: ".fcs,.lmd",
}));

/** `flow.spillover`: a spillover matrix from an unstained and single-stain controls (flowCore's method). */
export const flowSpilloverKind: AnalysisKind<FlowSpilloverParameters, FlowSpilloverResult> = {
  id: "flow.spillover",
  title: "Spillover from single-stain controls",
  description:
    "Spillover matrix from an unstained control and one single-stain control per fluorochrome, as flowCore's spillover() computes it: per-detector medians minus the unstained medians, floored at 0, each row divided by its maximum.",
  parameters: flowSpilloverParameters,
  inputs: [
    {
      name: "unstained",
      format: "fcs",
      description: "unstained control (FCS)",
      required: true,
      accept: ".fcs,.lmd",
    },
    ...stainInputs,
  ],
  command: ["flow", "spillover"],
  async run(params, inputs) {
    const unstainedInput = inputs.unstained!;
    const unstained = firstDataset(unstainedInput);
    const detectors = params.stains.map((s) => findChannel(unstained, s, unstainedInput.ref.name));
    const supplied = stainInputs.filter((spec) => inputs[spec.name]).length;
    if (supplied !== params.stains.length) {
      throw new InputError(
        `flow.spillover: ${params.stains.length} stains named (${params.stains.join(", ")}) but ${supplied} single-stain files given`,
      );
    }
    const warnings = [...unstained.warnings];
    const events = [{ control: "unstained", file: unstainedInput.ref.name, events: unstained.events }];
    const stains = detectors.map((detector, i) => {
      const input = inputs[`stain${i + 1}`];
      if (!input) throw new InputError(`flow.spillover: no file for stain ${i + 1} (${detector})`);
      const dataset = firstDataset(input);
      warnings.push(...dataset.warnings.map((w) => `${input.ref.name}: ${w}`));
      // Every control must have every detector under the same $PnN.
      for (const d of detectors) findChannel(dataset, d, input.ref.name);
      events.push({ control: detector, file: input.ref.name, events: dataset.events });
      return { detector, events: scaledChannels(dataset, detectors) };
    });
    const matrix = spilloverFromControls(scaledChannels(unstained, detectors), stains, {
      statistic: params.statistic,
    });
    return { result: { detectors: matrix.detectors, matrix: matrix.coefficients, events }, warnings };
  },
};
