import { z } from "zod";
import { type ApoptosisCounts, countApoptosis } from "../core/assays/flow/apoptosis.js";
import {
  APOPTOSIS_DEFAULTS,
  type ApoptosisParameters,
  type ApoptosisSetup,
  apoptosisEvents,
  loadCellGateParser,
} from "./flowApoptosisEvents.js";
import type { AnalysisKind } from "./kind.js";

export {
  APOPTOSIS_DEFAULTS,
  type ApoptosisEvents,
  type ApoptosisParameters,
  apoptosisEvents,
  loadCellGateParser,
} from "./flowApoptosisEvents.js";

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
    .default(APOPTOSIS_DEFAULTS.controlPercentile)
    .describe("percentile of the control that sets a threshold"),
  fscMin: z.number().optional().describe("keep events with FSC-A ≥ this (debris cut-off)"),
  fscMax: z.number().optional().describe("keep events with FSC-A ≤ this (cell gate)"),
  sscMin: z.number().optional().describe("keep events with SSC-A ≥ this (cell gate)"),
  sscMax: z.number().optional().describe("keep events with SSC-A ≤ this (cell gate)"),
  singlets: z
    .boolean()
    .default(APOPTOSIS_DEFAULTS.singlets)
    .describe("singlet gate: keep events whose FSC-A/FSC-H ratio lies within singletBand × its median"),
  singletBand: z
    .tuple([z.number().gt(0), z.number().gt(0)])
    .default([...APOPTOSIS_DEFAULTS.singletBand] as [number, number])
    .describe("singlet band as multiples of the median FSC-A/FSC-H ratio"),
  fscArea: z.string().min(1).default(APOPTOSIS_DEFAULTS.fscArea).describe("forward-scatter area channel"),
  fscHeight: z
    .string()
    .min(1)
    .default(APOPTOSIS_DEFAULTS.fscHeight)
    .describe("forward-scatter height channel (singlet gate)"),
  sscArea: z.string().min(1).default(APOPTOSIS_DEFAULTS.sscArea).describe("side-scatter area channel"),
  cellGateId: z
    .string()
    .min(1)
    .optional()
    .describe("gate of the cellGate Gating-ML file to keep (default: its last gate, with its parents)"),
  compensation: z
    .boolean()
    .default(APOPTOSIS_DEFAULTS.compensation)
    .describe("compensate (file's spillover, or the spillover input)"),
});

/** Parameters of `flow.apoptosis`. */
export type FlowApoptosisParameters = z.infer<typeof flowApoptosisParameters>;

/** The `flow.apoptosis` result: the contract's counts and how they were obtained. */
export interface FlowApoptosisResult extends ApoptosisCounts, ApoptosisSetup {}

// The hand-written parameter type of the zod-free module is the schema's output, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesParameters: Same<FlowApoptosisParameters, ApoptosisParameters> = true;
void schemaMatchesParameters;

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
