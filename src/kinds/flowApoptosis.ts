import { z } from "zod";
import { type ApoptosisCounts, controlThreshold, countApoptosis } from "../core/assays/flow/apoptosis.js";
import { compensate } from "../core/assays/flow/gating/index.js";
import { FormatError, InputError, ValidationError } from "../core/errors.js";
import { type FcsDataset, parseFcs, scaleValues, spilloverOf } from "../io/fcs/index.js";
import type { AnalysisKind, SuppliedInput, SuppliedInputs } from "./kind.js";

const flowApoptosisParameters = z.strictObject({
  annexin: z.string().min(1).describe("Annexin V channel ($PnN or $PnS), e.g. FITC-A"),
  pi: z.string().min(1).describe("propidium iodide channel ($PnN or $PnS), e.g. PE-A or PI-A"),
  thresholds: z
    .tuple([z.number(), z.number()])
    .optional()
    .describe("Annexin V and PI thresholds in compensated scale units (positive: ≥ threshold)"),
  controlPercentile: z
    .number()
    .gt(0)
    .lt(100)
    .default(99.5)
    .describe("percentile of the control that sets a threshold"),
  fscMin: z.number().optional().describe("keep events with FSC-A ≥ this (debris cut-off)"),
  compensation: z.boolean().default(true).describe("compensate with the file's spillover matrix"),
});

/** Parameters of `flow.apoptosis`. */
export type FlowApoptosisParameters = z.infer<typeof flowApoptosisParameters>;

/** The `flow.apoptosis` result: the contract's counts and how they were obtained. */
export interface FlowApoptosisResult extends ApoptosisCounts {
  thresholds: { annexin: number; pi: number; source: "user" | "control" };
  channels: { annexin: string; pi: string };
  compensated: boolean;
}

/** `flow.apoptosis`: live, early and late apoptotic and necrotic cells from Annexin V × PI. */
export const flowApoptosisKind: AnalysisKind<FlowApoptosisParameters, FlowApoptosisResult> = {
  id: "flow.apoptosis",
  title: "Apoptosis (Annexin V / PI)",
  description:
    "Compensated Annexin V × PI quadrants of an FCS file (optional FSC-A debris cut-off): counts and percentages of live, early apoptotic, late apoptotic and necrotic cells; thresholds from the user or from a negative control.",
  parameters: flowApoptosisParameters,
  inputs: [
    { name: "fcs", format: "fcs", description: "stained sample (FCS)", required: true, accept: ".fcs,.lmd" },
    {
      name: "control",
      format: "fcs",
      description: "negative control for thresholds (FCS)",
      required: false,
      accept: ".fcs,.lmd",
    },
  ],
  command: ["flow", "apoptosis"],
  async run(params, inputs) {
    const { annexin, pi, keep, thresholds, channels, compensated, warnings } = apoptosisEvents(
      params,
      inputs,
    );
    const counts = countApoptosis(annexin, pi, [thresholds.annexin, thresholds.pi], keep);
    return { result: { ...counts, thresholds, channels, compensated }, warnings };
  },
};

/** What {@link apoptosisEvents} returns: the values the quadrants are drawn on, and how they were gated. */
export interface ApoptosisEvents {
  /** Compensated Annexin V scale values, one per event of the sample. */
  annexin: Float64Array;
  /** Compensated PI scale values. */
  pi: Float64Array;
  /** 1 for events passing the cell, singlet and FSC gates; absent when no gate is set. */
  keep?: Uint8Array;
  thresholds: FlowApoptosisResult["thresholds"];
  channels: FlowApoptosisResult["channels"];
  compensated: boolean;
  warnings: string[];
}

/**
 * The compensated Annexin V / PI event values of an apoptosis run, and how they were gated: what
 * `flow.apoptosis` counts and what its density plot draws (CLI `--plot`, the web page).
 * @throws ValidationError without thresholds or a control; InputError/FormatError for bad files or channels.
 */
export function apoptosisEvents(params: FlowApoptosisParameters, inputs: SuppliedInputs): ApoptosisEvents {
  if (!params.thresholds && !inputs.control) {
    throw new ValidationError(
      [{ path: "parameters.thresholds", message: "give thresholds or a control file" }],
      "flow.apoptosis",
    );
  }
  const sample = channelsOf(inputs.fcs!, params);
  let thresholds: FlowApoptosisResult["thresholds"];
  if (params.thresholds) {
    thresholds = { annexin: params.thresholds[0], pi: params.thresholds[1], source: "user" };
  } else {
    const control = channelsOf(inputs.control!, params);
    thresholds = {
      annexin: controlThreshold(control.annexin, params.controlPercentile),
      pi: controlThreshold(control.pi, params.controlPercentile),
      source: "control",
    };
  }
  const keep =
    params.fscMin === undefined
      ? undefined
      : fscGate(sample.dataset, sample.values, params.fscMin, inputs.fcs!.ref.name);
  return {
    annexin: sample.annexin,
    pi: sample.pi,
    ...(keep && { keep }),
    thresholds,
    channels: sample.names,
    compensated: sample.compensated,
    warnings: sample.dataset.warnings,
  };
}

function channelsOf(input: SuppliedInput, params: FlowApoptosisParameters) {
  const source = input.ref.name;
  const dataset = parseFcs(input.bytes, source).datasets[0];
  if (!dataset) throw new FormatError(source, "file", "at least one data set", "none");
  const annexin = findChannel(dataset, params.annexin, source);
  const pi = findChannel(dataset, params.pi, source);
  const spillover = params.compensation ? spilloverOf(dataset, source) : null;
  // Scale only the channels the analysis reads: a million events × every parameter would triple memory.
  const needed = new Set([annexin, pi, ...(spillover?.detectors ?? [])]);
  if (params.fscMin !== undefined) needed.add(findChannel(dataset, "FSC-A", source));
  let values: Record<string, Float64Array> = {};
  dataset.parameters.forEach((p, i) => {
    if (needed.has(p.name)) values[p.name] = scaleValues(dataset, i + 1);
  });
  if (spillover) values = { ...values, ...compensate(spillover, values) };
  return {
    dataset,
    values,
    annexin: values[annexin] as Float64Array,
    pi: values[pi] as Float64Array,
    names: { annexin, pi },
    compensated: spillover !== null,
  };
}

/** A channel by `$PnN`, then `$PnS`, then either ignoring case. @throws InputError listing the channels */
function findChannel(dataset: FcsDataset, wanted: string, source: string): string {
  const ps = dataset.parameters;
  const hit =
    ps.find((p) => p.name === wanted) ??
    ps.find((p) => p.label === wanted) ??
    ps.find(
      (p) => p.name.toLowerCase() === wanted.toLowerCase() || p.label?.toLowerCase() === wanted.toLowerCase(),
    );
  if (!hit) {
    throw new InputError(
      `${source}: no channel '${wanted}'. Channels: ${ps.map((p) => (p.label ? `${p.name} (${p.label})` : p.name)).join(", ")}`,
    );
  }
  return hit.name;
}

function fscGate(
  dataset: FcsDataset,
  values: Record<string, Float64Array>,
  fscMin: number,
  source: string,
): Uint8Array {
  const fsc = values[findChannel(dataset, "FSC-A", source)] as Float64Array;
  const keep = new Uint8Array(fsc.length);
  for (let i = 0; i < fsc.length; i++) keep[i] = fsc[i]! >= fscMin ? 1 : 0;
  return keep;
}
