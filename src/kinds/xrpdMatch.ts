import { z } from "zod";
import {
  type FormMatch,
  MATCH_DEFAULTS,
  matchPattern,
  type ReferenceForm,
} from "../core/analytics/xrpd/index.js";
import { InputError } from "../core/errors.js";
import { parseReferenceCsv, referenceNameOf } from "../io/diffractogram/index.js";
import type { AnalysisKind, InputSpec } from "./kind.js";
import {
  PATTERN_INPUT,
  processPatternInput,
  type XrpdPatternSummary,
  xrpdPeakParameters,
} from "./xrpdShared.js";

/** How many single-form reference files the kind takes (`reference1` … `reference8`). */
export const MAX_REFERENCE_FILES = 8;

const xrpdMatchParameters = z.strictObject({
  ...xrpdPeakParameters,
  toleranceDeg: z
    .number()
    .gt(0)
    .max(2)
    .default(MATCH_DEFAULTS.toleranceDeg)
    .describe("position window, ± degrees 2θ (USP <941>: ±0.2°)"),
  minReferenceIntensity: z
    .number()
    .min(0)
    .max(100)
    .default(MATCH_DEFAULTS.minReferenceIntensity)
    .describe("ignore reference peaks below this relative intensity (%)"),
  minCharacteristicPeaks: z
    .number()
    .int()
    .min(1)
    .default(MATCH_DEFAULTS.minCharacteristicPeaks)
    .describe("observed characteristic peaks needed to report a second form"),
});

/** Parameters of `xrpd.match`. */
export type XrpdMatchParameters = z.infer<typeof xrpdMatchParameters>;

/** The `xrpd.match` result: the pattern's peaks, each form's match, the best one and any second form. */
export interface XrpdMatchResult extends XrpdPatternSummary {
  matches: FormMatch[];
  bestMatch: string | null;
  /** Forms besides the best match whose characteristic peaks are observed (a mixture). */
  otherFormsPresent: string[];
  references: ReferenceForm[];
}

const REFERENCE_INPUTS: InputSpec[] = [
  {
    name: "references",
    format: "xrpd-references",
    description: "reference peak lists: CSV with columns form,twoTheta,relIntensity (one or more forms)",
    required: false,
    accept: ".csv,.txt",
  },
  ...Array.from({ length: MAX_REFERENCE_FILES }, (_, i) => ({
    name: `reference${i + 1}`,
    format: "xrpd-reference",
    description: `reference form ${i + 1}: CSV twoTheta,relIntensity (named by its file name)`,
    required: false,
    accept: ".csv,.txt",
  })),
];

/** `xrpd.match`: a powder pattern against reference forms, with mixture detection. */
export const xrpdMatchKind: AnalysisKind<XrpdMatchParameters, XrpdMatchResult> = {
  id: "xrpd.match",
  title: "XRPD form match",
  description:
    "Matches a powder pattern's peak list against reference forms (peak lists twoTheta,relIntensity): intensity-weighted position score 100·√(F_ref·F_obs), the best form, and any second form shown by peaks only it has.",
  parameters: xrpdMatchParameters,
  inputs: [PATTERN_INPUT, ...REFERENCE_INPUTS],
  command: ["xrpd", "match"],
  async run(params, inputs) {
    const references: ReferenceForm[] = [];
    for (const spec of REFERENCE_INPUTS) {
      const input = inputs[spec.name];
      if (!input) continue;
      const name = referenceNameOf(input.ref.name);
      references.push(...parseReferenceCsv(input.bytes, input.ref.name, name));
    }
    if (references.length === 0)
      throw new InputError("xrpd.match: give at least one reference (reference1…reference8 or references)");
    const names = new Set<string>();
    for (const r of references) {
      if (names.has(r.name)) throw new InputError(`xrpd.match: two references are named '${r.name}'`);
      names.add(r.name);
    }
    const { summary, warnings } = processPatternInput(inputs.pattern!, params);
    const match = matchPattern(summary.peaks, references, summary.range, params);
    const round2 = (v: number) => Number(v.toFixed(2));
    const matches = match.matches.map((m) => ({
      ...m,
      score: round2(m.score),
      referenceFraction: Number(m.referenceFraction.toFixed(4)),
      observedFraction: Number(m.observedFraction.toFixed(4)),
    }));
    for (const other of match.otherFormsPresent) {
      const m = matches.find((x) => x.reference === other)!;
      const seen = m.pairs
        .filter((p) => p.characteristic && p.observed)
        .map((p) => p.reference.twoTheta.toFixed(2));
      warnings.push(
        `second form ${other} detected: its characteristic peaks at ${seen.join(", ")}° 2θ are observed`,
      );
    }
    return {
      result: {
        ...summary,
        matches,
        bestMatch: match.bestMatch,
        otherFormsPresent: match.otherFormsPresent,
        references,
      },
      warnings,
    };
  },
};
