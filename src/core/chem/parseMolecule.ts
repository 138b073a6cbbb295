import { FormatError } from "../errors.js";
import type { RDKit, RDKitLog, RDKitMol } from "./rdkit.js";

/** A structure as the user gave it: a SMILES string or the text of an MDL molfile (V2000/V3000). */
export type StructureInput = { smiles: string; source?: string } | { molfile: string; source?: string };

// RDKit reports parse problems only through its log; capture it per module so messages can be returned
// to the user instead of being printed to stderr by the WASM runtime.
const logs = new WeakMap<RDKit, RDKitLog | null>();

function rdkitLog(rdkit: RDKit) {
  if (!logs.has(rdkit)) logs.set(rdkit, rdkit.set_log_capture("rdApp.*"));
  return logs.get(rdkit) ?? null;
}

/**
 * Parses a structure with RDKit and runs `use` on it, always freeing the molecule afterwards.
 * @throws FormatError naming the source, the position (for SMILES) and RDKit's own diagnosis.
 * @example withMolecule(rdkit, { smiles: "CCO" }, (mol) => mol.get_smiles()) // "CCO"
 */
export function withMolecule<T>(rdkit: RDKit, input: StructureInput, use: (mol: RDKitMol) => T): T {
  const mol = parseMolecule(rdkit, input);
  try {
    return use(mol);
  } finally {
    mol.delete();
  }
}

/**
 * Parses a structure; the caller owns the returned molecule and must `delete()` it.
 * @throws FormatError when the text is empty or RDKit rejects it.
 */
export function parseMolecule(rdkit: RDKit, input: StructureInput): RDKitMol {
  const isSmiles = "smiles" in input;
  const text = isSmiles ? input.smiles.trim() : input.molfile;
  const source = input.source ?? (isSmiles ? "SMILES" : "molfile");
  if (isSmiles) checkSmilesText(text, source);
  else checkMolfileText(text, source);
  const log = rdkitLog(rdkit);
  log?.clear_buffer();
  // Reading a molfile as-is keeps its explicit hydrogens out of the heavy-atom graph, as RDKit's Python
  // MolFromMolBlock does by default (removeHs).
  const mol = rdkit.get_mol(text, JSON.stringify({ removeHs: true }));
  const messages = cleanLog(log?.get_buffer() ?? "");
  log?.clear_buffer();
  if (mol?.is_valid()) return mol;
  mol?.delete();
  throw rejection(text, source, isSmiles, messages);
}

function checkSmilesText(text: string, source: string): void {
  if (text === "") throw new FormatError(source, "structure", "a SMILES string", "an empty string");
  if (/[\r\n]/.test(text)) {
    throw new FormatError(
      source,
      "structure",
      "one SMILES on one line",
      "a line break",
      "Use --file for many",
    );
  }
}

function checkMolfileText(text: string, source: string): void {
  if (!/M {2}END/.test(text)) {
    throw new FormatError(
      source,
      "molfile",
      "an MDL molfile ending in 'M  END'",
      text.trim() === "" ? "an empty file" : `no 'M  END' line in ${text.split("\n").length} lines`,
      "Export the structure as an MDL molfile (V2000 or V3000)",
    );
  }
}

/** RDKit prefixes every log line with a [hh:mm:ss] time stamp; drop it and blank lines. */
function cleanLog(buffer: string): string[] {
  return buffer
    .split("\n")
    .map((line) => line.replace(/^\[\d\d:\d\d:\d\d\]\s?/, "").trimEnd())
    .filter((line) => line.trim() !== "");
}

function rejection(text: string, source: string, isSmiles: boolean, messages: string[]): FormatError {
  const positionLine = messages.find((m) => /around position \d+/.test(m));
  const position = positionLine ? Number(/around position (\d+)/.exec(positionLine)?.[1]) : undefined;
  // The caret lines repeat the input; the diagnosis lines are the rest.
  const diagnosis = messages
    .filter((m) => !/^\s*~*\^$/.test(m) && m.trim() !== text && !/Failed parsing SMILES/.test(m))
    .map((m) => m.replace(/^SMILES Parse Error: /, "").replace(/:$/, ""))
    .join("; ");
  if (isSmiles) {
    const where = position ? `position ${position}` : "structure";
    const pointer = position ? ` ('${text.slice(0, position)}' ← here)` : "";
    return new FormatError(
      source,
      where,
      "a valid SMILES",
      `'${text}'${pointer}`,
      diagnosis ? `RDKit: ${diagnosis}` : "RDKit could not read it",
    );
  }
  return new FormatError(
    source,
    "molfile",
    "a valid MDL molfile",
    "a structure RDKit cannot read",
    diagnosis ? `RDKit: ${diagnosis}` : undefined,
  );
}
