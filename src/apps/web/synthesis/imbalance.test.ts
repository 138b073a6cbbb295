import { describe, expect, it } from "vitest";
import { checkReactionBalance, elementCountsOf, type Species } from "../../../core/chem/index.js";
import { loadRdkit } from "../../../io/rdkit/loadRdkit.js";
import { imbalance } from "./imbalance.js";

describe("imbalance", () => {
  it("names the elements and the charge that differ, in the balance's element order", async () => {
    const rdkit = await loadRdkit();
    const species = (id: string, smiles: string): Species => {
      const mol = rdkit.get_mol(smiles)!;
      try {
        const { counts, charge } = elementCountsOf(mol);
        return { id, name: id, formula: id, counts, charge, averageMass: 0, monoisotopicMass: 0 };
      } finally {
        mol.delete();
      }
    };
    // Acid chloride + glycine → amide, HCl left out: one Cl and two H (HCl, and H+ of the carboxylate) missing on the right.
    const unbalanced = checkReactionBalance(
      [
        { species: species("acyl chloride", "CC(=O)Cl"), coefficient: 1 },
        { species: species("glycine", "NCC(=O)O"), coefficient: 1 },
      ],
      [{ species: species("amide", "CC(=O)NCC(=O)[O-]"), coefficient: 1 }],
    );
    expect(unbalanced.balanced).toBe(false);
    expect(imbalance(unbalanced)).toBe("Cl 1 → 0; H 8 → 6; charge 0 → -1");
    const balanced = checkReactionBalance(
      [{ species: species("water", "O"), coefficient: 2 }],
      [
        { species: species("hydrogen", "[H][H]"), coefficient: 2 },
        { species: species("oxygen", "O=O"), coefficient: 1 },
      ],
    );
    expect(imbalance(balanced)).toBe("");
  });
});
