export {
  type CheckedReferenceValue,
  type ComputedQuantity,
  compareReference,
  halfLastDigit,
  type ReferenceComparison,
  type ReferenceValue,
} from "./compareReference.js";
export {
  type ConventionalMass,
  computeProperties,
  conventionalAverageMass,
  elementCountsOf,
  MOLECULAR_PROPERTY_KEYS,
  type MolecularProperties,
  monoisotopicMassOf,
} from "./computeProperties.js";
export { convertDoseMg } from "./convertDose.js";
export { type DepictOptions, depictSvg } from "./depict.js";
export {
  CONVENTIONAL_ATOMIC_WEIGHTS,
  CONVENTIONAL_WEIGHTS_METHOD,
  ELEMENT_SYMBOLS,
  MOST_ABUNDANT_ISOTOPE_MASSES,
} from "./elements.js";
export { addCounts, type ElementCounts, hillFormula } from "./formula.js";
export { parseMolecule, type StructureInput, withMolecule } from "./parseMolecule.js";
export type { RDKit, RDKitMol } from "./rdkit.js";
export {
  checkReactionBalance,
  type ReactionBalance,
  type ReactionTerm,
  type ReactionTermSummary,
  type Species,
} from "./reaction.js";
export { type RuleOfFiveCheck, type RuleOfFiveInputs, ruleOfFive } from "./ruleOfFive.js";
