import { z } from "zod";
import { integrateRanges } from "../core/analytics/nmr/index.js";
import type { AnalysisKind } from "./kind.js";
import {
  EXPECTED_INPUT,
  type NmrSummary,
  nmrProcessingParameters,
  parsePpmRanges,
  processNmrInput,
  SPECTRUM_INPUT,
} from "./nmrShared.js";

const nmrIntegrateParameters = z.strictObject({
  ranges: z
    .string()
    .trim()
    .min(1)
    .describe("ppm ranges to integrate, from-to separated by commas, e.g. 7.9-7.3,4.1-3.9"),
  ...nmrProcessingParameters,
});

/** Parameters of `nmr.integrate`. */
export type NmrIntegrateParameters = z.infer<typeof nmrIntegrateParameters>;

/** The `nmr.integrate` result: the processed spectrum and the integral of each given range, in order. */
export interface NmrIntegrateResult extends NmrSummary {
  /** The given ranges in the given order; integrals on the scale of the automatic ranges (sum 100). */
  integrals: { from: number; to: number; integral: number }[];
}

/** `nmr.integrate`: integrals of user ranges, all on one scale. */
export const nmrIntegrateKind: AnalysisKind<NmrIntegrateParameters, NmrIntegrateResult> = {
  id: "nmr.integrate",
  title: "NMR integrals of given ranges",
  description:
    "Processes the spectrum as nmr.process does and integrates the given ppm ranges, in the order given, on one scale (that of the automatic ranges, whose non-solvent ranges sum to 100).",
  parameters: nmrIntegrateParameters,
  inputs: [SPECTRUM_INPUT, EXPECTED_INPUT],
  command: ["nmr", "integrate"],
  async run(params, inputs) {
    const { ranges: text, ...processing } = params;
    // Parsed before the spectrum is read, so a typo fails at once.
    const ranges = parsePpmRanges(text);
    const { summary, processed, warnings } = processNmrInput(inputs, processing);
    const values = integrateRanges(processed, ranges);
    const lo = processed.firstPpm + (processed.y.length - 1) * processed.stepPpm;
    const [min, max] = [Math.min(processed.firstPpm, lo), Math.max(processed.firstPpm, lo)];
    ranges.forEach(([a, b], i) => {
      if (Math.max(a, b) > max || Math.min(a, b) < min)
        warnings.push(
          `range ${i + 1} (${a}–${b} ppm) reaches beyond the spectrum (${min.toFixed(2)}–${max.toFixed(2)} ppm); only the part inside is integrated`,
        );
    });
    return {
      result: {
        ...summary,
        integrals: ranges.map(([from, to], i) => ({
          from,
          to,
          integral: Number(values[i]!.toFixed(4)),
        })),
      },
      warnings,
    };
  },
};
