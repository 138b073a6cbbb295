import { z } from "zod";
import {
  ISOTOPE_PATTERN_DEFAULTS,
  ISOTOPE_TABLE_METHOD,
  type IsotopePattern,
  isotopePattern,
} from "../core/analytics/ms/index.js";
import { ValidationError } from "../core/errors.js";
import type { AnalysisKind } from "./kind.js";

const msIsotopesParameters = z.strictObject({
  formula: z.string().min(1).describe("molecular formula of M, e.g. C14H19BCl2N2O4"),
  adduct: z
    .string()
    .optional()
    .describe("ion type, e.g. [M+H]+, [M+Na]+, [M-H]-, [M+2H]2+; absent: neutral M"),
  mergeDa: z
    .number()
    .min(0)
    .default(ISOTOPE_PATTERN_DEFAULTS.mergeDa)
    .describe("merge sticks closer than this (Th) into centroids; 0 keeps the fine structure"),
  resolution: z.number().positive().optional().describe("resolving power (FWHM) instead of --merge-da"),
  minRelative: z
    .number()
    .min(0)
    .max(100)
    .default(ISOTOPE_PATTERN_DEFAULTS.minRelative)
    .describe("drop peaks below this % of the largest"),
  threshold: z
    .number()
    .gt(0)
    .lt(1)
    .default(ISOTOPE_PATTERN_DEFAULTS.threshold)
    .describe("absolute probability below which isotopic configurations are not enumerated"),
});

/** Parameters of `ms.isotopes`. */
export type MsIsotopesParameters = z.infer<typeof msIsotopesParameters>;

/** The `ms.isotopes` result: the pattern and the isotope table it was computed from. */
export interface MsIsotopesResult extends IsotopePattern {
  method: string;
  centroiding: string;
}

/** `ms.isotopes`: the isotope pattern of a formula or one of its ions. */
export const msIsotopesKind: AnalysisKind<MsIsotopesParameters, MsIsotopesResult> = {
  id: "ms.isotopes",
  title: "Isotope pattern",
  description:
    "Exact isotope fine structure of a formula or ion (AME2020 masses, CIAAW abundances, electrons included), merged to centroids at a width or resolution; relative intensities, largest = 100.",
  parameters: msIsotopesParameters,
  inputs: [],
  command: ["ms", "isotopes"],
  async run(params) {
    if (params.resolution !== undefined && params.mergeDa !== ISOTOPE_PATTERN_DEFAULTS.mergeDa) {
      throw new ValidationError(
        [{ path: "parameters.resolution", message: "give either mergeDa or resolution, not both" }],
        "ms.isotopes",
      );
    }
    const pattern = isotopePattern(params.formula, {
      ...(params.adduct !== undefined && { adduct: params.adduct }),
      ...(params.resolution !== undefined ? { resolution: params.resolution } : { mergeDa: params.mergeDa }),
      minRelative: params.minRelative,
      threshold: params.threshold,
    });
    const centroiding =
      params.resolution !== undefined
        ? `sticks closer than m/z ÷ ${params.resolution} merged`
        : params.mergeDa === 0
          ? "fine structure (no merging)"
          : `sticks closer than ${params.mergeDa} Th merged`;
    return { result: { ...pattern, method: ISOTOPE_TABLE_METHOD, centroiding }, warnings: [] };
  },
};
