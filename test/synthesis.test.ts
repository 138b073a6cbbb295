/**
 * The built-in ixazomib citrate route: every equation balanced by RDKit's atom counts (co-products named),
 * the pinanediol's stereodescriptors checked with RDKit's CIP labels, and the plan's amounts checked against
 * molar masses recomputed from the Hill formulae with the CIAAW 2021 conventional weights (test/helpers).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { findRoute } from "../src/catalog/routes.js";
import type { RDKit } from "../src/core/chem/index.js";
import { InputError } from "../src/core/errors.js";
import { batchYield, type CheckedRoute, checkRoute, planRoute } from "../src/core/synthesis/index.js";
import { loadRdkit } from "../src/io/rdkit/loadRdkit.js";
import { molarMass } from "./helpers/ciaawMolarMass.js";

/** |a − b| ≤ 1e-9 · max(1, |b|): the plan's consistency tolerance (the 1e-9). */
function expectClose(a: number, b: number) {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

let rdkit: RDKit;
let route: CheckedRoute;
beforeAll(async () => {
  rdkit = await loadRdkit();
  route = checkRoute(rdkit, findRoute("ixazomib-citrate"));
});

describe("ixazomib citrate route", () => {
  it("has the guide's four steps, each balanced, with the released species named", () => {
    expect(route.steps.map((s) => s.index)).toEqual([1, 2, 3, 4]);
    expect(route.steps.map((s) => s.balanced)).toEqual([true, true, true, true]);
    // Reactants − main product = what the named co-products account for.
    expect(route.steps.map((s) => s.released.formula)).toEqual(["ClH", "H2O", "C14H25BO2", "H4O2"]);
    expect(route.steps.every((s) => s.released.accounted)).toBe(true);
    expect(route.steps[0]!.coProducts[0]!.name).toBe("hydrogen chloride");
    expect(route.steps[2]!.coProducts[0]!.name).toContain("pinanediol");
    for (const step of route.steps) {
      for (const [el, n] of Object.entries(step.balance.elements)) expect(n.reactants, el).toBe(n.products);
    }
  });

  it("chains: each step's limiting input is the previous step's product, the last makes the target", () => {
    for (const step of route.steps.slice(1)) {
      const limiting = step.inputs.find((i) => i.role === "limiting")!;
      const previous = route.steps[step.index - 2]!;
      expect(limiting.fromStep).toBe(previous.index);
      expect(limiting.canonicalSmiles).toBe(previous.product.canonicalSmiles);
    }
    const last = route.steps.at(-1)!.product;
    expect(last.formula).toBe("C20H23BCl2N2O9");
    // The guide's 517.12 g/mol, to half a unit in its last digit.
    expect(Math.abs(last.molarMass_g_mol - 517.12)).toBeLessThanOrEqual(0.005);
    expect(route.steps[2]!.product.formula).toBe("C14H19BCl2N2O4");
  });

  it("uses (1S,2S,3R,5S)-pinanediol and the (1R)-aminoboronate (RDKit CIP labels)", () => {
    const amine = route.steps[1]!.inputs[1]!.smiles;
    const mol = rdkit.get_mol(amine)!;
    try {
      const tags = JSON.parse(mol.get_stereo_tags()) as { CIP_atoms: [number, string][] };
      // Atom order of the SMILES: 1 = C-alpha; 10 = pinane C1, 8 = C2, 17 = C3, 12 = C5.
      expect(Object.fromEntries(tags.CIP_atoms)).toEqual({
        1: "(R)",
        10: "(S)",
        8: "(S)",
        17: "(R)",
        12: "(S)",
      });
    } finally {
      mol.delete();
    }
  });

  it("states its assumptions with sources", () => {
    for (const step of route.steps) {
      for (const a of step.assumptions) expect(a.source.length).toBeGreaterThan(3);
    }
    expect(route.steps[1]!.assumptions.map((a) => a.source).join(" ")).toContain("WO2009154737");
  });
});

describe("planRoute", () => {
  it("gives amounts consistent with the molar masses and equivalents to 1e-9", () => {
    const target = 250;
    const yields = [85, 80, 90, 88];
    const plan = planRoute(route, target, yields);
    expectClose(plan.steps.at(-1)!.product.g, target);
    expectClose(plan.overallYieldPct, 85 * 0.8 * 0.9 * 0.88);
    let raw = 0;
    for (const [k, step] of plan.steps.entries()) {
      const def = route.steps[k]!;
      expectClose(step.product.molarMass_g_mol, molarMass(step.product.formula));
      expectClose(step.product.g, step.product.mol * molarMass(step.product.formula));
      const limiting = step.inputs.find((i) => i.role === "limiting")!;
      expectClose(step.product.mol, limiting.mol * (yields[k]! / 100));
      if (k > 0) expectClose(limiting.mol, plan.steps[k - 1]!.product.mol);
      for (const [j, input] of step.inputs.entries()) {
        const d = def.inputs[j]!;
        const mw = molarMass(input.formula);
        expectClose(input.molarMass_g_mol, mw);
        expectClose(input.g, input.mol * mw);
        if (d.role === "solvent") {
          expectClose(input.mL!, d.volume_mL_per_g! * limiting.g);
          expectClose(input.g, input.mL! * d.density_g_mL!);
        } else {
          expectClose(input.mol, limiting.mol * (d.role === "limiting" ? 1 : d.equivalents!));
          if (d.concentration_mol_L) expectClose(input.mL!, (input.mol / d.concentration_mol_L) * 1000);
          else if (d.density_g_mL) expectClose(input.mL!, input.g / d.density_g_mL);
          else expect(input.mL).toBeNull();
        }
        if (d.fromStep === undefined) {
          raw += d.concentration_mol_L && d.density_g_mL ? input.mL! * d.density_g_mL : input.g;
        } else {
          expect(input.pmiMass_g).toBe(0);
        }
      }
    }
    expectClose(plan.rawMaterials_g, raw);
    expectClose(plan.pmi, raw / target);
    expectClose(plan.eFactor, plan.pmi - 1);
  });

  it("scales linearly with the target and defaults to the route's expected yields", () => {
    const a = planRoute(route, 1);
    const b = planRoute(route, 10);
    expectClose(b.steps[0]!.inputs[0]!.g, 10 * a.steps[0]!.inputs[0]!.g);
    expectClose(a.pmi, b.pmi);
    expect(a.steps.map((s) => s.yieldPct)).toEqual(route.steps.map((s) => s.expectedYieldPct));
  });

  it("refuses a bad target or yields", () => {
    expect(() => planRoute(route, 0)).toThrow(InputError);
    expect(() => planRoute(route, 10, [85, 80])).toThrow("expected 4 values");
    expect(() => planRoute(route, 10, [85, 80, 0, 90])).toThrow("step 3");
    expect(() => planRoute(route, 10, [85, 80, 101, 90])).toThrow(InputError);
  });
});

describe("batchYield", () => {
  it("is actual over theoretical from the limiting input", () => {
    // 10 g of ixazomib (361.026 g/mol) can give at most 10/361.026 × 517.119 g of the citrate.
    const y = batchYield(10, molarMass("C14H19BCl2N2O4"), molarMass("C20H23BCl2N2O9"), 12.5);
    expectClose(y.theoretical_g, (10 / 361.026) * 517.119);
    expectClose(y.yieldPct, (12.5 / y.theoretical_g) * 100);
    expect(() => batchYield(0, 1, 1, 1)).toThrow(InputError);
  });
});
