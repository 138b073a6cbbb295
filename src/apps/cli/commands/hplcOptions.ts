import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import type { HplcAnalyzeParameters } from "../../../kinds/index.js";
import type { KindCommandOptions } from "../kindCommand.js";

// The integration options `hplc analyze` and `hplc suitability` share: one set of flags, one parser.

/** The flags of {@link addIntegrationOptions}. */
export interface IntegrationFlags extends KindCommandOptions {
  thresholdPct: string;
  disregardLimitPct?: string;
  baseline?: string;
  minSn?: string;
  areaReject?: string;
  heightReject?: string;
  slope?: string;
  noiseWindow?: string;
  window?: string;
  baselineNow?: string;
  integrationOff?: string;
  mainPeakRt?: string;
  mainPeakWindow?: string;
  method?: string;
  blank?: string;
  channel?: string;
  wavelength?: string;
}

/** The integration options `hplc analyze` and `hplc suitability` share (parsed by {@link integrationParameters}). */
export function addIntegrationOptions(command: Command): Command {
  return command
    .option("--threshold-pct <p>", "reporting threshold, % of the total area", "0.05")
    .option(
      "--disregard-limit-pct <p>",
      "impurities below this area % are not summed (default: the threshold)",
    )
    .option(
      "--baseline <mode>",
      "segments (straight lines between cluster ends, as ChemStation draws them; default) or whittaker (subtract a smooth curve through the non-peak samples first)",
    )
    .option("--min-sn <r>", "smallest USP S/N (2H/h) of a peak", "3")
    .option("--area-reject <a>", "drop peaks smaller than this area, signal·s")
    .option("--height-reject <h>", "drop peaks lower than this height, signal units")
    .option(
      "--slope <v>",
      "slope sensitivity for peak start/end, signal units per minute (default: 3 σ of the slope in its quietest stretch)",
    )
    .option("--noise-window <a-b>", "blank region for the noise, minutes, e.g. 0.5-1.5")
    .option("--window <a-b>", "integrate peaks with apex in this range, minutes")
    .option(
      "--baseline-now <t,…>",
      "timed event: baseline points at these times, minutes, e.g. 4.09 (a peak spanning one is cut there)",
    )
    .option(
      "--integration-off <a-b,…>",
      "timed event: no integration of peaks with apex in these spans, minutes, e.g. 4.3-5.5",
    )
    .option("--main-peak-rt <min>", "main peak: expected retention time (default: the largest peak)")
    .option("--main-peak-window <min>", "main peak: ± window, minutes", "0.2")
    .option("--blank <file>", "blank run (same gradient, no sample) to subtract before integration")
    .option("--method <file>", "method file: JSON (mainPeak, impurities, thresholds) or CSV name,rrt,window")
    .option("--channel <name>", "LabSolutions: the section to read, e.g. 'PDA 3D'")
    .option("--wavelength <nm>", "LabSolutions PDA 3D: wavelength to extract, nm (default 274)");
}

export function numberFlag(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n))
    throw new InputError(`${flag}: expected a number, found '${text}'`);
  return n;
}

function rangeFlag(text: string | undefined, flag: string): [number, number] | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*[-:,]\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*$/i.exec(text);
  const a = Number(m?.[1]);
  const b = Number(m?.[2]);
  if (!m || !(b > a))
    throw new InputError(`${flag}: expected a range FROM-TO in minutes with FROM < TO, found '${text}'`);
  return [a, b];
}

/** The `hplc.analyze` parameters from the integration options' flags. */
export function integrationParameters(flags: IntegrationFlags): HplcAnalyzeParameters {
  if (flags.baseline !== undefined && flags.baseline !== "whittaker" && flags.baseline !== "segments") {
    throw new InputError(`--baseline: expected whittaker or segments, found '${flags.baseline}'`);
  }
  const noise = rangeFlag(flags.noiseWindow, "--noise-window");
  const window = rangeFlag(flags.window, "--window");
  const parameters: HplcAnalyzeParameters = {
    thresholdPct: numberFlag(flags.thresholdPct, "--threshold-pct")!,
  };
  const set = <K extends keyof HplcAnalyzeParameters>(
    key: K,
    value: HplcAnalyzeParameters[K] | undefined,
  ) => {
    if (value !== undefined) parameters[key] = value;
  };
  set("disregardLimitPct", numberFlag(flags.disregardLimitPct, "--disregard-limit-pct"));
  set("baseline", flags.baseline as HplcAnalyzeParameters["baseline"]);
  set("minSignalToNoise", numberFlag(flags.minSn, "--min-sn"));
  set("slopeThreshold", numberFlag(flags.slope, "--slope"));
  set("minArea", numberFlag(flags.areaReject, "--area-reject"));
  set("minHeight", numberFlag(flags.heightReject, "--height-reject"));
  set("noiseFrom_min", noise?.[0]);
  set("noiseTo_min", noise?.[1]);
  set("from_min", window?.[0]);
  set("to_min", window?.[1]);
  if (flags.baselineNow !== undefined)
    set(
      "baselineNow_min",
      flags.baselineNow.split(",").map((time) => numberFlag(time.trim(), "--baseline-now")!),
    );
  if (flags.integrationOff !== undefined)
    set(
      "integrationOff_min",
      flags.integrationOff.split(",").map((span) => rangeFlag(span.trim(), "--integration-off")!),
    );
  set("mainPeakRt_min", numberFlag(flags.mainPeakRt, "--main-peak-rt"));
  if (flags.mainPeakRt !== undefined)
    set("mainPeakWindow_min", numberFlag(flags.mainPeakWindow, "--main-peak-window"));
  set("channel", flags.channel);
  set("wavelengthNm", numberFlag(flags.wavelength, "--wavelength"));
  return parameters;
}
