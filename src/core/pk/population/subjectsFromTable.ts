import { InputError, isInputError } from "../../errors.js";
import type { PkModel } from "../model.js";
import { resolveParameters } from "../parameters.js";

/**
 * Individual parameters from a table of subjects (a parsed `params.csv`): in each row, names that are
 * model covariates (e.g. `BSA`) are covariates and every other name overrides that parameter's typical
 * value (`resolveParameters`: overrides first, then covariate effects on top — so give either an
 * individual V4 or a BSA, not both, unless the V4 is the value at the reference BSA).
 * @returns one full parameter record per row, in order
 * @throws InputError naming the row's id for an unknown name or an unusable value
 * @example subjectsFromTable(model, [{ id: "1", values: { CL: 1.2, BSA: 2.0 } }])
 */
export function subjectsFromTable(
  model: PkModel,
  rows: readonly { id: string; values: Record<string, number> }[],
): Record<string, number>[] {
  const covariateNames = new Set(model.covariates.map((c) => c.name));
  return rows.map((row) => {
    const overrides: Record<string, number> = {};
    const covariates: Record<string, number> = {};
    for (const [name, value] of Object.entries(row.values)) {
      if (covariateNames.has(name)) covariates[name] = value;
      else overrides[name] = value;
    }
    try {
      return resolveParameters(model, overrides, covariates);
    } catch (error) {
      if (isInputError(error)) throw new InputError(`subject ${row.id}: ${error.message}`);
      throw error;
    }
  });
}
