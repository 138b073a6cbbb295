import type { Command } from "commander";
import { computeProperties, withMolecule } from "../../../core/chem/index.js";
import { InputError, isInputError } from "../../../core/errors.js";
import { loadRdkit } from "../../../io/rdkit/loadRdkit.js";
import { readSmilesList } from "../../../io/smiles-list/index.js";
import { type ChemLibraryResult, chemLibraryKind, chemPropsKind } from "../../../kinds/index.js";
import { addKindCommand, type KindCommandOptions, runKindCommand } from "../kindCommand.js";
import { formatTable, printJson, progressBar } from "../output.js";

/** `ixalab chem props`: one structure (--smiles, --molfile) or a streamed batch (--file). */
export function addChemCommands(program: Command): void {
  program.command("chem").description("cheminformatics: molecular properties of any structure (RDKit)");
  addKindCommand(program, chemLibraryKind)
    .addHelpText(
      "after",
      `
Example:
  ixalab chem library --library analogues.smi --json     # or a CSV with 'smiles' and 'name' columns`,
    )
    .action(async (options: KindCommandOptions) => {
      await runKindCommand(chemLibraryKind, options, {
        json: (r) => r,
        text: (e) => libraryText(e.result as ChemLibraryResult),
      });
    });
  addKindCommand(program, chemPropsKind)
    .option(
      "--file <file>",
      "batch: one SMILES per line (.smi) or a CSV/TSV with a 'smiles' column; prints JSON lines",
    )
    .addHelpText(
      "after",
      `
Examples:
  ixalab chem props --smiles 'B(O)(O)[C@H](CC(C)C)NC(=O)CNC(=O)c1cc(Cl)ccc1Cl' --json
  ixalab chem props --molfile ixazomib.mol --json
  ixalab chem props --file library.csv --json > props.jsonl`,
    )
    .action(async (options: KindCommandOptions & { file?: string }) => {
      if (options.file === undefined) {
        await runKindCommand(chemPropsKind, options);
        return;
      }
      if (options.smiles !== undefined || options.molfile !== undefined) {
        throw new InputError("chem props: give one of --smiles, --molfile or --file, not several");
      }
      if (options.save) throw new InputError("chem props: --save is not available with --file (batch) yet");
      await propsBatch(options.file);
    });
}

/**
 * Streams one JSON line per input structure, in input order. A structure RDKit cannot read yields an
 * `{ line, smiles, error }` line instead, and the command ends with exit code 2 after the whole file.
 */
async function propsBatch(path: string): Promise<void> {
  const rdkit = await loadRdkit();
  const bar = progressBar("chem props");
  let count = 0;
  let failed = 0;
  for await (const entry of readSmilesList(path, (p) => bar.update(p.bytesRead, p.totalBytes, count))) {
    count++;
    try {
      const source = `${path}: line ${entry.line}`;
      printJson(
        withMolecule(rdkit, { smiles: entry.smiles, source }, (mol) => computeProperties(rdkit, mol)),
        true,
      );
    } catch (error) {
      if (!isInputError(error)) throw error;
      failed++;
      printJson({ line: entry.line, smiles: entry.smiles, error: error.message }, true);
    }
  }
  bar.finish();
  if (failed > 0)
    throw new InputError(
      `${path}: ${failed} of ${count} structures could not be read (see their 'error' lines)`,
    );
}

/** A library as a table a chemist reads: one row per structure, the unreadable ones with their reason. */
function libraryText(r: ChemLibraryResult): string {
  const rows = r.rows.map((row) =>
    "error" in row
      ? [row.line, row.name ?? "", "—", "—", "—", "—", "—", "—", "—", row.error]
      : [
          row.line,
          row.name ?? "",
          row.formula,
          row.averageMass.toFixed(2),
          row.clogp.toFixed(2),
          row.tpsa.toFixed(1),
          row.lipinskiHbd,
          row.lipinskiHba,
          row.rotatableBonds,
          row.ruleOfFiveViolations,
        ],
  );
  const table = formatTable(
    ["line", "name", "formula", "MW", "cLogP", "TPSA", "HBD", "HBA", "RotB", "Ro5 viol."],
    rows,
  );
  return `${table}\n${r.structures} structures, ${r.failed} unreadable, ${r.ruleOfFiveFailures} with more than one rule-of-five violation`;
}
