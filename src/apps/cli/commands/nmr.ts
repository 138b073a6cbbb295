import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import type { ProvenanceEnvelope } from "../../../core/provenance.js";
import { readInputFile } from "../../../io/files/readInputFile.js";
import { readNmrInputFile } from "../../../io/nmr/index.js";
import {
  EXPECTED_LISTS,
  type NmrExpectedResult,
  type NmrIntegrateResult,
  type NmrProcessResult,
  type NmrSummary,
  nmrIntegrateKind,
  nmrProcessKind,
  type SuppliedInputs,
} from "../../../kinds/index.js";
import { plotNmrResult } from "../../../reports/nmrPlots.js";
import { type KindCommandOptions, runAndReport } from "../kindCommand.js";
import { formatTable } from "../output.js";

interface NmrFlags extends KindCommandOptions {
  solvent?: string;
  reference?: string;
  lb?: string;
  zeroFill?: string;
  phase?: string;
  baseline: boolean;
  processed?: boolean;
  minSnr?: string;
  minIntensity?: string;
  expected?: string;
  npoints?: string;
  plot?: string;
}

const EXAMPLES = `
FILE is a Bruker TopSpin experiment folder or zip, a Varian/Agilent .fid folder or zip, a JEOL .jdf or a
JCAMP-DX file (.jdx/.dx). Peak intensities are % of the tallest peak; integrals are on one scale for a
spectrum: the automatic ranges other than the solvent's sum to 100.

Examples:
  ixalab nmr process ./aspirin/1 --json
  ixalab nmr process sample.jdf --solvent DMSO-d6 --expected ixazomib-citrate --plot sample.svg
  ixalab nmr integrate sample.zip --ranges 7.9-7.3,4.1-3.9,0.98-0.7 --json`;

/** `ixalab nmr …`: ¹H/¹³C spectra from vendor files: peaks, ranges, integrals, expected signals. */
export function addNmrCommands(program: Command): void {
  const nmr = program
    .command("nmr")
    .description("NMR spectra: processing, peaks, integration, comparison with expected signals");

  const processCommand = addFlags(
    nmr.command("process <file>").description(nmrProcessKind.description).addHelpText("after", EXAMPLES),
  );
  processCommand.action(async (file: string, flags: NmrFlags) => {
    const envelope = await runAndReport(
      nmrProcessKind,
      parametersOf(flags),
      await inputsOf(file, flags),
      flags,
      {
        json: (r) => {
          const s = r as NmrProcessResult;
          return {
            nucleus: s.nucleus,
            frequency_MHz: s.frequency_MHz,
            solvent: s.solvent,
            peaks: s.peaks.map(({ ppm, intensity }) => ({ ppm, intensity })),
            ranges: s.ranges.map(({ from, to, integral }) => ({ from, to, integral })),
            ...(s.expected && { expected: s.expected }),
          };
        },
        text: (e) => {
          const s = e.result as NmrProcessResult;
          return [summaryLine(s), peakTable(s), rangeTable(s), expectedText(s.expected), warningLines(e)]
            .filter(Boolean)
            .join("\n\n");
        },
      },
    );
    await finish(envelope, flags);
  });

  const integrate = addFlags(
    nmr
      .command("integrate <file>")
      .description(nmrIntegrateKind.description)
      .requiredOption("--ranges <list>", "ppm ranges from-to, comma separated, e.g. 7.9-7.3,4.1-3.9")
      .addHelpText("after", EXAMPLES),
  );
  integrate.action(async (file: string, flags: NmrFlags & { ranges: string }) => {
    const parameters = { ...parametersOf(flags), ranges: flags.ranges };
    const envelope = await runAndReport(nmrIntegrateKind, parameters, await inputsOf(file, flags), flags, {
      json: (r) => {
        const s = r as NmrIntegrateResult;
        return {
          integrals: s.integrals.map((i) => i.integral),
          ...(s.expected && { expected: s.expected }),
        };
      },
      text: (e) => {
        const s = e.result as NmrIntegrateResult;
        const table = formatTable(
          ["from (ppm)", "to (ppm)", "integral"],
          s.integrals.map((i) => [i.from, i.to, i.integral.toFixed(3)]),
        );
        return [summaryLine(s), table, expectedText(s.expected), warningLines(e)]
          .filter(Boolean)
          .join("\n\n");
      },
    });
    await finish(envelope, flags);
  });
}

function addFlags(command: Command): Command {
  return command
    .option("--solvent <name>", "solvent replacing the file's, e.g. DMSO-d6")
    .option(
      "--reference <how>",
      "solvent (residual peak to its table value, default), tms (TMS to 0) or file (the file's axis)",
    )
    .option("--lb <Hz>", "exponential line broadening, Hz (default 0.3 for 1H, 1 otherwise)")
    .option("--zero-fill <n>", "FFT size = n × the next power of two of the FID length (default 2)")
    .option(
      "--phase <ph0[,ph1]>",
      "phase in degrees instead of the automatic phase (ph1 pivots at the centre)",
    )
    .option("--no-baseline", "no polynomial baseline correction")
    .option("--processed", "use the file's processed spectrum (Bruker 1r, JCAMP spectrum) instead of its FID")
    .option("--min-snr <k>", "a peak exceeds k noise SDs (default 8)")
    .option("--min-intensity <pct>", "…and this % of the tallest point (default 1)")
    .option(
      "--expected <list|csv>",
      `compare with expected signals: ${Object.keys(EXPECTED_LISTS).join(", ")} (built in) or a CSV from,to,protons[,assignment]`,
    )
    .option(
      "--npoints <strict|data>",
      "JCAMP-DX ##NPOINTS that disagrees with the data: strict refuses (default), data reads the data's count",
    )
    .option("--plot <file>", "write the spectrum with peaks and ranges (SVG)")
    .option("--json", "print JSON")
    .option("--provenance", "print the whole provenance envelope")
    .option("--save", "store the analysis (with the files) in the Ixalab store")
    .option("--batch <id>", "with --save: store the analysis against this batch")
    .option(
      "--data-dir <dir>",
      "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)",
      "./data",
    );
}

function numberOf(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n))
    throw new InputError(`${flag}: expected a number, found '${text}'`);
  return n;
}

function parametersOf(flags: NmrFlags): Record<string, unknown> {
  const phase = flags.phase?.split(",").map((t) => numberOf(t, "--phase"));
  if (phase && phase.length > 2)
    throw new InputError(`--phase: expected ph0 or ph0,ph1, found '${flags.phase}'`);
  const builtIn = flags.expected !== undefined && flags.expected in EXPECTED_LISTS;
  return {
    ...(flags.solvent !== undefined && { solvent: flags.solvent }),
    ...(flags.reference !== undefined && { reference: flags.reference }),
    ...(flags.lb !== undefined && { lineBroadeningHz: numberOf(flags.lb, "--lb") }),
    ...(flags.zeroFill !== undefined && { zeroFill: numberOf(flags.zeroFill, "--zero-fill") }),
    ...(phase && { phase0Deg: phase[0], phase1Deg: phase[1] ?? 0 }),
    baseline: flags.baseline,
    useProcessed: flags.processed === true,
    ...(flags.minSnr !== undefined && { minSignalToNoise: numberOf(flags.minSnr, "--min-snr") }),
    ...(flags.minIntensity !== undefined && {
      minRelIntensity: numberOf(flags.minIntensity, "--min-intensity"),
    }),
    ...(flags.npoints !== undefined && { npoints: flags.npoints }),
    ...(builtIn && { expectedList: flags.expected }),
  };
}

async function inputsOf(file: string, flags: NmrFlags): Promise<SuppliedInputs> {
  const builtIn = flags.expected !== undefined && flags.expected in EXPECTED_LISTS;
  return {
    spectrum: await readNmrInputFile(file, "nmr"),
    ...(flags.expected !== undefined &&
      !builtIn && { expected: await readInputFile(flags.expected, "nmr-expected") }),
  };
}

async function finish(envelope: ProvenanceEnvelope, flags: NmrFlags): Promise<void> {
  // With --json the document stays exactly the contract's; warnings go to stderr.
  if (flags.json) for (const w of envelope.warnings) process.stderr.write(`ixalab: warning: ${w}\n`);
  if (flags.plot) {
    const s = envelope.result as NmrSummary;
    const name = envelope.inputs[0]?.name ?? "spectrum";
    await writeFile(
      flags.plot,
      plotNmrResult(
        s,
        `${name}: ${s.nucleus} ${s.frequency_MHz.toFixed(2)} MHz${s.solvent ? `, ${s.solvent}` : ""}`,
      ),
    );
  }
}

function summaryLine(s: NmrSummary): string {
  const ref =
    s.referencing.method === "file"
      ? "axis as in the file"
      : `referenced to the ${s.referencing.method === "tms" ? "TMS" : `${s.solvent} residual`} (shift ${s.referencing.shift_ppm.toFixed(4)} ppm)`;
  const phase = s.phase ? `, phase ${s.phase.ph0.toFixed(1)}°/${s.phase.ph1.toFixed(1)}°` : "";
  return `${s.nucleus} ${s.frequency_MHz.toFixed(4)} MHz, ${s.solvent ?? "solvent not given"} (${s.format}, from the ${s.processedFrom === "fid" ? "FID" : "processed spectrum"}, ${s.points} points${phase}); ${ref}`;
}

function peakTable(s: NmrSummary): string {
  return `${s.peaks.length} peaks\n${formatTable(
    ["δ (ppm)", "intensity (%)"],
    s.peaks.map((p) => [p.ppm.toFixed(4), p.intensity.toFixed(2)]),
  )}`;
}

function rangeTable(s: NmrSummary): string {
  return `${s.ranges.length} ranges (integrals: the non-solvent ranges sum to 100)\n${formatTable(
    ["from (ppm)", "to (ppm)", "centre", "mult.", "integral", ""],
    s.ranges.map((r) => [
      r.from.toFixed(3),
      r.to.toFixed(3),
      r.centre.toFixed(4),
      r.multiplicity,
      r.integral.toFixed(3),
      r.solvent ? "solvent" : "",
    ]),
  )}`;
}

function expectedText(e: NmrExpectedResult | undefined): string {
  if (!e) return "";
  const table = formatTable(
    ["window (ppm)", "assignment", "expected H", "found H", "peaks", "agrees"],
    e.signals.map((s) => [
      `${s.from}–${s.to}`,
      s.assignment ?? "",
      s.expectedProtons,
      s.protons.toFixed(2),
      s.peaks,
      s.agrees === null
        ? s.overlapsSolvent
          ? "solvent"
          : s.overlapsWater
            ? "water"
            : "not judged"
        : s.agrees
          ? "yes"
          : "NO",
    ]),
  );
  const extra = [
    ...e.unexplained.map((u) => `unexplained signal ${u.from}–${u.to} ppm: ${u.protons.toFixed(2)} H`),
    ...(e.solventSignals ?? []).map(
      (u) => `${u.kind} signal (${u.ppm} ppm) ${u.from}–${u.to} ppm: ${u.protons.toFixed(2)} H, not judged`,
    ),
  ];
  return [
    `expected signals: ${e.list} (${e.status === "derived" ? "derived from the structure" : "user list"}): ${e.agrees ? "agrees" : "does NOT agree"}`,
    table,
    ...extra,
  ].join("\n");
}

function warningLines(e: ProvenanceEnvelope): string {
  return e.warnings.map((w) => `warning: ${w}`).join("\n");
}
