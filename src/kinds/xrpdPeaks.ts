import { z } from "zod";
import type { AnalysisKind } from "./kind.js";
import {
  PATTERN_INPUT,
  processPatternInput,
  type XrpdPatternSummary,
  xrpdPeakParameters,
} from "./xrpdShared.js";

const xrpdPeaksParameters = z.strictObject(xrpdPeakParameters);

/** Parameters of `xrpd.peaks`. */
export type XrpdPeaksParameters = z.infer<typeof xrpdPeaksParameters>;

/** The `xrpd.peaks` result: the peak list (Kα1 positions, d-spacings, strongest = 100) and the profile. */
export type XrpdPeaksResult = XrpdPatternSummary;

/** `xrpd.peaks`: a powder pattern to its peak list. */
export const xrpdPeaksKind: AnalysisKind<XrpdPeaksParameters, XrpdPeaksResult> = {
  id: "xrpd.peaks",
  title: "XRPD peak list",
  description:
    "Powder pattern to peak list: SNIP background, Kα2 stripping (Rachinger) with the file's wavelengths, peak search refined by pseudo-Voigt fits, d-spacings by Bragg's law at Kα1, relative intensities (strongest = 100).",
  parameters: xrpdPeaksParameters,
  inputs: [PATTERN_INPUT],
  command: ["xrpd", "peaks"],
  async run(params, inputs) {
    const { summary, warnings } = processPatternInput(inputs.pattern!, params);
    return { result: summary, warnings };
  },
};
