import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { type HplcPeak, peaksToCsv } from "../../../core/analytics/hplc/index.js";
import { readInputFile } from "../../../io/files/readInputFile.js";
import { type HplcAnalyzeResult, hplcAnalyzeKind, type SuppliedInputs } from "../../../kinds/index.js";
import { plotChromatogram } from "../../../reports/hplcPlots.js";
import { addReportOptions, runAndReport } from "../kindCommand.js";
import { formatTable } from "../output.js";
import { addIntegrationOptions, type IntegrationFlags, integrationParameters } from "./hplcOptions.js";
import { addHplcSuitabilityCommand } from "./hplcSuitability.js";

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

interface HplcAnalyzeFlags extends IntegrationFlags {
  plot?: string;
  csv?: string;
}

/** `ixalab hplc …`: RP-HPLC chromatograms. */
export function addHplcCommands(program: Command): void {
  const hplc = program
    .command("hplc")
    .description("RP-HPLC chromatograms: area-% purity and USP system suitability");
  addReportOptions(
    addIntegrationOptions(hplc.command("analyze <file>").description(hplcAnalyzeKind.description)),
  )
    .option("--plot <file>", "write the annotated chromatogram (SVG)")
    .option("--csv <file>", "write the peak table (CSV, full precision)")
    .addHelpText(
      "after",
      "\nExamples:\n  ixalab hplc analyze DAD1A.ch --json\n  ixalab hplc analyze run.cdf --threshold-pct 0.05 --method method.json --plot run.svg",
    )
    .action(async (file: string, flags: HplcAnalyzeFlags) => {
      const parameters = integrationParameters(flags);
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
      if (flags.csv) await writeFile(flags.csv, peaksToCsv((envelope.result as HplcAnalyzeResult).peaks));
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
  addHplcSuitabilityCommand(hplc);
}

function contractPeak(p: HplcPeak): Record<(typeof CONTRACT_KEYS)[number], number | null> {
  return Object.fromEntries(CONTRACT_KEYS.map((k) => [k, p[k]])) as Record<
    (typeof CONTRACT_KEYS)[number],
    number | null
  >;
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
      `${p.name ?? ""}${p.rrf !== undefined && p.rrf !== 1 ? ` (RRF ${p.rrf})` : ""}`,
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
