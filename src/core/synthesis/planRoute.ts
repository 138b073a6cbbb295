import { InputError } from "../errors.js";
import type { CheckedRoute } from "./checkRoute.js";
import type { InputRole } from "./types.js";

/** Amounts of one input of a planned step. */
export interface PlannedInput {
  name: string;
  role: InputRole;
  formula: string;
  molarMass_g_mol: number;
  equivalents: number | null;
  mol: number;
  /** Mass of the substance itself (for a solution: of the solute). */
  g: number;
  /** Volume to measure: liquids g/density, solutions mol/concentration, solvents by their mL/g ratio; null for solids. */
  mL: number | null;
  /** Mass this input adds to the process mass intensity (a solution counts with its solvent); 0 for intermediates. */
  pmiMass_g: number;
  /** False for an intermediate made by an earlier step of the route. */
  rawMaterial: boolean;
}

/** One planned step. */
export interface PlannedStep {
  index: number;
  name: string;
  yieldPct: number;
  inputs: PlannedInput[];
  product: { name: string; formula: string; molarMass_g_mol: number; mol: number; g: number };
}

/** Amounts for every input of every step to make a target mass of the route's product. */
export interface RoutePlan {
  routeId: string;
  target_g: number;
  steps: PlannedStep[];
  /** Π step yields, %. */
  overallYieldPct: number;
  /** Raw materials (reagents, catalysts, solvents; not intermediates) in g. */
  rawMaterials_g: number;
  /** Process mass intensity: raw materials per g of product (ACS GCI definition). */
  pmi: number;
  /** E-factor (Sheldon): waste per g of product = PMI − 1 when everything not isolated as product is waste. */
  eFactor: number;
}

/**
 * Plans a route backwards from the target mass: the last step's product moles from the target, each step's
 * limiting moles = its product moles / its yield, the previous product = this limiting input; every other
 * input by its equivalents (solvents by volume per g of the limiting input).
 * @param yieldsPct one yield per step in (0, 100]; the route's expected yields when omitted.
 * @throws InputError for a non-positive target, a wrong number of yields or a yield outside (0, 100].
 */
export function planRoute(route: CheckedRoute, targetG: number, yieldsPct?: readonly number[]): RoutePlan {
  if (!Number.isFinite(targetG) || targetG <= 0) {
    throw new InputError(`target mass: expected a positive number of grams, found ${targetG}`);
  }
  const yields = yieldsPct ?? route.steps.map((s) => s.expectedYieldPct);
  if (yields.length !== route.steps.length) {
    throw new InputError(
      `yields: expected ${route.steps.length} values (one per step of ${route.id}), found ${yields.length}`,
    );
  }
  for (const [i, y] of yields.entries()) {
    if (!Number.isFinite(y) || y <= 0 || y > 100) {
      throw new InputError(`yields: step ${i + 1}: expected a percentage in (0, 100], found ${y}`);
    }
  }
  const planned: PlannedStep[] = [];
  let productMol = targetG / route.steps[route.steps.length - 1]!.product.molarMass_g_mol;
  for (let k = route.steps.length - 1; k >= 0; k--) {
    const step = route.steps[k]!;
    const yieldPct = yields[k]!;
    const limitingMol = productMol / (yieldPct / 100);
    const limiting = step.inputs.find((i) => i.role === "limiting");
    if (!limiting) throw new InputError(`route ${route.id} step ${step.index}: no limiting input`);
    const limitingG = limitingMol * limiting.molarMass_g_mol;
    const inputs = step.inputs.map((input): PlannedInput => {
      const rawMaterial = input.fromStep === undefined;
      const base = {
        name: input.name,
        role: input.role,
        formula: input.formula,
        molarMass_g_mol: input.molarMass_g_mol,
        equivalents: input.equivalents,
        rawMaterial,
      };
      if (input.role === "solvent") {
        const mL = (input.volume_mL_per_g ?? 0) * limitingG;
        const g = mL * (input.density_g_mL ?? Number.NaN);
        return { ...base, mol: g / input.molarMass_g_mol, g, mL, pmiMass_g: rawMaterial ? g : 0 };
      }
      const eq = input.role === "limiting" ? 1 : (input.equivalents ?? Number.NaN);
      const mol = limitingMol * eq;
      const g = mol * input.molarMass_g_mol;
      let mL: number | null = null;
      let pmiMass_g = g;
      if (input.concentration_mol_L !== undefined) {
        mL = (mol / input.concentration_mol_L) * 1000;
        // A solution's whole mass enters the process; without its density only the solute is known.
        if (input.density_g_mL !== null) pmiMass_g = mL * input.density_g_mL;
      } else if (input.density_g_mL !== null) {
        mL = g / input.density_g_mL;
      }
      return { ...base, mol, g, mL, pmiMass_g: rawMaterial ? pmiMass_g : 0 };
    });
    planned.unshift({
      index: step.index,
      name: step.name,
      yieldPct,
      inputs,
      product: {
        name: step.product.name,
        formula: step.product.formula,
        molarMass_g_mol: step.product.molarMass_g_mol,
        mol: productMol,
        g: productMol * step.product.molarMass_g_mol,
      },
    });
    productMol = limitingMol;
  }
  const rawMaterials_g = planned.reduce((sum, s) => sum + s.inputs.reduce((t, i) => t + i.pmiMass_g, 0), 0);
  const overallYieldPct = yields.reduce((p, y) => p * (y / 100), 1) * 100;
  return {
    routeId: route.id,
    target_g: targetG,
    steps: planned,
    overallYieldPct,
    rawMaterials_g,
    pmi: rawMaterials_g / targetG,
    eFactor: (rawMaterials_g - targetG) / targetG,
  };
}
