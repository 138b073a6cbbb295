import { describe, expect, it } from "vitest";
import { convertDoseMg } from "./convertDose.js";
import { checkReactionBalance, type Species } from "./reaction.js";

const species = (
  id: string,
  formula: string,
  counts: Record<string, number>,
  averageMass: number,
): Species => ({
  id,
  name: id,
  formula,
  counts,
  charge: 0,
  averageMass,
  monoisotopicMass: 0,
});
// Masses from IUPAC conventional weights (shared/reference/compounds.md).
const citrate = species(
  "ixazomib-citrate",
  "C20H23BCl2N2O9",
  { C: 20, H: 23, B: 1, Cl: 2, N: 2, O: 9 },
  517.119,
);
const water = species("water", "H2O", { H: 2, O: 1 }, 18.015);
const ixazomib = species("ixazomib", "C14H19BCl2N2O4", { C: 14, H: 19, B: 1, Cl: 2, N: 2, O: 4 }, 361.026);
const citric = species("citric-acid", "C6H8O7", { C: 6, H: 8, O: 7 }, 192.123);

describe("checkReactionBalance", () => {
  it("balances the hydrolysis only with two waters", () => {
    const products = [
      { species: ixazomib, coefficient: 1 },
      { species: citric, coefficient: 1 },
    ];
    const two = checkReactionBalance(
      [
        { species: citrate, coefficient: 1 },
        { species: water, coefficient: 2 },
      ],
      products,
    );
    expect(two.balanced).toBe(true);
    expect(two.equation).toBe("C20H23BCl2N2O9 + 2 H2O -> C14H19BCl2N2O4 + C6H8O7");
    expect(two.massBalance.reactants).toBeCloseTo(two.massBalance.products, 9);
    const one = checkReactionBalance(
      [
        { species: citrate, coefficient: 1 },
        { species: water, coefficient: 1 },
      ],
      products,
    );
    expect(one.balanced).toBe(false);
    expect(one.elements.H).toEqual({ reactants: 25, products: 27 });
  });
});

describe("convertDoseMg", () => {
  const from = { species: ixazomib, coefficient: 1 };
  const to = { species: citrate, coefficient: 1 };
  it("gives the EU SmPC capsule contents: 4 → 5.7, 3 → 4.3, 2.3 → 3.3 mg citrate", () => {
    expect(convertDoseMg(4, from, to).toFixed(1)).toBe("5.7");
    expect(convertDoseMg(3, from, to).toFixed(1)).toBe("4.3");
    expect(convertDoseMg(2.3, from, to).toFixed(1)).toBe("3.3");
    // shared/reference/compounds.md: citrate/ixazomib mass ratio 1.43235.
    expect(convertDoseMg(1, from, to)).toBeCloseTo(1.43235, 4);
  });
  it("rejects a negative or non-finite dose", () => {
    expect(() => convertDoseMg(-1, from, to)).toThrow("dose: expected a number of mg ≥ 0, found -1");
    expect(() => convertDoseMg(Number.NaN, from, to)).toThrow(/found NaN/);
  });
});
