import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { readInputFile } from "../../../io/files/readInputFile.js";
import {
  DEFAULT_ELEMENT_RANGES,
  type MsConfirmResult,
  type MsFormulaResult,
  type MsIsotopesResult,
  msConfirmKind,
  msFormulaKind,
  msIsotopesKind,
  type SuppliedInputs,
} from "../../../kinds/index.js";
import { plotConfirmationResult, plotIsotopePattern } from "../../../reports/msPlots.js";
import { type KindCommandOptions, runAndReport } from "../kindCommand.js";
import { formatTable } from "../output.js";

const STORE_FLAGS: [string, string, string?][] = [
  ["--json", "print JSON"],
  ["--provenance", "print the whole provenance envelope"],
  ["--save", "store the analysis (with the files) in the Ixalab store"],
  ["--data-dir <dir>", "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)", "./data"],
];

function numberOf(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n))
    throw new InputError(`${flag}: expected a number, found '${text}'`);
  return n;
}

const fixed = (v: number | null, digits: number) => (v === null ? "–" : v.toFixed(digits));

/** `ixalab ms …`: isotope patterns, formula confirmation and formula generation for HRMS. */
export function addMsCommands(program: Command): void {
  const ms = program
    .command("ms")
    .description("high-resolution mass spectrometry: isotopes, confirmation, formulae");

  const isotopes = ms
    .command("isotopes <formula>")
    .description(msIsotopesKind.description)
    .option("--adduct <ion>", "ion type, e.g. [M+H]+, [M+Na]+, [M-H]-, [M+2H]2+ (default: neutral M)")
    .option("--merge-da <Th>", "merge sticks closer than this into centroids (0: fine structure)", "0.01")
    .option("--resolution <R>", "resolving power (FWHM) instead of --merge-da")
    .option("--min-relative <pct>", "drop peaks below this % of the largest", "0.01")
    .option("--plot <file>", "write the stick plot (SVG)")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab ms isotopes C14H19BCl2N2O4 --adduct '[M+H]+' --merge-da 0.01 --json",
    );
  for (const [flag, description, fallback] of STORE_FLAGS) isotopes.option(flag, description, fallback);
  isotopes.action(
    async (
      formula: string,
      flags: KindCommandOptions & {
        adduct?: string;
        mergeDa: string;
        resolution?: string;
        minRelative: string;
        plot?: string;
      },
    ) => {
      const resolutionGiven = flags.resolution !== undefined;
      const parameters = {
        formula,
        ...(flags.adduct !== undefined && { adduct: flags.adduct }),
        ...(resolutionGiven
          ? { resolution: numberOf(flags.resolution!, "--resolution") }
          : { mergeDa: numberOf(flags.mergeDa, "--merge-da") }),
        minRelative: numberOf(flags.minRelative, "--min-relative"),
      };
      const envelope = await runAndReport(msIsotopesKind, parameters, {}, flags, {
        json: (r) => {
          const { formula: f, ionFormula, charge, monoisotopicMz, peaks } = r as MsIsotopesResult;
          return {
            formula: f,
            ionFormula,
            charge,
            monoisotopicMz,
            peaks: peaks.map(({ mz, relative }) => ({ mz, relative })),
          };
        },
        text: (e) => {
          const r = e.result as MsIsotopesResult;
          return `${r.ionFormula}${r.adduct ? ` (${r.adduct})` : ""}: monoisotopic m/z ${r.monoisotopicMz.toFixed(6)}; ${r.centroiding}\n${formatTable(
            ["m/z", "relative %", "probability"],
            r.peaks.map((p) => [p.mz.toFixed(6), p.relative.toFixed(3), p.probability.toExponential(4)]),
          )}`;
        },
      });
      if (flags.plot) {
        const r = envelope.result as MsIsotopesResult;
        await writeFile(
          flags.plot,
          plotIsotopePattern({ title: `${r.ionFormula}${r.adduct ? ` ${r.adduct}` : ""}`, peaks: r.peaks }),
        );
      }
    },
  );

  const confirm = ms
    .command("confirm <spectrum>")
    .description(msConfirmKind.description)
    .requiredOption("--formula <formula>", "molecular formula of M")
    .option("--adducts <list>", "ion types, comma-separated", "[M+H]+")
    .option("--ppm <ppm>", "mass window of the monoisotopic peak", "5")
    .option("--min-score <s>", "smallest isotope pattern score for a match (0–1)", "0.9")
    .option("--scan <n>", "scan of a many-scan file (1-based; default: the most intense)")
    .option("--plot <file>", "write observed vs theoretical patterns, mirrored (SVG)")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab ms confirm spectrum.mzML --formula C14H19BCl2N2O4 --adducts '[M+H]+,[M+Na]+' --ppm 5 --json",
    );
  for (const [flag, description, fallback] of STORE_FLAGS) confirm.option(flag, description, fallback);
  confirm.action(
    async (
      file: string,
      flags: KindCommandOptions & {
        formula: string;
        adducts: string;
        ppm: string;
        minScore: string;
        scan?: string;
        plot?: string;
      },
    ) => {
      const parameters = {
        formula: flags.formula,
        adducts: flags.adducts
          .split(",")
          .map((a) => a.trim())
          .filter((a) => a !== ""),
        ppm: numberOf(flags.ppm, "--ppm"),
        minScore: numberOf(flags.minScore, "--min-score"),
        ...(flags.scan !== undefined && { scan: numberOf(flags.scan, "--scan") }),
      };
      const inputs: SuppliedInputs = { spectrum: await readInputFile(file, "mass-spectrum") };
      const envelope = await runAndReport(msConfirmKind, parameters, inputs, flags, {
        json: (r) => {
          const { confirmed, ions } = r as MsConfirmResult;
          return {
            confirmed,
            ions: ions.map(({ ion, monoisotopicMz, observedMz, ppmError, isotopeScore, matched }) => ({
              ion,
              monoisotopicMz,
              observedMz,
              ppmError,
              isotopeScore,
              matched,
            })),
          };
        },
        text: (e) => {
          const r = e.result as MsConfirmResult;
          const lines = [
            `${r.formula}: ${r.confirmed ? "CONFIRMED" : "NOT CONFIRMED"} (±${r.ppm} ppm, score ≥ ${r.minScore})`,
            formatTable(
              ["ion", "theoretical m/z", "observed m/z", "ppm", "score", "matched"],
              r.ions.map((i) => [
                i.ion,
                i.monoisotopicMz.toFixed(5),
                fixed(i.observedMz, 5),
                fixed(i.ppmError, 2),
                fixed(i.isotopeScore, 3),
                i.matched ? "yes" : "no",
              ]),
            ),
          ];
          for (const w of e.warnings) lines.push(`warning: ${w}`);
          return lines.join("\n");
        },
      });
      if (flags.plot) await writeFile(flags.plot, plotConfirmationResult(envelope.result as MsConfirmResult));
    },
  );

  const formula = ms
    .command("formula")
    .description(msFormulaKind.description)
    .requiredOption("--mz <m/z>", "observed m/z of the monoisotopic peak")
    .option("--adduct <ion>", "ion type", "[M+H]+")
    .option("--ppm <ppm>", "mass window", "5")
    .option("--elements <ranges>", "element ranges", DEFAULT_ELEMENT_RANGES)
    .option("--spectrum <file>", "spectrum to score isotope patterns against")
    .option("--scan <n>", "scan of a many-scan spectrum file (1-based)")
    .option("--no-rules", "do not apply the RDBE / Senior / H:C rules")
    .option("--max-candidates <n>", "candidates returned at most", "50")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab ms formula --mz 361.08877 --adduct '[M+H]+' --ppm 5 --elements 'C0-40H0-80B0-1Cl0-4N0-6O0-12' --spectrum s.csv --json",
    );
  for (const [flag, description, fallback] of STORE_FLAGS) formula.option(flag, description, fallback);
  formula.action(
    async (
      flags: KindCommandOptions & {
        mz: string;
        adduct: string;
        ppm: string;
        elements: string;
        spectrum?: string;
        scan?: string;
        rules: boolean;
        maxCandidates: string;
      },
    ) => {
      const parameters = {
        mz: numberOf(flags.mz, "--mz"),
        adduct: flags.adduct,
        ppm: numberOf(flags.ppm, "--ppm"),
        elements: flags.elements,
        rules: flags.rules,
        maxCandidates: numberOf(flags.maxCandidates, "--max-candidates"),
        ...(flags.scan !== undefined && { scan: numberOf(flags.scan, "--scan") }),
      };
      const inputs: SuppliedInputs = flags.spectrum
        ? { spectrum: await readInputFile(flags.spectrum, "mass-spectrum") }
        : {};
      await runAndReport(msFormulaKind, parameters, inputs, flags, {
        json: (r) => ({
          candidates: (r as MsFormulaResult).candidates.map(({ formula: f, ppmError, isotopeScore }) => ({
            formula: f,
            ppmError,
            isotopeScore,
          })),
        }),
        text: (e) => {
          const r = e.result as MsFormulaResult;
          return `${r.candidates.length} candidates for m/z ${r.mz} ${r.adduct} ±${r.ppm} ppm (${r.examined} in the window before the rules)\n${formatTable(
            ["formula", "ion", "m/z", "ppm", "score", "RDBE"],
            r.candidates.map((c) => [
              c.formula,
              c.ionFormula,
              c.mz.toFixed(5),
              c.ppmError.toFixed(2),
              fixed(c.isotopeScore, 3),
              c.rdbe,
            ]),
          )}`;
        },
      });
    },
  );
}
