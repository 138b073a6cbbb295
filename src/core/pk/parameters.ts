import { ValidationError, type ValidationIssue } from "../errors.js";
import type { PkModel } from "./model.js";

/** Parameters that may be 0 (all others must be > 0). */
const MAY_BE_ZERO = new Set(["tlag"]);

/**
 * Individual parameter values: the model's typical values, replaced by `overrides`, then multiplied by
 * the covariate effects `(value/reference)^exponent` for every covariate given (a covariate left out
 * sits at its reference, i.e. no effect). Overrides therefore replace *typical* values: pass individual
 * (already covariate-adjusted) values without `covariates`.
 * @param overrides e.g. `{ CL: 1.05, V2: 6.66 }`; names are case-sensitive model parameter names.
 * @param covariates e.g. `{ BSA: 2.1 }` (units as in `model.covariates`).
 * @returns a fresh record, one entry per model parameter.
 * @throws ValidationError (an InputError) naming every unknown parameter or covariate and every value
 *   that is not finite and > 0 (tlag may be 0), e.g.
 *   `invalid parameters for model 'ixazomib-gupta2017': overrides.Cl: unknown parameter; known: ka, CL, …`.
 * @example resolveParameters(findPkModel("ixazomib-gupta2017"), { CL: 1.05 }, { BSA: 2.0 }).V4 // 205·(2/1.87)^2.06
 */
export function resolveParameters(
  model: PkModel,
  overrides: Record<string, number> = {},
  covariates: Record<string, number> = {},
): Record<string, number> {
  const issues: ValidationIssue[] = [];
  const params: Record<string, number> = {};
  for (const p of model.parameters) params[p.name] = p.value;
  const known = model.parameters.map((p) => p.name).join(", ");
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(params, name)) {
      issues.push({ path: `overrides.${name}`, message: `unknown parameter; known: ${known}` });
      continue;
    }
    const problem = checkValue(name, value);
    if (problem) issues.push({ path: `overrides.${name}`, message: problem });
    else params[name] = value;
  }
  for (const [name, value] of Object.entries(covariates)) {
    const effects = model.covariates.filter((c) => c.name === name);
    if (effects.length === 0) {
      const knownCov = model.covariates.map((c) => c.name).join(", ") || "none";
      issues.push({ path: `covariates.${name}`, message: `unknown covariate; known: ${knownCov}` });
      continue;
    }
    if (!(Number.isFinite(value) && value > 0)) {
      issues.push({ path: `covariates.${name}`, message: `must be a finite number > 0, found ${value}` });
      continue;
    }
    for (const c of effects) {
      if (Object.hasOwn(params, c.appliesTo))
        params[c.appliesTo] = params[c.appliesTo]! * (value / c.reference) ** c.exponent;
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, `invalid parameters for model '${model.id}'`);
  return params;
}

/** Why a parameter value is unusable, or null. */
export function checkValue(name: string, value: number): string | null {
  if (MAY_BE_ZERO.has(name)) {
    return Number.isFinite(value) && value >= 0 ? null : `must be a finite number ≥ 0, found ${value}`;
  }
  return Number.isFinite(value) && value > 0 ? null : `must be a finite number > 0, found ${value}`;
}
