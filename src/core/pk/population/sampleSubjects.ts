import { InputError } from "../../errors.js";
import type { PkModel } from "../model.js";
import { resolveParameters } from "../parameters.js";
import type { Rng } from "./createRng.js";
import { sampleEtas } from "./sampleEtas.js";

/** Options of {@link sampleSubjects}. */
export interface SampleSubjectsOptions {
  /**
   * Covariates per subject (e.g. `{ BSA: 1.9 }`, units as in `model.covariates`): one record for all
   * subjects, or an array with one record per subject. Missing covariates sit at their reference.
   */
  covariates?: Record<string, number> | readonly Record<string, number>[];
}

/**
 * Samples `n` virtual subjects from the model's inter-individual variability: η ~ N(0, Ω) with the
 * model's full Ω (correlations included, via Cholesky), then P_i = θ_i · exp(η) for each IIV parameter,
 * where θ_i is the typical value adjusted for subject i's covariates (`resolveParameters`). Parameters
 * without IIV keep θ_i. Log-normal F is not truncated at 1, as in the published model.
 * @returns one full parameter record per subject (model units), ready for `simulateConcentrations`
 * @throws InputError for n that is not a whole number ≥ 0, a covariate array of the wrong length, an
 *   IIV name the model does not have, or (ValidationError) an unknown covariate
 * @example sampleSubjects(findPkModel("ixazomib-gupta2017"), 1000, createRng(20240601))
 */
export function sampleSubjects(
  model: PkModel,
  n: number,
  rng: Rng,
  options: SampleSubjectsOptions = {},
): Record<string, number>[] {
  const covariates = options.covariates;
  // Array.isArray does not narrow a readonly array type, so tell the two forms apart once, here.
  const perSubject = Array.isArray(covariates)
    ? (covariates as readonly Record<string, number>[])
    : undefined;
  const forAll = perSubject ? undefined : (covariates as Record<string, number> | undefined);
  if (perSubject && perSubject.length !== n) {
    throw new InputError(`covariates: ${perSubject.length} records for ${n} subjects; give one per subject`);
  }
  const names = model.iiv.names;
  const k = names.length;
  const typical = resolveParameters(model);
  for (const name of names) {
    if (!Object.hasOwn(typical, name)) {
      throw new InputError(`model '${model.id}': IIV on '${name}', which is not one of its parameters`);
    }
  }
  const eta = sampleEtas(model.iiv.omega, k, n, rng);
  const shared = forAll ? resolveParameters(model, {}, forAll) : typical;
  const subjects: Record<string, number>[] = new Array(n);
  for (let s = 0; s < n; s++) {
    const own = perSubject?.[s];
    const params = own ? resolveParameters(model, {}, own) : { ...shared };
    for (let i = 0; i < k; i++) params[names[i]!] = params[names[i]!]! * Math.exp(eta[s * k + i]!);
    subjects[s] = params;
  }
  return subjects;
}
