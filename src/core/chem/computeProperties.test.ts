import rdkitPackage from "@rdkit/rdkit";
import { beforeAll, describe, expect, it } from "vitest";
import {
  computeProperties,
  conventionalAverageMass,
  elementCountsOf,
  MOLECULAR_PROPERTY_KEYS,
} from "./computeProperties.js";
import reference from "./fixtures/rdkit-python-props.json" with { type: "json" };
import { withMolecule } from "./parseMolecule.js";
import type { RDKit } from "./rdkit.js";

let rdkit: RDKit;
beforeAll(async () => {
  rdkit = await (rdkitPackage as unknown as () => Promise<RDKit>)();
});

// Reference: RDKit's Python build (Debian python3-rdkit 2022.09) for descriptors and the IUPAC InChI program
// (Debian libinchi-bin) for InChI/InChIKey, made by scripts/make-rdkit-fixtures.py.
describe(`chem props agrees with RDKit Python ${reference.rdkitVersion} and IUPAC InChI`, () => {
  it("covers at least 20 drug-like molecules including every reference compound", () => {
    expect(reference.molecules.length).toBeGreaterThanOrEqual(30);
    for (const id of ["ixazomib_citrate", "ixazomib", "citric_acid", "bortezomib", "carfilzomib"]) {
      expect(reference.molecules.map((m) => m.name)).toContain(id);
    }
  });

  for (const expected of reference.molecules) {
    it(expected.name, () => {
      const props = withMolecule(rdkit, { smiles: expected.smiles }, (mol) => computeProperties(rdkit, mol));
      expect(props.formula).toBe(expected.formula);
      // Masses: 1e-4 g/mol, the tolerance (both use the same atomic-weight tables).
      expect(Math.abs(props.averageMass - expected.averageMass)).toBeLessThan(1e-4);
      expect(Math.abs(props.monoisotopicMass - expected.monoisotopicMass)).toBeLessThan(1e-4);
      // TPSA: a sum of 2-decimal contributions, equal to float rounding (1e-9).
      expect(Math.abs(props.tpsa - expected.tpsa)).toBeLessThan(1e-9);
      // Crippen logP: RDKit MinimalLib prints 5 truncated decimals, so ±1e-5 (+ float rounding).
      expect(Math.abs(props.clogp - expected.clogp)).toBeLessThan(1.1e-5);
      expect(props.hbd).toBe(expected.hbd);
      expect(props.hba).toBe(expected.hba);
      expect(props.lipinskiHbd).toBe(expected.lipinskiHbd);
      expect(props.lipinskiHba).toBe(expected.lipinskiHba);
      expect(props.rotatableBonds).toBe(expected.rotatableBonds);
      expect(props.rings).toBe(expected.rings);
      expect(props.formalCharge).toBe(expected.formalCharge);
      expect(props.inchi).toBe(expected.inchi);
      expect(props.inchiKey).toBe(expected.inchiKey);
    });
  }

  it("returns exactly the contract's keys", () => {
    const props = withMolecule(rdkit, { smiles: "CCO" }, (mol) => computeProperties(rdkit, mol));
    expect(Object.keys(props)).toEqual([...MOLECULAR_PROPERTY_KEYS]);
  });
});

describe("ixazomib citrate", () => {
  const smiles = "B1([C@H](CC(C)C)NC(=O)CNC(=O)c2cc(Cl)ccc2Cl)OC(=O)C(CC(=O)O)(CC(=O)O)O1";

  it("has the guide's formula and, with IUPAC conventional weights, its 517.12 g/mol", () => {
    withMolecule(rdkit, { smiles }, (mol) => {
      const props = computeProperties(rdkit, mol);
      expect(props.formula).toBe("C20H23BCl2N2O9");
      const mass = conventionalAverageMass(elementCountsOf(mol).counts);
      // Guide: 517.12 (2 decimals): agreement to half a unit in the last digit.
      expect(Math.abs((mass?.value ?? 0) - 517.12)).toBeLessThanOrEqual(0.005);
      // RDKit's own table gives 517.127 (shared/reference/compounds.md).
      expect(props.averageMass).toBeCloseTo(517.127, 3);
    });
  });

  it("has RDKit's NumHBD/NumHBA 4/7, not the Lipinski N/O counts", () => {
    const props = withMolecule(rdkit, { smiles }, (mol) => computeProperties(rdkit, mol));
    expect([props.hbd, props.hba, props.lipinskiHbd, props.lipinskiHba]).toEqual([4, 7, 4, 11]);
  });

  it("has the monoisotopic mass of shared/reference (11B, 35Cl): 516.087366", () => {
    const props = withMolecule(rdkit, { smiles }, (mol) => computeProperties(rdkit, mol));
    expect(props.monoisotopicMass).toBeCloseTo(516.087366, 5);
  });
});
