import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { readInputFile } from "../../../io/files/readInputFile.js";
import {
  type SuppliedInputs,
  type XrpdMatchResult,
  type XrpdPeaksResult,
  xrpdMatchKind,
  xrpdPeaksKind,
} from "../../../kinds/index.js";
import { MAX_REFERENCE_FILES } from "../../../kinds/xrpdMatch.js";
import { plotXrpdResult } from "../../../reports/xrpdPlots.js";
import { type KindCommandOptions, runAndReport } from "../kindCommand.js";
import { formatTable } from "../output.js";

const STORE_FLAGS: [string, string, string?][] = [
  ["--json", "print JSON"],
  ["--provenance", "print the whole provenance envelope"],
  ["--save", "store the analysis (with the files) in the Ixalab store"],
  ["--data-dir <dir>", "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)", "./data"],
];

interface PeakFlags extends KindCommandOptions {
  wavelength?: string;
  backgroundWindow?: string;
  kalpha2: boolean;
  minSnr?: string;
  minIntensity?: string;
  plot?: string;
}

function number(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n))
    throw new InputError(`${flag}: expected a number, found '${text}'`);
  return n;
}

function addPeakFlags(command: Command): Command {
  command
    .option("--wavelength <A>", "Kα1 wavelength in Å (replaces the file's; needed when the file has none)")
    .option(
      "--background-window <deg>",
      "SNIP background half window, degrees 2θ (default: 1°, widened for broad lines)",
    )
    .option("--no-kalpha2", "do not strip Kα2")
    .option("--min-snr <k>", "a peak rises k noise σ above the background (default 4)")
    .option("--min-intensity <pct>", "drop peaks below this % of the strongest (default 1)")
    .option("--plot <file>", "write the pattern with background, peaks (and references) as SVG");
  for (const [flag, description, fallback] of STORE_FLAGS) command.option(flag, description, fallback);
  return command;
}

function peakParameters(flags: PeakFlags): Record<string, unknown> {
  return {
    ...(flags.wavelength !== undefined && { wavelengthA: number(flags.wavelength, "--wavelength") }),
    ...(flags.backgroundWindow !== undefined && {
      backgroundWindowDeg: number(flags.backgroundWindow, "--background-window"),
    }),
    stripKAlpha2: flags.kalpha2,
    ...(flags.minSnr !== undefined && { minSignalToNoise: number(flags.minSnr, "--min-snr") }),
    ...(flags.minIntensity !== undefined && {
      minRelIntensity: number(flags.minIntensity, "--min-intensity"),
    }),
  };
}

const contractPeaks = (r: XrpdPeaksResult) =>
  r.peaks.map(({ twoTheta, dSpacing_A, relIntensity }) => ({ twoTheta, dSpacing_A, relIntensity }));

/** `ixalab xrpd …`: powder pattern peak lists and form matching. */
export function addXrpdCommands(program: Command): void {
  const xrpd = program.command("xrpd").description("X-ray powder diffraction: peak lists, form matching");

  const peaks = addPeakFlags(
    xrpd
      .command("peaks <file>")
      .description(xrpdPeaksKind.description)
      .addHelpText(
        "after",
        "\nExample:\n  ixalab xrpd peaks sample.xrdml --json\n  ixalab xrpd peaks sample.xy --wavelength 1.5406 --plot sample.svg",
      ),
  );
  peaks.action(async (file: string, flags: PeakFlags) => {
    const envelope = await runAndReport(
      xrpdPeaksKind,
      peakParameters(flags),
      { pattern: await readInputFile(file, "xrpd-pattern") },
      flags,
      {
        json: (r) => ({
          wavelength_A: (r as XrpdPeaksResult).wavelength_A,
          peaks: contractPeaks(r as XrpdPeaksResult),
        }),
        text: (e) => {
          const r = e.result as XrpdPeaksResult;
          return `λ(Kα1) ${r.wavelength_A} Å (${r.wavelength?.source}), ${r.points} points ${r.range[0]}–${r.range[1]}° 2θ, Kα2 ${r.kAlpha2Stripped ? "stripped" : "kept"}\n${formatTable(
            ["2θ (°)", "d (Å)", "I/I₀ (%)", "FWHM (°)"],
            r.peaks.map((p) => [
              p.twoTheta.toFixed(3),
              p.dSpacing_A.toFixed(4),
              p.relIntensity.toFixed(1),
              p.fwhm.toFixed(3),
            ]),
          )}${warningLines(e.warnings)}`;
        },
      },
    );
    if (flags.json) printWarnings(envelope.warnings);
    if (flags.plot) await writeFile(flags.plot, plotXrpdResult(envelope.result as XrpdPeaksResult, file));
  });

  const match = addPeakFlags(
    xrpd
      .command("match <file>")
      .description(xrpdMatchKind.description)
      .option(
        "--reference <csv>",
        "reference form: CSV twoTheta,relIntensity named by its file name (repeat for more forms)",
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option(
        "--references <csv>",
        "several reference forms in one CSV with columns form,twoTheta,relIntensity",
      )
      .option("--tolerance <deg>", "position window, ± degrees 2θ (default 0.2, USP <941>)")
      .option("--min-reference-intensity <pct>", "ignore reference peaks below this % (default 0)")
      .option("--min-characteristic <n>", "observed characteristic peaks that show a second form (default 2)")
      .addHelpText(
        "after",
        "\nExample:\n  ixalab xrpd match sample.xrdml --reference formA.csv --reference formB.csv --json",
      ),
  );
  match.action(
    async (
      file: string,
      flags: PeakFlags & {
        reference?: string[];
        references?: string;
        tolerance?: string;
        minReferenceIntensity?: string;
        minCharacteristic?: string;
      },
    ) => {
      const files = flags.reference ?? [];
      if (files.length === 0 && !flags.references)
        throw new InputError("xrpd match: give at least one --reference REF.csv (or --references ALL.csv)");
      if (files.length > MAX_REFERENCE_FILES)
        throw new InputError(
          `xrpd match: at most ${MAX_REFERENCE_FILES} --reference files; put more forms in one CSV with a form column and pass it with --references`,
        );
      const inputs: Record<string, SuppliedInputs[string]> = {
        pattern: await readInputFile(file, "xrpd-pattern"),
      };
      for (const [i, path] of files.entries())
        inputs[`reference${i + 1}`] = await readInputFile(path, "xrpd-reference");
      if (flags.references) inputs.references = await readInputFile(flags.references, "xrpd-references");
      const parameters = {
        ...peakParameters(flags),
        ...(flags.tolerance !== undefined && { toleranceDeg: number(flags.tolerance, "--tolerance") }),
        ...(flags.minReferenceIntensity !== undefined && {
          minReferenceIntensity: number(flags.minReferenceIntensity, "--min-reference-intensity"),
        }),
        ...(flags.minCharacteristic !== undefined && {
          minCharacteristicPeaks: number(flags.minCharacteristic, "--min-characteristic"),
        }),
      };
      const envelope = await runAndReport(xrpdMatchKind, parameters, inputs, flags, {
        json: (r) => {
          const m = r as XrpdMatchResult;
          return {
            matches: m.matches.map(({ reference, score, matchedPeaks, unmatchedPeaks }) => ({
              reference,
              score,
              matchedPeaks,
              unmatchedPeaks,
            })),
            bestMatch: m.bestMatch,
          };
        },
        text: (e) => {
          const m = e.result as XrpdMatchResult;
          const table = formatTable(
            ["reference", "score", "matched", "unmatched", "characteristic seen", "present"],
            m.matches.map((x) => [
              x.reference,
              x.score.toFixed(1),
              x.matchedPeaks,
              x.unmatchedPeaks,
              `${x.characteristicObserved}/${x.characteristicTotal}`,
              x.present ? "yes" : "",
            ]),
          );
          return `${m.peaks.length} peaks; best match: ${m.bestMatch ?? "none"}${m.otherFormsPresent.length ? `; also present: ${m.otherFormsPresent.join(", ")}` : ""}\n${table}${warningLines(e.warnings)}`;
        },
      });
      if (flags.json) printWarnings(envelope.warnings);
      if (flags.plot) await writeFile(flags.plot, plotXrpdResult(envelope.result as XrpdMatchResult, file));
    },
  );
}

function warningLines(warnings: string[]): string {
  return warnings.map((w) => `\nwarning: ${w}`).join("");
}

/** With --json the document stays exactly the contract's; warnings (e.g. a second form) go to stderr. */
function printWarnings(warnings: string[]): void {
  for (const w of warnings) process.stderr.write(`ixalab: warning: ${w}\n`);
}
