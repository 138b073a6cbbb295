import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { CurveRow, PooledCurveRow } from "../../../core/assays/ic50/fitCurves.js";
import type { ProvenanceEnvelope } from "../../../core/provenance.js";
import { type Ic50FitResult, type Ic50RunResult, ic50FitKind, ic50RunKind } from "../../../kinds/index.js";
import { ic50ReportHtml } from "../../../reports/ic50Report.js";
import { addKindCommand, type KindCommandOptions, runKindCommand } from "../kindCommand.js";
import { formatTable } from "../output.js";

type ReportOption = { report?: string };

/** `ixalab ic50 run` and `ixalab ic50 fit`: the proteasome-inhibition assay from plates or normalised data. */
export function addIc50Commands(program: Command): void {
  program
    .command("ic50")
    .description(
      "fluorogenic β5 proteasome-inhibition assay: kinetic plate reads to rates to IC50, 4PL fits",
    );
  addKindCommand(program, ic50RunKind)
    .option("--report <file>", "also write a self-contained HTML report (plate QC, heat maps, curves)")
    .addHelpText(
      "after",
      `
Example:
  ixalab ic50 run --reads kinetics.csv --layout layout.csv --plates plates.csv --json
  ixalab ic50 run --reads kinetics.csv --layout layout.csv --plates plates.csv --window-reads 8 --report ic50.html`,
    )
    .action(async (options: KindCommandOptions & ReportOption) => {
      const envelope = await runKindCommand(ic50RunKind, options, {
        json: (r) => {
          const { plates, curves, pooled } = r as Ic50RunResult;
          return { plates, curves, pooled };
        },
        text: (e) => runText(e.result as Ic50RunResult),
      });
      await writeReport(options.report, envelope);
    });

  addKindCommand(program, ic50FitKind)
    .option("--report <file>", "also write a self-contained HTML report of the curves")
    .addHelpText("after", "\nExample:\n  ixalab ic50 fit --data normalized.csv --json")
    .action(async (options: KindCommandOptions & ReportOption) => {
      const envelope = await runKindCommand(ic50FitKind, options, {
        json: (r) => {
          const { curves, pooled } = r as Ic50FitResult;
          return { curves, pooled };
        },
        text: (e) => curveText((e.result as Ic50FitResult).curves, (e.result as Ic50FitResult).pooled),
      });
      await writeReport(options.report, envelope);
    });
}

async function writeReport(path: string | undefined, envelope: ProvenanceEnvelope): Promise<void> {
  if (path) await writeFile(path, ic50ReportHtml(envelope as ProvenanceEnvelope<unknown, Ic50RunResult>));
}

function runText(result: Ic50RunResult): string {
  const plates = formatTable(
    ["plate", "Z'", "mean max", "mean min", "flags"],
    result.plates.map((p) => [
      p.plate,
      p.zPrime?.toFixed(3),
      p.meanMax?.toFixed(1),
      p.meanMin?.toFixed(2),
      p.error ?? p.flags.join("; "),
    ]),
  );
  return `${plates}\n\n${curveText(result.curves, result.pooled)}`;
}

function curveText(curves: CurveRow[], pooled: PooledCurveRow[]): string {
  const rows = [...curves, ...pooled.map((c) => ({ ...c, plate: "pooled" }))].map((c) => [
    c.plate,
    c.compound,
    c.class,
    c.ic50_nM === null ? null : `${c.ic50Qualifier === ">" ? "> " : ""}${Number(c.ic50_nM.toPrecision(4))}`,
    c.ci95_nM ? `${Number(c.ci95_nM[0].toPrecision(3))}–${Number(c.ci95_nM[1].toPrecision(3))}` : null,
    c.hill?.toFixed(2),
    c.r2?.toFixed(4),
    c.nPoints,
  ]);
  return formatTable(["plate", "compound", "class", "IC50 (nM)", "95 % CI (nM)", "hill", "R²", "n"], rows);
}
