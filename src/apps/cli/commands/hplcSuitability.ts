import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { readInputFile } from "../../../io/files/readInputFile.js";
import {
  type HplcSuitabilityParameters,
  type HplcSuitabilityResult,
  hplcSuitabilityKind,
  MAX_INJECTIONS,
} from "../../../kinds/hplcSuitability.js";
import type { SuppliedInput } from "../../../kinds/index.js";
import { addReportOptions, runAndReport } from "../kindCommand.js";
import { formatTable } from "../output.js";
import {
  addIntegrationOptions,
  type IntegrationFlags,
  integrationParameters,
  numberFlag,
} from "./hplcOptions.js";

interface SuitabilityFlags extends IntegrationFlags {
  upperLimit?: string;
  maxRsd?: string;
  maxRtRsd?: string;
  minPlates?: string;
  tailing?: string;
  minResolution?: string;
  minMainSn?: string;
}

/** `ixalab hplc suitability FILE…`: system suitability over replicate injections of a standard. */
export function addHplcSuitabilityCommand(hplc: Command): void {
  addReportOptions(
    addIntegrationOptions(
      hplc.command("suitability <files...>").description(hplcSuitabilityKind.description),
    ),
  )
    .option("--upper-limit <pct>", "upper assay limit, % (e.g. 102.0): the area %RSD limit from it and n")
    .option("--max-rsd <pct>", "area %RSD limit instead (default 2.0)")
    .option("--max-rt-rsd <pct>", "retention-time %RSD limit (not checked by default)")
    .option("--min-plates <n>", "smallest plate count N (not checked by default)")
    .option("--tailing <a-b>", "allowed symmetry (tailing) factor", "0.8-1.8")
    .option("--min-resolution <r>", "smallest resolution from the peak before (not checked by default)")
    .option("--min-main-sn <r>", "smallest S/N of the main peak (not checked by default)")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab hplc suitability std1.ch std2.ch std3.ch std4.ch std5.ch std6.ch --upper-limit 102.0 --min-plates 2000 --json",
    )
    .action(async (files: string[], flags: SuitabilityFlags) => {
      if (files.length < 2 || files.length > MAX_INJECTIONS)
        throw new InputError(
          `hplc suitability: expected 2 to ${MAX_INJECTIONS} injections, found ${files.length}`,
        );
      const parameters: HplcSuitabilityParameters = { ...integrationParameters(flags) };
      const set = <K extends keyof HplcSuitabilityParameters>(key: K, flag: string, text?: string) => {
        const value = numberFlag(text, flag);
        if (value !== undefined) parameters[key] = value as HplcSuitabilityParameters[K];
      };
      set("upperLimitPct", "--upper-limit", flags.upperLimit);
      set("maxAreaRsdPct", "--max-rsd", flags.maxRsd);
      set("maxRtRsdPct", "--max-rt-rsd", flags.maxRtRsd);
      set("minPlates", "--min-plates", flags.minPlates);
      set("minResolution", "--min-resolution", flags.minResolution);
      set("mainPeakMinSignalToNoise", "--min-main-sn", flags.minMainSn);
      if (flags.tailing !== undefined) {
        const [lo, hi] = flags.tailing.split("-").map((part) => numberFlag(part, "--tailing")!);
        if (!(lo! > 0 && hi! >= lo!))
          throw new InputError(`--tailing: expected a range LOW-HIGH, found '${flags.tailing}'`);
        parameters.tailingMin = lo!;
        parameters.tailingMax = hi!;
      }
      const inputs: Record<string, SuppliedInput> = {};
      for (const [i, file] of files.entries())
        inputs[`injection${i + 1}`] = await readInputFile(file, "chromatogram");
      if (flags.method) inputs.method = await readInputFile(flags.method, "hplc-method");
      if (flags.blank) inputs.blank = await readInputFile(flags.blank, "chromatogram");
      await runAndReport(hplcSuitabilityKind, parameters, inputs, flags, {
        json: (r) => {
          const { injections, rt, area, height, checks, pass } = r as HplcSuitabilityResult;
          return { injections, rt, area, height, checks, pass };
        },
        text: (e) => suitabilityReport(e.result as HplcSuitabilityResult, e.warnings),
      });
    });
}

function suitabilityReport(r: HplcSuitabilityResult, warnings: string[]): string {
  const dash = (v: number | null, digits: number) => (v === null ? "—" : v.toFixed(digits));
  const injections = formatTable(
    ["file", "RT (min)", "area", "height", "N", "T", "Rs", "S/N"],
    r.injections.map((i) => [
      i.file,
      i.rt_min.toFixed(3),
      i.area.toPrecision(6),
      i.height.toPrecision(5),
      i.plates === null ? "—" : Math.round(i.plates),
      dash(i.tailing, 2),
      dash(i.resolution, 2),
      i.signalToNoise.toFixed(0),
    ]),
  );
  const checks = formatTable(
    ["check", "limit", "value", "result"],
    r.checks.map((c) => [c.name, c.limit, dash(c.value, 3), c.pass ? "pass" : "FAIL"]),
  );
  const lines = [
    injections,
    `mean RT ${r.rt.mean.toFixed(3)} min (%RSD ${r.rt.rsdPct.toFixed(3)}), mean area ${r.area.mean.toPrecision(6)} (%RSD ${r.area.rsdPct.toFixed(2)})`,
    checks,
    `system suitability: ${r.pass ? "passes" : "FAILS"}`,
  ];
  for (const w of warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}
