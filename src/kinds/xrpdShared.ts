import { z } from "zod";
import {
  type Diffractogram,
  type PeakListEntry,
  PROCESS_DEFAULTS,
  type ProcessedPattern,
  processPattern,
} from "../core/analytics/xrpd/index.js";
import { parseDiffractogram, sniffDiffractogram } from "../io/diffractogram/index.js";
import type { InputSpec, SuppliedInput } from "./kind.js";

/** Parameters shared by `xrpd.peaks` and `xrpd.match`: wavelength and peak search. */
export const xrpdPeakParameters = {
  wavelengthA: z
    .number()
    .gt(0.1)
    .lt(5)
    .optional()
    .describe("Kα1 wavelength in Å (replaces the file's; needed when the file has none), e.g. 1.5406"),
  backgroundWindowDeg: z
    .number()
    .gt(0)
    .max(20)
    .optional()
    .describe(
      `SNIP background half window, degrees 2θ (default: ${PROCESS_DEFAULTS.backgroundWindowDeg}°, widened to 2 × the FWHM of broad lines)`,
    ),
  stripKAlpha2: z
    .boolean()
    .default(PROCESS_DEFAULTS.stripKAlpha2)
    .describe("strip Kα2 (Rachinger) with the file's Kα1/Kα2/ratio"),
  minSignalToNoise: z
    .number()
    .gt(0)
    .default(PROCESS_DEFAULTS.minSignalToNoise)
    .describe("a peak rises this many noise σ above the background"),
  minRelIntensity: z
    .number()
    .min(0)
    .max(100)
    .default(PROCESS_DEFAULTS.minRelIntensity)
    .describe("drop peaks below this % of the strongest"),
};

/** The pattern input of both kinds. */
export const PATTERN_INPUT: InputSpec = {
  name: "pattern",
  format: "xrpd-pattern",
  description: "powder pattern (.xy/.txt, .xrdml, .brml, Bruker .raw v1–v4, .uxd, JCAMP-DX)",
  required: true,
  accept: ".xy,.txt,.csv,.dat,.xrdml,.brml,.raw,.uxd,.jdx,.dx,.jcamp",
};

/** The measured curves kept with a result, for plots (2θ, counts, background). */
export interface XrpdProfile {
  twoTheta: number[];
  intensity: number[];
  background: number[];
}

/** What both kinds report of the pattern itself. */
export interface XrpdPatternSummary {
  wavelength_A: number;
  wavelength: Diffractogram["wavelength"];
  format: string;
  points: number;
  range: [number, number];
  kAlpha2Stripped: boolean;
  backgroundWindowDeg: number;
  peaks: PeakListEntry[];
  profile: XrpdProfile;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** Reads and processes the pattern input; rounds the peak list to the precision the method supports. */
export function processPatternInput(
  input: SuppliedInput,
  params: z.infer<z.ZodObject<typeof xrpdPeakParameters>>,
): { summary: XrpdPatternSummary; processed: ProcessedPattern; warnings: string[] } {
  const pattern = parseDiffractogram(input.bytes, input.ref.name, {
    ...(params.wavelengthA !== undefined && { wavelengthA: params.wavelengthA }),
  });
  const { wavelengthA: _, backgroundWindowDeg, ...search } = params;
  const processed = processPattern(pattern, {
    ...search,
    ...(backgroundWindowDeg !== undefined && { backgroundWindowDeg }),
  });
  const n = pattern.twoTheta.length;
  const peaks = processed.peaks.map((p) => ({
    twoTheta: round(p.twoTheta, 4),
    dSpacing_A: round(p.dSpacing_A, 5),
    relIntensity: round(p.relIntensity, 2),
    height: round(p.height, 2),
    fwhm: round(p.fwhm, 4),
  }));
  const summary: XrpdPatternSummary = {
    wavelength_A: processed.wavelength_A,
    wavelength: pattern.wavelength,
    format: sniffDiffractogram(input.bytes),
    points: n,
    range: [pattern.twoTheta[0]!, pattern.twoTheta[n - 1]!],
    kAlpha2Stripped: processed.kAlpha2Stripped,
    backgroundWindowDeg: round(processed.backgroundWindowDeg, 4),
    peaks,
    profile: {
      twoTheta: Array.from(pattern.twoTheta, (v) => round(v, 5)),
      intensity: Array.from(pattern.intensity, (v) => round(v, 3)),
      background: Array.from(processed.background, (v) => round(v, 3)),
    },
  };
  return { summary, processed, warnings: [...pattern.warnings, ...processed.warnings] };
}
