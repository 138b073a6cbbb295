import { InputError } from "../errors.js";
import type { ReactionTerm } from "./reaction.js";

/**
 * Converts a mass of one species into the stoichiometrically equivalent mass of another species of the
 * same reaction: mg_to = mg_from / M_from × (ν_to / ν_from) × M_to.
 * @throws InputError when the dose is not a finite number ≥ 0.
 * @example convertDoseMg(4, ixazomibTerm, citrateTerm) // ≈ 5.729 (4 mg ixazomib as the citrate)
 */
export function convertDoseMg(doseMg: number, from: ReactionTerm, to: ReactionTerm): number {
  if (!Number.isFinite(doseMg) || doseMg < 0) {
    throw new InputError(`dose: expected a number of mg ≥ 0, found ${doseMg}`);
  }
  const moles = doseMg / from.species.averageMass / from.coefficient;
  return moles * to.coefficient * to.species.averageMass;
}
