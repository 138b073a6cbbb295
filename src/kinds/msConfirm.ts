import { z } from "zod";
import {
  CONFIRM_DEFAULTS,
  centroidSpectrum,
  confirmFormula,
  type FormulaConfirmation,
  ISOTOPE_TABLE_METHOD,
} from "../core/analytics/ms/index.js";
import type { AnalysisKind } from "./kind.js";
import { SPECTRUM_INPUT, type SpectrumSummary, spectrumOf } from "./msSpectrumInput.js";

const msConfirmParameters = z.strictObject({
  formula: z.string().min(1).describe("molecular formula of M, e.g. C14H19BCl2N2O4"),
  adducts: z
    .array(z.string().min(1))
    .min(1)
    .default(["[M+H]+"])
    .describe("ion types to look for, e.g. [M+H]+,[M+Na]+"),
  ppm: z
    .number()
    .positive()
    .default(CONFIRM_DEFAULTS.ppm)
    .describe("mass window of the monoisotopic peak (ppm)"),
  minScore: z
    .number()
    .min(0)
    .max(1)
    .default(CONFIRM_DEFAULTS.minScore)
    .describe("smallest isotope pattern score for a match"),
  mergeDa: z
    .number()
    .min(0)
    .default(CONFIRM_DEFAULTS.mergeDa)
    .describe("merge width of the theoretical pattern (Th)"),
  scan: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("scan of a many-scan file (1-based); default: the most intense"),
});

/** Parameters of `ms.confirm`. */
export type MsConfirmParameters = z.infer<typeof msConfirmParameters>;

/** Observed peaks around one ion's pattern, kept in the result for its mirrored plot. */
export interface ObservedWindow {
  ion: string;
  mz: number[];
  intensity: number[];
}

/** The `ms.confirm` result. */
export interface MsConfirmResult extends FormulaConfirmation {
  spectrum: SpectrumSummary;
  observed: ObservedWindow[];
  method: string;
  score: string;
}

/** `ms.confirm`: is this spectrum the formula? Mass error of the monoisotopic peak and isotope pattern score per ion. */
export const msConfirmKind: AnalysisKind<MsConfirmParameters, MsConfirmResult> = {
  id: "ms.confirm",
  title: "Formula confirmation (HRMS)",
  description:
    "ppm error of each ion's monoisotopic peak and an isotope pattern score (overlap of normalised intensities, 0–1) against a spectrum; confirmed when an ion is within the window and scores ≥ minScore.",
  parameters: msConfirmParameters,
  inputs: [{ ...SPECTRUM_INPUT, required: true }],
  command: ["ms", "confirm"],
  async run(params, inputs) {
    const { spectrum, summary } = spectrumOf(inputs.spectrum!, params.scan);
    const confirmation = confirmFormula(params.formula, spectrum, {
      adducts: params.adducts,
      ppm: params.ppm,
      minScore: params.minScore,
      mergeDa: params.mergeDa,
    });
    const centroids = centroidSpectrum(spectrum);
    const observed = confirmation.ions.map((ion) => {
      const lo = Math.min(...ion.pattern.map((p) => p.mz)) - 1.5;
      const hi = Math.max(...ion.pattern.map((p) => p.mz)) + 1.5;
      const mz: number[] = [];
      const intensity: number[] = [];
      centroids.mz.forEach((m, i) => {
        if (m >= lo && m <= hi && centroids.intensity[i]! > 0) {
          mz.push(m);
          intensity.push(centroids.intensity[i]!);
        }
      });
      return { ion: ion.ion, mz, intensity };
    });
    const warnings: string[] = [];
    if (summary.scans > 1 && params.scan === undefined)
      warnings.push(
        `${inputs.spectrum!.ref.name}: ${summary.scans} scans; used the most intense (${summary.label ?? "?"}); choose one with scan`,
      );
    return {
      result: {
        ...confirmation,
        spectrum: summary,
        observed,
        method: ISOTOPE_TABLE_METHOD,
        score:
          "overlap Σ min(t̂, ô) of normalised theoretical and observed isotope intensities (1 − total variation distance)",
      },
      warnings,
    };
  },
};
