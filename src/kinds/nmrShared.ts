import { z } from "zod";
import {
  compareWithExpected,
  type ExpectedComparison,
  type ExpectedSignalList,
  findSolvent,
  IXAZOMIB_CITRATE_1H_DMSO,
  NMR_DEFAULTS,
  type NmrProcessed,
  type NmrProcessOptions,
  parseExpectedSignals,
  processNmr,
  spectrumEnvelope,
} from "../core/analytics/nmr/index.js";
import { InputError } from "../core/errors.js";
import { decodeText } from "../io/csv/index.js";
import type { InputSpec, SuppliedInputs } from "./kind.js";
import { detectNmrFormat, type NmrInputFormat, parseNmrInput } from "./nmrInput.js";

/** The built-in expected-signal lists, by the id `expectedList` takes. */
export const EXPECTED_LISTS: Readonly<Record<"ixazomib-citrate", ExpectedSignalList>> = {
  "ixazomib-citrate": IXAZOMIB_CITRATE_1H_DMSO,
};

/** Buckets of the stored spectrum envelope: ≤ 2 × this many points are kept for plots. */
const ENVELOPE_BUCKETS = 2000;

/** Parameters shared by `nmr.process` and `nmr.integrate`: processing, peak picking, comparison. */
export const nmrProcessingParameters = {
  solvent: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe("solvent replacing the file's, e.g. DMSO-d6 (its residual peak references the axis)"),
  reference: z
    .enum(["solvent", "tms", "file"])
    .default(NMR_DEFAULTS.reference)
    .describe(
      "solvent: the residual solvent peak to its table value (DMSO-d5 2.50 ppm, CHCl3 7.26); tms: the TMS peak to 0; file: the file's axis",
    ),
  lineBroadeningHz: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe(
      `exponential line broadening, Hz (default ${NMR_DEFAULTS.lineBroadeningHz1H} for 1H, ${NMR_DEFAULTS.lineBroadeningHzOther} for other nuclei)`,
    ),
  zeroFill: z
    .number()
    .int()
    .min(1)
    .max(16)
    .default(NMR_DEFAULTS.zeroFill)
    .describe("zero filling: FFT size = this × the next power of two of the FID length"),
  phase0Deg: z
    .number()
    .min(-3600)
    .max(3600)
    .optional()
    .describe("zero-order phase, degrees (default: automatic phase)"),
  phase1Deg: z
    .number()
    .min(-36000)
    .max(36000)
    .optional()
    .describe("first-order phase, degrees, pivot at the spectrum centre (default: automatic phase)"),
  baseline: z.boolean().default(NMR_DEFAULTS.baseline).describe("polynomial baseline correction"),
  useProcessed: z
    .boolean()
    .default(NMR_DEFAULTS.useProcessed)
    .describe(
      "use the file's processed spectrum (Bruker 1r, a JCAMP spectrum) instead of its FID when it has both",
    ),
  minSignalToNoise: z
    .number()
    .gt(0)
    .default(NMR_DEFAULTS.minSignalToNoise)
    .describe("a peak exceeds this many noise SDs"),
  minRelIntensity: z
    .number()
    .min(0)
    .max(100)
    .default(NMR_DEFAULTS.minRelativeHeight * 100)
    .describe("…and this % of the tallest point"),
  npoints: z
    .enum(["strict", "data"])
    .default("strict")
    .describe(
      "JCAMP-DX ##NPOINTS that disagrees with the data: strict refuses the file; data reads the data's count (a warning), for writers known to be off by one",
    ),
  expectedList: z
    .enum(["ixazomib-citrate"])
    .optional()
    .describe(
      "compare with a built-in expected-signal list (ixazomib citrate, 1H in DMSO-d6, derived from the structure)",
    ),
};

/** The parsed shared parameters. */
export type NmrProcessingParameters = z.infer<z.ZodObject<typeof nmrProcessingParameters>>;

/** The NMR data input of both kinds. */
export const SPECTRUM_INPUT: InputSpec = {
  name: "spectrum",
  format: "nmr",
  description:
    "NMR data: Bruker TopSpin experiment (zip), Varian/Agilent .fid folder (zip), JEOL .jdf, JCAMP-DX (.jdx/.dx)",
  required: true,
  accept: ".zip,.jdf,.jdx,.dx,.jcamp",
};

/** An optional user list of expected signals. */
export const EXPECTED_INPUT: InputSpec = {
  name: "expected",
  format: "nmr-expected",
  description: "expected signals: CSV from,to,protons[,assignment] (ppm windows and proton counts)",
  required: false,
  accept: ".csv,.txt",
};

/** A picked peak as reported: shift and height as % of the tallest peak. */
export interface NmrPeakRow {
  ppm: number;
  intensity: number;
}

/** An automatic integration range as reported. */
export interface NmrRangeRow {
  from: number;
  to: number;
  /** On the result's scale: the ranges other than the solvent's sum to 100. */
  integral: number;
  /** Height-weighted centre of its lines, ppm. */
  centre: number;
  /** s, d, t, q, m from the number of picked lines. */
  multiplicity: string;
  lines: number;
  /** The range is the residual solvent signal's alone. */
  solvent: boolean;
  /**
   * The residual solvent line lies inside this compound range: its estimated share, on the same scale,
   * left out of `integral` (core `residualShare`).
   */
  solventIntegral?: number;
}

/** The comparison with an expected-signal list, with the list's provenance. */
export interface NmrExpectedResult extends ExpectedComparison {
  nucleus: string;
  solvent: string;
  sources: string[];
}

/** What both kinds report of the processed spectrum. */
export interface NmrSummary {
  nucleus: string;
  frequency_MHz: number;
  solvent: string | null;
  format: NmrInputFormat;
  vendor: string;
  /** Whether the FID was processed or the file's processed spectrum used. */
  processedFrom: "fid" | "spectrum";
  points: number;
  referencing: { method: string; shift_ppm: number; peak_ppm: number | null };
  /** Applied phase, degrees (null for a processed spectrum, used as it is). */
  phase: { ph0: number; ph1: number } | null;
  /** Noise SD on the intensity scale (tallest peak = 100). */
  noise: number;
  peaks: NmrPeakRow[];
  ranges: NmrRangeRow[];
  /** Min/max envelope of the real spectrum for plots, high ppm first, tallest peak = 100. */
  spectrum: { ppm: number[]; intensity: number[] };
  expected?: NmrExpectedResult;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** The processing options the parameters ask for. @throws InputError for half a phase pair given with none. */
export function processOptionsOf(params: NmrProcessingParameters): NmrProcessOptions {
  const phaseGiven = params.phase0Deg !== undefined || params.phase1Deg !== undefined;
  return {
    reference: params.reference,
    zeroFill: params.zeroFill,
    baseline: params.baseline,
    useProcessed: params.useProcessed,
    minSignalToNoise: params.minSignalToNoise,
    minRelativeHeight: params.minRelIntensity / 100,
    ...(params.solvent !== undefined && { solvent: params.solvent }),
    ...(params.lineBroadeningHz !== undefined && { lineBroadeningHz: params.lineBroadeningHz }),
    ...(phaseGiven && { phase: { ph0: params.phase0Deg ?? 0, ph1: params.phase1Deg ?? 0 } }),
  };
}

/**
 * Reads and processes the NMR input, and compares it with the expected list when one is asked for;
 * rounds what it reports to the precision the method supports (0.0001 ppm, 0.01 % intensity).
 * @throws InputError / FormatError naming the file for unreadable data, both a built-in list and a CSV,
 *   or a list of another nucleus.
 */
export function processNmrInput(
  inputs: SuppliedInputs,
  params: NmrProcessingParameters,
): { summary: NmrSummary; processed: NmrProcessed; warnings: string[] } {
  const file = inputs.spectrum!;
  if (params.expectedList !== undefined && inputs.expected)
    throw new InputError(
      "give either a built-in expected list (expectedList) or an expected-signals CSV, not both",
    );
  const format = detectNmrFormat(file.bytes, file.ref.name);
  const data = parseNmrInput(file.bytes, file.ref.name, { npoints: params.npoints });
  const processed = processNmr(data, processOptionsOf(params));
  const warnings = [...processed.warnings];
  if (processed.phase === null && (params.phase0Deg !== undefined || params.phase1Deg !== undefined))
    warnings.push("phase ignored: the file's processed spectrum is used as it is");

  let tallest = 0;
  for (const p of processed.peaks) tallest = Math.max(tallest, p.height);
  if (tallest <= 0) for (let i = 0; i < processed.y.length; i++) tallest = Math.max(tallest, processed.y[i]!);
  const toIntensity = tallest > 0 ? 100 / tallest : 1;
  const envelope = spectrumEnvelope(processed.y, processed.firstPpm, processed.stepPpm, ENVELOPE_BUCKETS);

  const summary: NmrSummary = {
    nucleus: processed.nucleus,
    frequency_MHz: processed.frequencyMHz,
    solvent: processed.solvent,
    format,
    vendor: processed.source.vendor,
    processedFrom: processed.source.kind,
    points: processed.y.length,
    referencing: {
      method: processed.referencing.method,
      shift_ppm: round(processed.referencing.shiftPpm, 5),
      peak_ppm: processed.referencing.peakPpm === undefined ? null : round(processed.referencing.peakPpm, 5),
    },
    phase: processed.phase && {
      ph0: round(processed.phase.ph0, 3),
      ph1: round(processed.phase.ph1, 3),
    },
    noise: Number((processed.noise * toIntensity).toPrecision(4)),
    peaks: processed.peaks.map((p) => ({
      ppm: round(p.ppm, 4),
      intensity: round(p.height * toIntensity, 2),
    })),
    ranges: processed.ranges.map((r, i) => ({
      from: round(r.from, 4),
      to: round(r.to, 4),
      integral: round((r.rawIntegral - (r.solventIntegral ?? 0)) * processed.integralScale, 4),
      centre: round(r.centre, 4),
      multiplicity: r.multiplicity,
      lines: r.peaks.length,
      solvent: i === processed.solventRange,
      ...(r.solventIntegral !== undefined && {
        solventIntegral: round(r.solventIntegral * processed.integralScale, 4),
      }),
    })),
    spectrum: {
      ppm: Array.from(envelope.ppm, (v) => round(v, 5)),
      intensity: Array.from(envelope.y, (v) => round(v * toIntensity, 3)),
    },
  };
  const expected = expectedListOf(inputs, params, processed, warnings);
  if (expected)
    summary.expected = roundComparison(compareWithExpected(processed, expected.signals, expected), expected);
  return { summary, processed, warnings };
}

/** The list to compare with (built-in or the user's CSV), checked against the spectrum's nucleus. */
function expectedListOf(
  inputs: SuppliedInputs,
  params: NmrProcessingParameters,
  processed: NmrProcessed,
  warnings: string[],
): ExpectedSignalList | undefined {
  let list: ExpectedSignalList | undefined;
  if (params.expectedList !== undefined) list = EXPECTED_LISTS[params.expectedList];
  else if (inputs.expected) {
    const { ref, bytes } = inputs.expected;
    list = {
      id: ref.name.replace(/\.[^.]*$/, ""),
      solvent: processed.solvent ?? "unknown",
      nucleus: processed.nucleus,
      status: "user",
      sources: [`${ref.name} (sha256 ${ref.sha256.slice(0, 12)}…)`],
      signals: parseExpectedSignals(decodeText(bytes, ref.name), ref.name),
    };
  }
  if (!list) return undefined;
  if (list.nucleus.toLowerCase() !== processed.nucleus.toLowerCase())
    throw new InputError(
      `expected list ${list.id} is for ${list.nucleus}, the spectrum is ${processed.nucleus}: compare a ${list.nucleus} spectrum or give a ${processed.nucleus} list`,
    );
  const wanted = findSolvent(list.solvent)?.id ?? list.solvent;
  if (list.status === "derived" && processed.solvent !== wanted)
    warnings.push(
      `expected list ${list.id} is for ${wanted}, the spectrum's solvent is ${processed.solvent ?? "not given"}: shifts may differ`,
    );
  return list;
}

function roundComparison(c: ExpectedComparison, list: ExpectedSignalList): NmrExpectedResult {
  return {
    ...c,
    nucleus: list.nucleus,
    solvent: list.solvent,
    sources: list.sources,
    protonsPerUnit: Number(c.protonsPerUnit.toPrecision(6)),
    signals: c.signals.map((s) => ({ ...s, integral: round(s.integral, 4), protons: round(s.protons, 3) })),
    unexplained: c.unexplained.map((u) => ({
      from: round(u.from, 4),
      to: round(u.to, 4),
      protons: round(u.protons, 3),
    })),
    solventSignals: c.solventSignals.map((u) => ({
      ...u,
      from: round(u.from, 4),
      to: round(u.to, 4),
      protons: round(u.protons, 3),
    })),
  };
}

/**
 * Reads a list of ppm ranges `from-to,from-to,…` (either order; `:` also separates; negative shifts
 * allowed, e.g. `0.5--0.5`).
 * @throws InputError naming the item that is not a range or has no width.
 * @example parsePpmRanges("7.9-7.3,4.1-3.9") // [[7.9, 7.3], [4.1, 3.9]]
 */
export function parsePpmRanges(text: string, label = "ranges"): [number, number][] {
  const number = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)";
  const pattern = new RegExp(`^\\s*(${number})\\s*[-:]\\s*(${number})\\s*$`);
  const items = text.split(",");
  return items.map((item, i) => {
    const m = pattern.exec(item);
    const a = Number(m?.[1]);
    const b = Number(m?.[2]);
    if (!m || !Number.isFinite(a) || !Number.isFinite(b))
      throw new InputError(
        `${label}: item ${i + 1} '${item.trim()}': expected a ppm range from-to, e.g. 7.9-7.3`,
      );
    if (a === b)
      throw new InputError(
        `${label}: item ${i + 1} '${item.trim()}': the range has no width (${a} to ${b} ppm)`,
      );
    return [a, b];
  });
}
