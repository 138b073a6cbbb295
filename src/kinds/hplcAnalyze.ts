import { z } from "zod";
import {
  analyzeChromatogram,
  type HplcAnalysis,
  type HplcOptions,
  subtractBlank,
} from "../core/analytics/hplc/index.js";
import { methodOptions, parseChromatogram, parseHplcMethod } from "../io/chromatogram/index.js";
import type { AnalysisKind, SuppliedInput } from "./kind.js";

export const hplcAnalyzeParameters = z.strictObject({
  thresholdPct: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe("reporting threshold, % of total area (default 0.05)"),
  disregardLimitPct: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe("impurities below this area % are not summed (default: the reporting threshold)"),
  baseline: z
    .enum(["whittaker", "segments"])
    .optional()
    .describe(
      "segments: straight lines between peak-cluster ends, as ChemStation draws them (default); whittaker: subtract a smooth curve through the non-peak samples first",
    ),
  minArea: z
    .number()
    .nonnegative()
    .optional()
    .describe("area reject: drop peaks smaller than this, signal·s (default 0)"),
  minHeight: z
    .number()
    .nonnegative()
    .optional()
    .describe("height reject: drop peaks lower than this, signal units (default 0)"),
  minSignalToNoise: z
    .number()
    .positive()
    .optional()
    .describe("smallest USP S/N (2H/h) of a peak (default 3)"),
  slopeThreshold: z
    .number()
    .positive()
    .optional()
    .describe(
      "slope sensitivity for peak start/end, signal units per minute (default: 3 σ of the slope in its quietest stretch)",
    ),
  noiseFrom_min: z.number().optional().describe("blank region for the noise: start, min"),
  noiseTo_min: z.number().optional().describe("blank region for the noise: end, min"),
  from_min: z.number().optional().describe("integrate peaks from this time, min"),
  to_min: z.number().optional().describe("integrate peaks up to this time, min"),
  baselineNow_min: z
    .array(z.number())
    .optional()
    .describe("timed events: baseline points at these times, min (a peak spanning one is cut there)"),
  integrationOff_min: z
    .array(z.tuple([z.number(), z.number()]))
    .optional()
    .describe("timed events: integration off over these [from, to] spans, min"),
  mainPeakRt_min: z
    .number()
    .positive()
    .optional()
    .describe("main peak: expected retention time, min (default: the largest peak)"),
  mainPeakWindow_min: z.number().positive().optional().describe("main peak: ± window, min (default 0.2)"),
  channel: z.string().optional().describe("LabSolutions: section to read, e.g. 'PDA 3D'"),
  wavelengthNm: z
    .number()
    .positive()
    .optional()
    .describe("LabSolutions PDA 3D: wavelength to extract, nm (default 274)"),
});

/** Parameters of `hplc.analyze`. */
export type HplcAnalyzeParameters = z.infer<typeof hplcAnalyzeParameters>;

/** The largest number of points of the stored trace (for plots); peaks keep full resolution. */
const TRACE_POINTS = 3000;

/** `hplc.analyze` result: the analysis (minus the per-sample baseline) and a decimated trace for plots. */
export interface HplcAnalyzeResult extends Omit<HplcAnalysis, "baseline"> {
  chromatogram: {
    format: string;
    detector: string;
    units: string;
    wavelength_nm: number | null;
    points: number;
    start_min: number;
    end_min: number;
    sample: string | null;
  };
  method: string | null;
  /** The blank run subtracted before integration, if any. */
  blank: { name: string; format: string; points: number } | null;
  /** Min/max-preserving decimation of signal and baseline, for plots. */
  trace: { times_min: number[]; signal: number[]; baseline: number[] };
}

/** `hplc.analyze`: area-% purity of an RP-HPLC chromatogram with USP system suitability. */
export const hplcAnalyzeKind: AnalysisKind<HplcAnalyzeParameters, HplcAnalyzeResult> = {
  id: "hplc.analyze",
  title: "HPLC area-% purity",
  description:
    "Baseline, noise, peak detection with an S/N threshold, drop-perpendicular and tangent-skim integration, area %, relative retention, named impurities and USP plates, tailing, resolution and S/N.",
  parameters: hplcAnalyzeParameters,
  inputs: [
    {
      name: "chromatogram",
      format: "chromatogram",
      description:
        "chromatogram: ANDI/AIA .cdf, Agilent ChemStation .ch, LabSolutions ASCII .txt, or CSV time_min,signal",
      required: true,
      accept: ".cdf,.ch,.txt,.csv",
    },
    {
      name: "blank",
      format: "chromatogram",
      description:
        "blank run (the same gradient without sample), subtracted before integration; any chromatogram format",
      required: false,
      accept: ".cdf,.ch,.txt,.csv",
    },
    {
      name: "method",
      format: "hplc-method",
      description:
        "method file: JSON {mainPeak, impurities:[{name,rrt,window}], thresholdPct, …} or CSV name,rrt,window",
      required: false,
      accept: ".json,.csv",
    },
  ],
  command: ["hplc", "analyze"],
  async run(params, inputs) {
    const { blank, read } = traceReader(params, inputs.blank);
    const { chromatogram, trace: sampleTrace } = read(inputs.chromatogram!);
    const { method, options } = processingOptions(params, inputs.method);
    const { baseline, ...analysis } = analyzeChromatogram(sampleTrace, options);
    const t = chromatogram.times_min;
    const sample = chromatogram.metadata.sample ?? chromatogram.metadata.sample_name;
    return {
      result: {
        ...analysis,
        chromatogram: {
          format: chromatogram.format,
          detector: chromatogram.detector,
          units: chromatogram.units,
          wavelength_nm: chromatogram.wavelength_nm ?? null,
          points: t.length,
          start_min: t[0]!,
          end_min: t[t.length - 1]!,
          sample: sample === undefined || sample === "" ? null : String(sample),
        },
        method: method ? (method.name ?? inputs.method!.ref.name) : null,
        blank,
        trace: decimate(t, sampleTrace.signal, baseline, TRACE_POINTS),
      },
      warnings: analysis.warnings,
    };
  },
};

/**
 * Reads chromatograms with the parameters' channel and wavelength, less the blank run when one is given
 * (read once, subtracted from each).
 */
export function traceReader(params: HplcAnalyzeParameters, blankFile: SuppliedInput | undefined) {
  const readOptions = {
    ...(params.channel !== undefined && { channel: params.channel }),
    ...(params.wavelengthNm !== undefined && { wavelengthNm: params.wavelengthNm }),
  };
  const blank = blankFile ? parseChromatogram(blankFile.bytes, blankFile.ref.name, readOptions) : undefined;
  return {
    blank: blank ? { name: blankFile!.ref.name, format: blank.format, points: blank.times_min.length } : null,
    read(file: SuppliedInput) {
      const chromatogram = parseChromatogram(file.bytes, file.ref.name, readOptions);
      return { chromatogram, trace: blank ? subtractBlank(chromatogram, blank) : chromatogram };
    },
  };
}

/** The processing options: the method file's, overridden by explicit parameters. */
export function processingOptions(params: HplcAnalyzeParameters, methodFile: SuppliedInput | undefined) {
  const method = methodFile ? parseHplcMethod(methodFile.bytes, methodFile.ref.name) : undefined;
  const options: HplcOptions = { ...(method && methodOptions(method)), ...optionsFrom(params) };
  return { method, options };
}

function optionsFrom(params: HplcAnalyzeParameters): HplcOptions {
  const options: HplcOptions = {};
  if (params.thresholdPct !== undefined) options.thresholdPct = params.thresholdPct;
  if (params.disregardLimitPct !== undefined) options.disregardLimitPct = params.disregardLimitPct;
  if (params.baseline !== undefined) options.baseline = params.baseline;
  if (params.minArea !== undefined) options.minArea = params.minArea;
  if (params.minHeight !== undefined) options.minHeight = params.minHeight;
  if (params.minSignalToNoise !== undefined) options.minSignalToNoise = params.minSignalToNoise;
  if (params.slopeThreshold !== undefined) options.slopeThreshold = params.slopeThreshold;
  if (params.noiseFrom_min !== undefined || params.noiseTo_min !== undefined) {
    options.noiseWindow_min = [
      params.noiseFrom_min ?? Number.NEGATIVE_INFINITY,
      params.noiseTo_min ?? Number.POSITIVE_INFINITY,
    ];
  }
  if (params.from_min !== undefined || params.to_min !== undefined) {
    options.window_min = [
      params.from_min ?? Number.NEGATIVE_INFINITY,
      params.to_min ?? Number.POSITIVE_INFINITY,
    ];
  }
  if (params.baselineNow_min !== undefined) options.baselineNow_min = params.baselineNow_min;
  if (params.integrationOff_min !== undefined) options.integrationOff_min = params.integrationOff_min;
  if (params.mainPeakRt_min !== undefined) {
    options.mainPeak = { rt_min: params.mainPeakRt_min, window_min: params.mainPeakWindow_min ?? 0.2 };
  }
  return options;
}

/** Keeps the first, the min and the max of each bucket (in time order): narrow peaks survive decimation. */
function decimate(
  t: Float64Array,
  y: Float64Array,
  b: Float64Array,
  points: number,
): HplcAnalyzeResult["trace"] {
  const n = t.length;
  const out = { times_min: [] as number[], signal: [] as number[], baseline: [] as number[] };
  const push = (i: number) => {
    out.times_min.push(Number(t[i]!.toPrecision(8)));
    out.signal.push(Number(y[i]!.toPrecision(7)));
    out.baseline.push(Number(b[i]!.toPrecision(7)));
  };
  if (n <= points) {
    for (let i = 0; i < n; i++) push(i);
    return out;
  }
  const bucket = Math.ceil((3 * n) / points);
  for (let from = 0; from < n; from += bucket) {
    const to = Math.min(n, from + bucket);
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (y[i]! < y[lo]!) lo = i;
      if (y[i]! > y[hi]!) hi = i;
    }
    for (const i of [...new Set([from, lo, hi])].sort((a, c) => a - c)) push(i);
  }
  return out;
}
