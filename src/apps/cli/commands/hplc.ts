import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { HplcPeak } from "../../../core/analytics/hplc/index.js";
import { InputError } from "../../../core/errors.js";
import { readInputFile } from "../../../io/files/readInputFile.js";
import {
  type HplcAnalyzeParameters,
  type HplcAnalyzeResult,
  hplcAnalyzeKind,
  type SuppliedInputs,
} from "../../../kinds/index.js";
import { plotChromatogram } from "../../../reports/hplcPlots.js";
import { type KindCommandOptions, runAndReport } from "../kindCommand.js";
import { formatTable } from "../output.js";

/** The peak fields of the `hplc analyze --json` contract, in contract order. */
const CONTRACT_KEYS = [
  "rt_min",
  "area",
  "height",
  "areaPercent",
  "widthHalf_min",
  "plates",
  "tailing",
  "resolution",
] as const;

interface HplcAnalyzeFlags extends KindCommandOptions {
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
  plot?: string;
}

/** `ixalab hplc …`: RP-HPLC chromatograms. */
export function addHplcCommands(program: Command): void {
  const hplc = program
    .command("hplc")
    .description("RP-HPLC chromatograms: area-% purity and USP system suitability");
  hplc
    .command("analyze <file>")
    .description(hplcAnalyzeKind.description)
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
    .option("--wavelength <nm>", "LabSolutions PDA 3D: wavelength to extract, nm (default 274)")
    .option("--plot <file>", "write the annotated chromatogram (SVG)")
    .option("--json", "print JSON")
    .option("--provenance", "print the whole provenance envelope")
    .option("--save", "store the analysis (with the files) in the Ixalab store")
    .option(
      "--data-dir <dir>",
      "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)",
      "./data",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  ixalab hplc analyze DAD1A.ch --json\n  ixalab hplc analyze run.cdf --threshold-pct 0.05 --method method.json --plot run.svg",
    )
    .action(async (file: string, flags: HplcAnalyzeFlags) => {
      const parameters = parametersFrom(flags);
      const inputs: SuppliedInputs = {
        chromatogram: await readInputFile(file, "chromatogram"),
        ...(flags.method && { method: await readInputFile(flags.method, "hplc-method") }),
        ...(flags.blank && { blank: await readInputFile(flags.blank, "chromatogram") }),
      };
      const envelope = await runAndReport(hplcAnalyzeKind, parameters, inputs, flags, {
        json: (r) => {
          const result = r as HplcAnalyzeResult;
          return {
            peaks: result.peaks.map(contractPeak),
            mainPeak: result.mainPeak ? contractPeak(result.mainPeak) : null,
            purityPercent: result.purityPercent,
          };
        },
        text: (e) => textReport(e.result as HplcAnalyzeResult, e.warnings),
      });
      if (flags.plot) {
        const r = envelope.result as HplcAnalyzeResult;
        await writeFile(
          flags.plot,
          plotChromatogram({
            title: `${file.split(/[\\/]/).pop()}: ${r.chromatogram.detector || r.chromatogram.format}`,
            units: r.chromatogram.units,
            ...r.trace,
            peaks: r.peaks,
            ...(r.settings && { events: r.settings }),
          }),
        );
      }
    });
}

function contractPeak(p: HplcPeak): Record<(typeof CONTRACT_KEYS)[number], number | null> {
  return Object.fromEntries(CONTRACT_KEYS.map((k) => [k, p[k]])) as Record<
    (typeof CONTRACT_KEYS)[number],
    number | null
  >;
}

function numberFlag(text: string | undefined, flag: string): number | undefined {
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

function parametersFrom(flags: HplcAnalyzeFlags): HplcAnalyzeParameters {
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

function textReport(r: HplcAnalyzeResult, warnings: string[]): string {
  const fixed = (v: number | null, digits: number) => (v === null ? "—" : v.toFixed(digits));
  const table = formatTable(
    ["#", "RT (min)", "type", "area", "height", "area %", "RRT", "W½ (min)", "N", "T", "Rs", "S/N", "name"],
    r.peaks.map((p, i) => [
      i + 1,
      p.rt_min.toFixed(3),
      p.type,
      p.area.toPrecision(6),
      p.height.toPrecision(5),
      p.areaPercent.toFixed(2),
      p.rrt.toFixed(3),
      fixed(p.widthHalf_min, 4),
      p.plates === null ? "—" : Math.round(p.plates),
      fixed(p.tailing, 2),
      fixed(p.resolution, 2),
      p.signalToNoise.toFixed(0),
      p.name ?? "",
    ]),
  );
  const lines = [
    `${r.chromatogram.detector || r.chromatogram.format} · ${r.chromatogram.points} points · ${r.chromatogram.start_min.toFixed(2)}–${r.chromatogram.end_min.toFixed(2)} min · area in ${r.chromatogram.units || "signal"}·s`,
    table,
    `purity ${fixed(r.purityPercent, 2)} % (area %), total impurities ${fixed(r.totalImpuritiesPercent, 2)} %; noise h = ${r.noise.peakToPeak.toPrecision(3)} (${r.noise.from_min.toFixed(2)}–${r.noise.to_min.toFixed(2)} min)`,
  ];
  if (r.blank) lines.push(`blank subtracted: ${r.blank.name} (${r.blank.points} points)`);
  const { baselineNow_min: now, integrationOff_min: off } = r.settings;
  if (now.length > 0 || off.length > 0) {
    const events = [
      ...now.map((time) => `baseline now at ${time} min`),
      ...off.map(([a, b]) => `integration off ${a}–${b} min`),
    ];
    lines.push(`timed events: ${events.join("; ")}`);
  }
  for (const w of warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}
