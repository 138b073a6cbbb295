import { InputError } from "../errors.js";

/** A batch's yield against what its limiting input could give at most. */
export interface BatchYield {
  theoretical_g: number;
  actual_g: number;
  /** actual / theoretical × 100. */
  yieldPct: number;
}

/**
 * The yield of a step from the mass of limiting input used and the product isolated (1:1 stoichiometry of
 * the route's steps): theoretical = limiting g / limiting MW × product MW.
 * @throws InputError for non-positive or non-finite masses.
 */
export function batchYield(
  limitingInput_g: number,
  limitingMolarMass_g_mol: number,
  productMolarMass_g_mol: number,
  actual_g: number,
): BatchYield {
  for (const [name, v] of [
    ["input mass", limitingInput_g],
    ["limiting molar mass", limitingMolarMass_g_mol],
    ["product molar mass", productMolarMass_g_mol],
  ] as const) {
    if (!Number.isFinite(v) || v <= 0)
      throw new InputError(`${name}: expected a positive number, found ${v}`);
  }
  if (!Number.isFinite(actual_g) || actual_g < 0) {
    throw new InputError(`actual mass: expected a number ≥ 0, found ${actual_g}`);
  }
  const theoretical_g = (limitingInput_g / limitingMolarMass_g_mol) * productMolarMass_g_mol;
  return { theoretical_g, actual_g, yieldPct: (actual_g / theoretical_g) * 100 };
}
