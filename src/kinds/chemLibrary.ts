import { z } from "zod";
import { computeProperties, ruleOfFive, withMolecule } from "../core/chem/index.js";
import { InputError, isInputError } from "../core/errors.js";
import { decodeText } from "../io/csv/index.js";
import { createSmilesListParser, type SmilesListEntry } from "../io/smiles-list/index.js";
import type { AnalysisKind } from "./kind.js";

/**
 * The most structures one request computes (~3 ms each with InChI: 15 s); `ixalab chem props --file`
 * streams libraries of any size.
 */
export const MAX_LIBRARY_STRUCTURES = 5000;

/** One structure of a library: its properties and rule-of-five count, or why RDKit could not read it. */
export type LibraryRow = { line: number; name: string | null; smiles: string } & (
  | {
      formula: string;
      averageMass: number;
      clogp: number;
      tpsa: number;
      lipinskiHbd: number;
      lipinskiHba: number;
      rotatableBonds: number;
      rings: number;
      /** Null when RDKit's InChI could not be made for the structure. */
      inchiKey: string | null;
      ruleOfFiveViolations: number;
    }
  | { error: string }
);

/** The `chem.library` result. */
export interface ChemLibraryResult {
  structures: number;
  failed: number;
  /** Structures with more than one rule-of-five violation. */
  ruleOfFiveFailures: number;
  rows: LibraryRow[];
}

const chemLibraryParameters = z.strictObject({});

/** `chem.library`: the properties of every structure of a SMILES list, with Lipinski's rule of five. */
export const chemLibraryKind: AnalysisKind<z.infer<typeof chemLibraryParameters>, ChemLibraryResult> = {
  id: "chem.library",
  title: "Properties of a structure library",
  description:
    "Formula, mass, Crippen logP, TPSA, Lipinski donors/acceptors, rotatable bonds, rings, InChIKey and rule-of-five violations of every structure of a SMILES list (.smi, or CSV/TSV with a 'smiles' column and optionally 'name' or 'id'); unreadable structures are listed with the reason (RDKit).",
  parameters: chemLibraryParameters,
  inputs: [
    {
      name: "library",
      format: "smiles-list",
      description: `SMILES list: .smi (SMILES, then a name) or CSV/TSV with a 'smiles' column; at most ${MAX_LIBRARY_STRUCTURES} structures`,
      required: true,
      accept: ".smi,.csv,.tsv,.txt",
    },
  ],
  command: ["chem", "library"],
  async run(_params, inputs, ctx) {
    const library = inputs.library!;
    const entries = readEntries(library.bytes, library.ref.name);
    const rdkit = await ctx.rdkit();
    const rows = entries.map((entry): LibraryRow => {
      const base = { line: entry.line, name: entry.name ?? null, smiles: entry.smiles };
      try {
        const source = `${library.ref.name}: line ${entry.line}`;
        const p = withMolecule(rdkit, { smiles: entry.smiles, source }, (mol) =>
          computeProperties(rdkit, mol),
        );
        return {
          ...base,
          formula: p.formula,
          averageMass: p.averageMass,
          clogp: p.clogp,
          tpsa: p.tpsa,
          lipinskiHbd: p.lipinskiHbd,
          lipinskiHba: p.lipinskiHba,
          rotatableBonds: p.rotatableBonds,
          rings: p.rings,
          inchiKey: p.inchiKey,
          ruleOfFiveViolations: ruleOfFive(p).violations,
        };
      } catch (error) {
        if (!isInputError(error)) throw error;
        return { ...base, error: error.message };
      }
    });
    const failed = rows.filter((r) => "error" in r).length;
    return {
      result: {
        structures: rows.length,
        failed,
        ruleOfFiveFailures: rows.filter((r) => "ruleOfFiveViolations" in r && r.ruleOfFiveViolations > 1)
          .length,
        rows,
      },
      warnings: failed > 0 ? [`${failed} of ${rows.length} structures could not be read`] : [],
    };
  },
};

/**
 * The entries of a SMILES list, in file order.
 * @throws InputError naming the file for an empty list or one over {@link MAX_LIBRARY_STRUCTURES}.
 */
function readEntries(bytes: Uint8Array, source: string): SmilesListEntry[] {
  const parse = createSmilesListParser(source);
  const entries: SmilesListEntry[] = [];
  const lines = decodeText(bytes, source).split("\n");
  for (let i = 0; i < lines.length; i++) {
    const entry = parse(lines[i]!, i + 1);
    if (!entry) continue;
    if (entries.length === MAX_LIBRARY_STRUCTURES)
      throw new InputError(
        `${source}: more than ${MAX_LIBRARY_STRUCTURES} structures; stream bigger libraries with \`ixalab chem props --file\``,
      );
    entries.push(entry);
  }
  if (entries.length === 0)
    throw new InputError(`${source}: no structures (one SMILES per line, or a 'smiles' column)`);
  return entries;
}
