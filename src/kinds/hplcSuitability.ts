import { z } from "zod";
import {
  analyzeChromatogram,
  replicateSuitability,
  type SuitabilityCriteria,
  type SuitabilityResult,
} from "../core/analytics/hplc/index.js";
import { InputError } from "../core/errors.js";
import { hplcAnalyzeKind, hplcAnalyzeParameters, processingOptions, traceReader } from "./hplcAnalyze.js";
import type { AnalysisKind, InputSpec } from "./kind.js";

/** How many injections one `hplc.suitability` run takes (inputs `injection1` … `injectionN`). */
export const MAX_INJECTIONS = 24;

const hplcSuitabilityParameters = hplcAnalyzeParameters.extend({
  upperLimitPct: z
    .number()
    .gt(100)
    .optional()
    .describe(
      "upper assay limit of the monograph, % (e.g. 102.0): the area %RSD limit follows from it and n",
    ),
  maxAreaRsdPct: z
    .number()
    .positive()
    .optional()
    .describe("area %RSD limit, instead of one from the upper limit (default 2.0)"),
  maxRtRsdPct: z
    .number()
    .positive()
    .optional()
    .describe("retention-time %RSD limit (not checked by default)"),
  minPlates: z.number().positive().optional().describe("smallest plate count N (not checked by default)"),
  tailingMin: z.number().positive().optional().describe("smallest symmetry (tailing) factor (default 0.8)"),
  tailingMax: z.number().positive().optional().describe("largest symmetry (tailing) factor (default 1.8)"),
  minResolution: z
    .number()
    .positive()
    .optional()
    .describe("smallest resolution from the peak before (not checked by default)"),
  mainPeakMinSignalToNoise: z
    .number()
    .positive()
    .optional()
    .describe("smallest S/N of the main peak (not checked by default)"),
});

/** Parameters of `hplc.suitability`: the integration's (as `hplc.analyze`) and the acceptance criteria. */
export type HplcSuitabilityParameters = z.infer<typeof hplcSuitabilityParameters>;

/** `hplc.suitability` result: per-injection figures, spreads and the checks. */
export interface HplcSuitabilityResult extends SuitabilityResult {
  method: string | null;
  blank: { name: string; format: string; points: number } | null;
}

const injectionInputs: InputSpec[] = Array.from({ length: MAX_INJECTIONS }, (_, i) => ({
  name: `injection${i + 1}`,
  format: "chromatogram",
  description: `replicate injection ${i + 1} of the standard`,
  required: i < 2,
  accept: ".cdf,.ch,.txt,.csv",
}));

/** `hplc.suitability`: USP <621> / Ph. Eur. 2.2.46 system suitability over replicate injections. */
export const hplcSuitabilityKind: AnalysisKind<HplcSuitabilityParameters, HplcSuitabilityResult> = {
  id: "hplc.suitability",
  title: "HPLC system suitability (replicate injections)",
  description:
    "Replicate injections of a standard integrated alike: %RSD of the main peak's area and retention time against the harmonised repeatability limit (from the upper assay limit and n, or given), and per injection plates, symmetry factor, resolution and S/N against their limits.",
  parameters: hplcSuitabilityParameters,
  inputs: [...injectionInputs, ...hplcAnalyzeKind.inputs.filter((input) => input.name !== "chromatogram")],
  command: ["hplc", "suitability"],
  async run(params, inputs, ctx) {
    const files = injectionInputs.flatMap((spec) => (inputs[spec.name] ? [inputs[spec.name]!] : []));
    if (files.length < 2)
      throw new InputError(`system suitability: expected at least 2 injections, found ${files.length}`);
    const { blank, read } = traceReader(params, inputs.blank);
    const { method, options } = processingOptions(params, inputs.method);
    const warnings: string[] = [];
    const runs = files.map((file, k) => {
      const { trace } = read(file);
      const analysis = analyzeChromatogram(trace, options);
      for (const w of analysis.warnings) warnings.push(`${file.ref.name}: ${w}`);
      ctx.onProgress?.(k + 1, files.length, "injections");
      return { file: file.ref.name, analysis };
    });
    const result = replicateSuitability(runs, criteriaFrom(params));
    return {
      result: { ...result, method: method ? (method.name ?? inputs.method!.ref.name) : null, blank },
      warnings,
    };
  },
};

function criteriaFrom(params: HplcSuitabilityParameters): SuitabilityCriteria {
  const criteria: SuitabilityCriteria = {
    tailingRange: [params.tailingMin ?? 0.8, params.tailingMax ?? 1.8],
  };
  if (params.upperLimitPct !== undefined) criteria.upperLimitPct = params.upperLimitPct;
  if (params.maxAreaRsdPct !== undefined) criteria.maxAreaRsdPct = params.maxAreaRsdPct;
  if (params.maxRtRsdPct !== undefined) criteria.maxRtRsdPct = params.maxRtRsdPct;
  if (params.minPlates !== undefined) criteria.minPlates = params.minPlates;
  if (params.minResolution !== undefined) criteria.minResolution = params.minResolution;
  if (params.mainPeakMinSignalToNoise !== undefined)
    criteria.minSignalToNoise = params.mainPeakMinSignalToNoise;
  return criteria;
}
