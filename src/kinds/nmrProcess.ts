import { z } from "zod";
import type { AnalysisKind } from "./kind.js";
import {
  EXPECTED_INPUT,
  type NmrSummary,
  nmrProcessingParameters,
  processNmrInput,
  SPECTRUM_INPUT,
} from "./nmrShared.js";

const nmrProcessParameters = z.strictObject(nmrProcessingParameters);

/** Parameters of `nmr.process`. */
export type NmrProcessParameters = z.infer<typeof nmrProcessParameters>;

/** The `nmr.process` result: acquisition facts, peaks, automatic ranges, the spectrum envelope. */
export type NmrProcessResult = NmrSummary;

/** `nmr.process`: a FID (or processed spectrum) to a referenced spectrum with peaks and ranges. */
export const nmrProcessKind: AnalysisKind<NmrProcessParameters, NmrProcessResult> = {
  id: "nmr.process",
  title: "NMR spectrum: peaks and ranges",
  description:
    "FID to referenced spectrum: digital-filter removal, apodization, zero filling, FFT, automatic phase, baseline, solvent or TMS referencing; peak picking, automatic integration ranges (the non-solvent ranges sum to 100), multiplet centres, and an optional comparison with expected shifts and proton counts.",
  parameters: nmrProcessParameters,
  inputs: [SPECTRUM_INPUT, EXPECTED_INPUT],
  command: ["nmr", "process"],
  async run(params, inputs) {
    const { summary, warnings } = processNmrInput(inputs, params);
    return { result: summary, warnings };
  },
};
