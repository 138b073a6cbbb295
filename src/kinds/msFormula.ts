import { z } from "zod";
import {
  FORMULA_SEARCH_DEFAULTS,
  type FormulaSearch,
  generateFormulas,
  parseElementRanges,
} from "../core/analytics/ms/index.js";
import type { AnalysisKind } from "./kind.js";
import { SPECTRUM_INPUT, type SpectrumSummary, spectrumOf } from "./msSpectrumInput.js";

/** Element ranges used when none are given: covers ixazomib, its citrate ester and their impurities. */
export const DEFAULT_ELEMENT_RANGES = "C0-40H0-80B0-1Cl0-4N0-6O0-12";

const msFormulaParameters = z.strictObject({
  mz: z.number().positive().describe("observed m/z of the monoisotopic peak"),
  adduct: z.string().min(1).default("[M+H]+").describe("ion type, e.g. [M+H]+"),
  ppm: z.number().positive().default(5).describe("mass window (ppm)"),
  elements: z
    .string()
    .min(1)
    .default(DEFAULT_ELEMENT_RANGES)
    .describe("element ranges, e.g. C0-40H0-80B0-1Cl0-4N0-6O0-12"),
  rules: z
    .boolean()
    .default(FORMULA_SEARCH_DEFAULTS.rules)
    .describe("apply RDBE ≥ 0 and whole, Senior and H/C rules"),
  minScore: z
    .number()
    .min(0)
    .max(1)
    .default(FORMULA_SEARCH_DEFAULTS.minScore)
    .describe("pattern score from which a candidate ranks as fitting"),
  maxCandidates: z
    .number()
    .int()
    .positive()
    .default(FORMULA_SEARCH_DEFAULTS.maxCandidates)
    .describe("candidates returned at most"),
  scan: z.number().int().positive().optional().describe("scan of a many-scan spectrum file (1-based)"),
});

/** Parameters of `ms.formula`. */
export type MsFormulaParameters = z.infer<typeof msFormulaParameters>;

/** The `ms.formula` result. */
export interface MsFormulaResult extends FormulaSearch {
  elements: string;
  spectrum: SpectrumSummary | null;
  rules: string;
}

/** `ms.formula`: candidate formulas for an accurate mass, ranked by mass error and isotope pattern. */
export const msFormulaKind: AnalysisKind<MsFormulaParameters, MsFormulaResult> = {
  id: "ms.formula",
  title: "Formula generator (HRMS)",
  description:
    "Every formula within the element ranges whose ion lies within ±ppm of the m/z, filtered by RDBE/Senior/H:C rules; with a spectrum, ranked by isotope pattern score (fitting first) and mass error.",
  parameters: msFormulaParameters,
  inputs: [{ ...SPECTRUM_INPUT, required: false }],
  command: ["ms", "formula"],
  async run(params, inputs) {
    const elements = parseElementRanges(params.elements);
    const parsed = inputs.spectrum ? spectrumOf(inputs.spectrum, params.scan) : null;
    const search = generateFormulas({
      mz: params.mz,
      adduct: params.adduct,
      ppm: params.ppm,
      elements,
      rules: params.rules,
      minScore: params.minScore,
      maxCandidates: params.maxCandidates,
      ...(parsed && { spectrum: parsed.spectrum }),
    });
    return {
      result: {
        ...search,
        elements: params.elements,
        spectrum: parsed?.summary ?? null,
        rules: params.rules
          ? "RDBE = 1 + Σn(v−2)/2 ≥ 0 and whole; Σv ≥ 2(atoms − 1); 0.1 ≤ H/C ≤ 6 (on M)"
          : "none",
      },
      warnings: search.candidates.length === 0 ? ["no formula within the window and ranges"] : [],
    };
  },
};
