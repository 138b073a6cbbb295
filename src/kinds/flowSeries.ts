import type { z } from "zod";
import type { ApoptosisCounts } from "../core/assays/flow/apoptosis.js";
import { countApoptosis } from "../core/assays/flow/apoptosis.js";
import { fitCurve } from "../core/assays/ic50/fit.js";
import { InputError } from "../core/errors.js";
import { parseFlowDesign } from "../io/flow-matrix/index.js";
import {
  apoptosisEvents,
  type FlowApoptosisResult,
  flowApoptosisKind,
  flowApoptosisParameters,
  loadCellGateParser,
} from "./flowApoptosis.js";
import type { AnalysisKind, InputSpec, SuppliedInputs } from "./kind.js";

/** How many FCS files one `flow.series` run takes (inputs `fcs1` … `fcsN`, in design order). */
export const MAX_SERIES_FILES = 48;

const flowSeriesParameters = flowApoptosisParameters;

/** Parameters of `flow.series`: those of `flow.apoptosis`, applied to every file of the design. */
export type FlowSeriesParameters = z.infer<typeof flowSeriesParameters>;

/** One file of the series: its dose, the four populations and % apoptotic (early + late). */
export interface FlowSeriesSample extends ApoptosisCounts {
  file: string;
  conc_nM: number;
  apoptoticPercent: number;
}

/** The 4PL fit of % apoptotic vs concentration (the IC50 fitter on 100 − % apoptotic). */
export interface FlowSeriesFit {
  class: "active" | "inactive" | "insufficient_data" | "fit_failed";
  /** Concentration of half-maximal apoptosis (nM); for `inactive`, the highest dose with qualifier ">". */
  ec50_nM: number | null;
  ec50Qualifier: "=" | ">" | null;
  log10Ec50: number | null;
  /** Wald 95 % CI of the EC50 (nM). */
  ci95_nM: [number, number] | null;
  hill: number | null;
  /** % apoptotic at the x → 0 and x → ∞ plateaus. */
  apoptoticAtZero: number | null;
  apoptoticMax: number | null;
  r2: number | null;
  nPoints: number;
  warnings: string[];
}

/** The `flow.series` result. */
export interface FlowSeriesResult {
  samples: FlowSeriesSample[];
  thresholds: FlowApoptosisResult["thresholds"];
  channels: FlowApoptosisResult["channels"];
  compensated: boolean;
  fit: FlowSeriesFit;
}

const fileInputs: InputSpec[] = Array.from({ length: MAX_SERIES_FILES }, (_, i) => ({
  name: `fcs${i + 1}`,
  format: "fcs",
  description: `FCS file of design row ${i + 1}`,
  required: i === 0,
  accept: ".fcs,.lmd",
}));

/** `flow.series`: apoptosis over a concentration series, % apoptotic vs dose fitted with the 4PL model. */
export const flowSeriesKind: AnalysisKind<FlowSeriesParameters, FlowSeriesResult> = {
  id: "flow.series",
  title: "Apoptosis over a concentration series",
  description:
    "Annexin V / PI populations of every FCS file of a design (file, conc_nM) with the same gates and thresholds, and % apoptotic (early + late) vs concentration fitted with the 4PL dose-response model: EC50, Hill slope, 95 % CI.",
  parameters: flowSeriesParameters,
  inputs: [
    {
      name: "design",
      format: "flow-design-csv",
      description: "design CSV: file,conc_nM (one row per FCS file, in the order of inputs fcs1, fcs2, …)",
      required: true,
      accept: ".csv",
    },
    ...fileInputs,
    ...flowApoptosisKind.inputs.filter((spec) => spec.name !== "fcs"),
  ],
  command: ["flow", "series"],
  async run(params, inputs) {
    const design = inputs.design!;
    const rows = parseFlowDesign(new TextDecoder().decode(design.bytes), design.ref.name);
    if (rows.length > MAX_SERIES_FILES)
      throw new InputError(
        `${design.ref.name}: ${rows.length} rows; a series takes at most ${MAX_SERIES_FILES} files`,
      );
    const given = fileInputs.filter((spec) => inputs[spec.name]).length;
    if (given !== rows.length)
      throw new InputError(
        `${design.ref.name}: ${rows.length} rows but ${given} FCS files given (fcs1…fcs${rows.length})`,
      );
    if (inputs.cellGate) await loadCellGateParser();
    const shared: Record<string, SuppliedInputs[string]> = {};
    for (const name of ["spillover", "cellGate"]) if (inputs[name]) shared[name] = inputs[name]!;
    let thresholdParams = params;
    let thresholds: FlowApoptosisResult["thresholds"] | undefined;
    let channels: FlowApoptosisResult["channels"] | undefined;
    let compensated = false;
    const warnings: string[] = [];
    const samples = rows.map((row, i) => {
      const fcs = inputs[`fcs${i + 1}`]!;
      const base = row.file.split(/[\\/]/).at(-1);
      if (base !== fcs.ref.name)
        throw new InputError(
          `${design.ref.name}: row ${i + 1} names '${row.file}' but input fcs${i + 1} is '${fcs.ref.name}'`,
        );
      const sampleInputs: SuppliedInputs = {
        fcs,
        ...shared,
        ...(i === 0 && inputs.control && { control: inputs.control }),
      };
      const events = apoptosisEvents(thresholdParams, sampleInputs);
      if (!thresholds) {
        // The control sets the thresholds once; every later file uses the same values.
        thresholds = events.thresholds;
        thresholdParams = { ...params, thresholds: [thresholds.annexin, thresholds.pi] };
      }
      channels ??= events.channels;
      compensated ||= events.compensated;
      warnings.push(...events.warnings.map((w) => `${fcs.ref.name}: ${w}`));
      const counts = countApoptosis(
        events.annexin,
        events.pi,
        [thresholds.annexin, thresholds.pi],
        events.keep,
      );
      const apoptoticPercent =
        counts.populations.earlyApoptotic.percent + counts.populations.lateApoptotic.percent;
      return { file: row.file, conc_nM: row.conc_nM, ...counts, apoptoticPercent };
    });
    const fit = fitApoptosis(samples);
    warnings.push(...fit.warnings);
    return {
      result: { samples, thresholds: thresholds!, channels: channels!, compensated, fit },
      warnings,
    };
  },
};

/**
 * % apoptotic rises with dose; the project's 4PL fitter (src/core/assays/ic50) expects a falling
 * % response, so it fits 100 − % apoptotic (% not apoptotic): the midpoint, Hill slope and CI are the
 * same curve's, and the plateaus are mapped back to % apoptotic.
 */
function fitApoptosis(samples: FlowSeriesSample[]): FlowSeriesFit {
  const conc = Float64Array.from(samples, (s) => s.conc_nM);
  const response = Float64Array.from(samples, (s) => 100 - s.apoptoticPercent);
  const fit = fitCurve(conc, response);
  return {
    class: fit.class,
    ec50_nM: fit.ic50_nM,
    ec50Qualifier: fit.ic50Qualifier,
    log10Ec50: fit.log10Ic50,
    ci95_nM: fit.ci95_nM,
    hill: fit.hill,
    apoptoticAtZero: fit.top === null ? null : 100 - fit.top,
    apoptoticMax: fit.bottom === null ? null : 100 - fit.bottom,
    r2: fit.r2,
    nPoints: fit.nPoints,
    warnings: fit.warnings,
  };
}
