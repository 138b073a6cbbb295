import { controlThreshold } from "../core/assays/flow/apoptosis.js";
import { compensateChannels } from "../core/assays/flow/compensateChannels.js";
import type { GatingStrategy, SpectrumMatrix } from "../core/assays/flow/gating/index.js";
import { rangeMask, SCATTER_GATE_DEFAULTS, singletMask } from "../core/assays/flow/scatterGates.js";
import { FormatError, InputError, ValidationError } from "../core/errors.js";
import { type FcsDataset, spilloverOf } from "../io/fcs/index.js";
import { parseSpilloverMatrix } from "../io/flow-matrix/index.js";
import { asFloat64, findChannel, firstDataset, scaledChannels } from "./flowChannels.js";
import type { SuppliedInput, SuppliedInputs } from "./kind.js";

// The computation of `flow.apoptosis` without zod or the kind registry, so that the CLI can run it
// without loading them (flowApoptosis.ts declares the kind and re-exports these).

/** Parameters of an apoptosis run, defaults applied (the `flow.apoptosis` schema's output). */
export interface ApoptosisParameters {
  annexin: string;
  pi: string;
  /** Annexin V and PI thresholds, compensated scale units (positive: ≥ threshold). */
  thresholds?: [number, number];
  controlPercentile: number;
  fscMin?: number;
  fscMax?: number;
  sscMin?: number;
  sscMax?: number;
  singlets: boolean;
  singletBand: [number, number];
  fscArea: string;
  fscHeight: string;
  sscArea: string;
  cellGateId?: string;
  compensation: boolean;
}

/** Defaults of the apoptosis parameters: the schema's `.default()`s and the CLI's fast path use these. */
export const APOPTOSIS_DEFAULTS = {
  controlPercentile: 99.5,
  singlets: false,
  singletBand: SCATTER_GATE_DEFAULTS.singletBand,
  fscArea: "FSC-A",
  fscHeight: "FSC-H",
  sscArea: "SSC-A",
  compensation: true,
} as const;

/** Thresholds, channels and compensation of a run, as the `flow.apoptosis` result reports them. */
export interface ApoptosisSetup {
  thresholds: { annexin: number; pi: number; source: "user" | "control" };
  channels: { annexin: string; pi: string };
  compensated: boolean;
}

/** What {@link apoptosisEvents} returns: the values the quadrants are drawn on, and how they were gated. */
export interface ApoptosisEvents {
  /** Compensated Annexin V scale values, one per event of the sample. */
  annexin: Float64Array;
  /** Compensated PI scale values. */
  pi: Float64Array;
  /** 1 for events passing the cell, singlet and FSC gates; absent when no gate is set. */
  keep?: Uint8Array;
  thresholds: ApoptosisSetup["thresholds"];
  channels: ApoptosisSetup["channels"];
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
export function apoptosisEvents(params: ApoptosisParameters, inputs: SuppliedInputs): ApoptosisEvents {
  if (!params.thresholds && !inputs.control) {
    throw new ValidationError(
      [{ path: "parameters.thresholds", message: "give thresholds or a control file" }],
      "flow.apoptosis",
    );
  }
  const spillover = params.compensation && inputs.spillover ? userSpillover(inputs.spillover) : undefined;
  const matrixName = inputs.spillover?.ref.name;
  const sample = quadrantChannels(inputs.fcs!, params, spillover, matrixName, inputs.cellGate);
  let thresholds: ApoptosisSetup["thresholds"];
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
  params: ApoptosisParameters,
  userMatrix: SpectrumMatrix | undefined,
  matrixName: string | undefined,
  cellGate: SuppliedInput | undefined | false,
) {
  const source = input.ref.name;
  const dataset = firstDataset(input);
  const warnings = [...dataset.warnings];
  const annexin = findChannel(dataset, params.annexin, source, "annexin");
  const pi = findChannel(dataset, params.pi, source, "pi");
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
  params: ApoptosisParameters,
  cellGate: SuppliedInput | undefined,
): Uint8Array | undefined {
  const source = input.ref.name;
  let keep = cellGate ? gatingMlMask(cellGate, dataset, params.cellGateId, source) : undefined;
  const rangeOf = (role: string, channel: string, min: number | undefined, max: number | undefined) => {
    if (min === undefined && max === undefined) return;
    const name = findChannel(dataset, channel, source, role);
    keep = rangeMask(scaledChannels(dataset, [name])[name]!, min, max, keep);
  };
  rangeOf("fscArea", params.fscArea, params.fscMin, params.fscMax);
  rangeOf("sscArea", params.sscArea, params.sscMin, params.sscMax);
  if (params.singlets) {
    const area = findChannel(dataset, params.fscArea, source, "fscArea");
    const height = findChannel(dataset, params.fscHeight, source, "fscHeight");
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
