import rdkitPackage from "@rdkit/rdkit";
import { beforeAll, describe, expect, it } from "vitest";
import { FormatError } from "../errors.js";
import { parseMolecule, withMolecule } from "./parseMolecule.js";
import type { RDKit } from "./rdkit.js";

let rdkit: RDKit;
beforeAll(async () => {
  rdkit = await (rdkitPackage as unknown as () => Promise<RDKit>)();
});

function rejectionOf(smiles: string): FormatError {
  try {
    parseMolecule(rdkit, { smiles, source: "--smiles" }).delete();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error(`expected ${smiles} to be rejected`);
}

describe("parseMolecule", () => {
  it("points at the position of a SMILES syntax error", () => {
    expect(rejectionOf("C1CC(").message).toBe(
      "--smiles: position 5: expected a valid SMILES, found 'C1CC(' ('C1CC(' ← here). RDKit: syntax error while parsing: C1CC(; check for mistakes around position 5",
    );
  });

  it("explains valence and aromaticity errors", () => {
    expect(rejectionOf("CC(C)(C)(C)(C)C").message).toMatch(
      /Explicit valence for atom # 1 C, 6, is greater than permitted/,
    );
    expect(rejectionOf("c1cccc1").message).toMatch(/Can't kekulize mol/);
  });

  it("rejects empty and multi-line SMILES", () => {
    expect(rejectionOf("  ").message).toBe(
      "--smiles: structure: expected a SMILES string, found an empty string",
    );
    expect(rejectionOf("CC\nCC").message).toMatch(/line break/);
  });

  it("reads a molfile as RDKit's Python MolFromMolBlock does", () => {
    const molfile = withMolecule(rdkit, { smiles: "OCC" }, (mol) => mol.get_molblock());
    expect(withMolecule(rdkit, { molfile }, (mol) => mol.get_smiles())).toBe("CCO");
  });

  it("rejects a molfile without M  END", () => {
    expect(() => parseMolecule(rdkit, { molfile: "x\n\n\n", source: "a.mol" })).toThrow(
      /a\.mol: molfile: expected an MDL molfile ending in 'M {2}END'/,
    );
  });
});
