import { z } from "zod";
import { type ApoptosisCounts, controlThreshold, countApoptosis } from "../core/assays/flow/apoptosis.js";
import { compensateChannels } from "../core/assays/flow/compensateChannels.js";
import type { GatingStrategy, SpectrumMatrix } from "../core/assays/flow/gating/index.js";
import { rangeMask, SCATTER_GATE_DEFAULTS, singletMask } from "../core/assays/flow/scatterGates.js";
import { FormatError, InputError, ValidationError } from "../core/errors.js";
import { type FcsDataset, spilloverOf } from "../io/fcs/index.js";
import { parseSpilloverMatrix } from "../io/flow-matrix/index.js";
import { asFloat64, findChannel, firstDataset, scaledChannels } from "./flowChannels.js";
import type { AnalysisKind, SuppliedInput, SuppliedInputs } from "./kind.js";

/** The schema of `flow.apoptosis` parameters (also the base of `flow.series`). */
export const flowApoptosisParameters = z.strictObject({
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
  fscMax: z.number().optional().describe("keep events with FSC-A ≤ this (cell gate)"),
  sscMin: z.number().optional().describe("keep events with SSC-A ≥ this (cell gate)"),
  sscMax: z.number().optional().describe("keep events with SSC-A ≤ this (cell gate)"),
  singlets: z
    .boolean()
    .default(false)
    .describe("singlet gate: keep events whose FSC-A/FSC-H ratio lies within singletBand × its median"),
  singletBand: z
    .tuple([z.number().gt(0), z.number().gt(0)])
    .default([...SCATTER_GATE_DEFAULTS.singletBand] as [number, number])
    .describe("singlet band as multiples of the median FSC-A/FSC-H ratio"),
  fscArea: z.string().min(1).default("FSC-A").describe("forward-scatter area channel"),
  fscHeight: z.string().min(1).default("FSC-H").describe("forward-scatter height channel (singlet gate)"),
  sscArea: z.string().min(1).default("SSC-A").describe("side-scatter area channel"),
  cellGateId: z
    .string()
    .min(1)
    .optional()
    .describe("gate of the cellGate Gating-ML file to keep (default: its last gate, with its parents)"),
  compensation: z.boolean().default(true).describe("compensate (file's spillover, or the spillover input)"),
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
    "Compensated Annexin V × PI quadrants of an FCS file (optional FSC-A/SSC-A cell gate, singlet gate): counts and percentages of live, early apoptotic, late apoptotic and necrotic cells; thresholds from the user or from a negative control.",
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
    {
      name: "spillover",
      format: "spillover-csv",
      description: "spillover matrix CSV (FlowJo/FlowKit; replaces the file's)",
      required: false,
      accept: ".csv,.txt",
    },
    {
      name: "cellGate",
      format: "gatingml-2.0",
      description: "Gating-ML 2.0 cell / singlet gate",
      required: false,
      accept: ".xml",
    },
  ],
  command: ["flow", "apoptosis"],
  async run(params, inputs) {
    if (inputs.cellGate) await loadCellGateParser();
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

type GatingMlParser = (xml: string, source: string) => GatingStrategy;
type GatingApplier = typeof import("../core/assays/flow/gating/applyGatingStrategy.js").applyGatingStrategy;
let gatingMl: { parse: GatingMlParser; apply: GatingApplier } | undefined;

/**
 * Loads the Gating-ML reader that a `cellGate` input needs. The XML parser is loaded only then, to keep
 * CLI start-up fast; call (await) this before {@link apoptosisEvents} with a `cellGate` (run() does).
 */
export async function loadCellGateParser(): Promise<void> {
  if (gatingMl) return;
  const [{ parseGatingMl }, { applyGatingStrategy }] = await Promise.all([
    import("../io/gatingml/index.js"),
    import("../core/assays/flow/gating/applyGatingStrategy.js"),
  ]);
  gatingMl = { parse: parseGatingMl, apply: applyGatingStrategy };
}

/**
 * The compensated Annexin V / PI event values of an apoptosis run, and how they were gated: what
 * `flow.apoptosis` counts and what its density plot draws (CLI `--plot`, the web page). Gates, ANDed:
 * the Gating-ML cell gate (`cellGate` input), the FSC-A/SSC-A min/max cell gate, then the singlet gate
 * (FSC-A/FSC-H ratio within `singletBand` × its median among the cells).
 * @throws ValidationError without thresholds or a control; InputError/FormatError for bad files or channels.
 */
export function apoptosisEvents(params: FlowApoptosisParameters, inputs: SuppliedInputs): ApoptosisEvents {
  if (!params.thresholds && !inputs.control) {
    throw new ValidationError(
      [{ path: "parameters.thresholds", message: "give thresholds or a control file" }],
      "flow.apoptosis",
    );
  }
  const spillover = params.compensation && inputs.spillover ? userSpillover(inputs.spillover) : undefined;
  const matrixName = inputs.spillover?.ref.name;
  const sample = quadrantChannels(inputs.fcs!, params, spillover, matrixName, inputs.cellGate);
  let thresholds: FlowApoptosisResult["thresholds"];
  if (params.thresholds) {
    thresholds = { annexin: params.thresholds[0], pi: params.thresholds[1], source: "user" };
  } else {
    const control = quadrantChannels(inputs.control!, params, spillover, matrixName, false);
    thresholds = {
      annexin: controlThreshold(control.annexin, params.controlPercentile),
      pi: controlThreshold(control.pi, params.controlPercentile),
      source: "control",
    };
  }
  return {
    annexin: sample.annexin,
    pi: sample.pi,
    ...(sample.keep && { keep: sample.keep }),
    thresholds,
    channels: sample.names,
    compensated: sample.compensated,
    warnings: sample.warnings,
  };
}

function userSpillover(input: SuppliedInput): SpectrumMatrix {
  return parseSpilloverMatrix(new TextDecoder().decode(input.bytes), input.ref.name);
}

/** Annexin V and PI of one file, compensated, and (for the sample) the gate mask. */
function quadrantChannels(
  input: SuppliedInput,
  params: FlowApoptosisParameters,
  userMatrix: SpectrumMatrix | undefined,
  matrixName: string | undefined,
  cellGate: SuppliedInput | undefined | false,
) {
  const source = input.ref.name;
  const dataset = firstDataset(input);
  const warnings = [...dataset.warnings];
  const annexin = findChannel(dataset, params.annexin, source);
  const pi = findChannel(dataset, params.pi, source);
  let spillover: SpectrumMatrix | null = null;
  if (params.compensation) {
    spillover = userMatrix ?? spilloverOf(dataset, source);
    if (userMatrix && matrixName) checkDetectors(userMatrix, dataset, matrixName, source);
  }
  // Scale only the channels the analysis reads: a million events × every parameter would triple memory.
  const values = scaledChannels(dataset, [annexin, pi, ...(spillover?.detectors ?? [])]);
  const compensated = spillover ? compensateChannels(spillover, values, [annexin, pi]) : {};
  if (spillover && !compensated[annexin] && !compensated[pi])
    warnings.push(`the spillover matrix names neither ${annexin} nor ${pi}: values left uncompensated`);
  const keep = cellGate === false ? undefined : gateMask(input, dataset, params, cellGate);
  return {
    annexin: compensated[annexin] ?? asFloat64(values[annexin]!),
    pi: compensated[pi] ?? asFloat64(values[pi]!),
    names: { annexin, pi },
    compensated: spillover !== null,
    keep,
    warnings,
  };
}

/** @throws FormatError naming the matrix file and a detector the sample does not have. */
function checkDetectors(matrix: SpectrumMatrix, dataset: FcsDataset, what: string, source: string): void {
  const names = dataset.parameters.map((p) => p.name);
  for (const d of matrix.detectors) {
    if (!names.includes(d))
      throw new FormatError(
        what,
        `detector '${d}'`,
        `a channel ($PnN) of ${source}: ${names.join(", ")}`,
        `'${d}'`,
      );
  }
}

/** The cell gate (Gating-ML, then min/max) and the singlet gate, ANDed; undefined when none is set. */
function gateMask(
  input: SuppliedInput,
  dataset: FcsDataset,
  params: FlowApoptosisParameters,
  cellGate: SuppliedInput | undefined,
): Uint8Array | undefined {
  const source = input.ref.name;
  let keep = cellGate ? gatingMlMask(cellGate, dataset, params.cellGateId, source) : undefined;
  const rangeOf = (channel: string, min: number | undefined, max: number | undefined) => {
    if (min === undefined && max === undefined) return;
    const name = findChannel(dataset, channel, source);
    keep = rangeMask(scaledChannels(dataset, [name])[name]!, min, max, keep);
  };
  rangeOf(params.fscArea, params.fscMin, params.fscMax);
  rangeOf(params.sscArea, params.sscMin, params.sscMax);
  if (params.singlets) {
    const area = findChannel(dataset, params.fscArea, source);
    const height = findChannel(dataset, params.fscHeight, source);
    const v = scaledChannels(dataset, [area, height]);
    keep = singletMask(v[area]!, v[height]!, params.singletBand, keep);
  }
  return keep;
}

/** The events of one gate of a Gating-ML document (with its parents), on the sample's scale values. */
function gatingMlMask(
  gml: SuppliedInput,
  dataset: FcsDataset,
  gateId: string | undefined,
  source: string,
): Uint8Array {
  if (!gatingMl) throw new Error("cell gate: await loadCellGateParser() before apoptosisEvents()");
  const strategy = gatingMl.parse(new TextDecoder().decode(gml.bytes), gml.ref.name);
  const last = strategy.gates.at(-1);
  if (!last) throw new FormatError(gml.ref.name, "Gating-ML document", "at least one gate", "none");
  const id = gateId ?? last.id;
  if (!gateId && last.type === "QuadrantGate")
    throw new InputError(
      `${gml.ref.name}: the last gate is a quadrant gate; name one quadrant with --cell-gate-id`,
    );
  const names = dataset.parameters.map((p) => p.name);
  const used = new Set<string>();
  let compensated = false;
  const addDimension = (d: { name?: string; compensationRef: string }) => {
    if (d.name !== undefined) used.add(d.name);
    if (d.compensationRef !== "uncompensated") compensated = true;
  };
  for (const gate of strategy.gates) {
    if (gate.type === "QuadrantGate") for (const div of gate.dividers) addDimension(div.dimension);
    else if (gate.type !== "BooleanGate") for (const d of gate.dimensions) addDimension(d);
  }
  for (const t of Object.values(strategy.transformations))
    if (t.kind === "fratio") for (const d of t.dimensions) used.add(d);
  for (const name of used) {
    if (!names.includes(name))
      throw new FormatError(
        gml.ref.name,
        "gate dimension",
        `a channel ($PnN) of ${source}: ${names.join(", ")}`,
        `'${name}'`,
      );
  }
  // A compensated dimension needs the detectors of whichever matrix it refers to: read them all.
  const events = Object.fromEntries(
    Object.entries(scaledChannels(dataset, compensated ? names : used)).map(([k, v]) => [k, asFloat64(v)]),
  );
  const fcsSpillover = compensated ? (spilloverOf(dataset, source) ?? undefined) : undefined;
  const masks = gatingMl.apply(strategy, events, fcsSpillover ? { fcsSpillover } : {});
  const mask = masks.get(id);
  if (!mask) throw new InputError(`${gml.ref.name}: no gate '${id}'. Gates: ${[...masks.keys()].join(", ")}`);
  return mask;
}
