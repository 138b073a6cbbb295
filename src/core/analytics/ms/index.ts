/**
 * High-resolution mass spectrometry: formulae and ion notations, exact isotope fine structure and
 * centroids, formula confirmation against a spectrum and a formula generator.
 */
export { type CentroidOptions, centroidSticks } from "./centroidSticks.js";
export {
  CONFIRM_DEFAULTS,
  type ConfirmOptions,
  confirmFormula,
  type FormulaConfirmation,
  type IonConfirmation,
} from "./confirmFormula.js";
export {
  FINE_STRUCTURE_DEFAULTS,
  type FineStructureOptions,
  type IsotopeSticks,
  isotopeFineStructure,
} from "./fineStructure.js";
export {
  type ElementRange,
  FORMULA_SEARCH_DEFAULTS,
  type FormulaCandidate,
  type FormulaSearch,
  type FormulaSearchOptions,
  generateFormulas,
  parseElementRanges,
  rdbeOf,
} from "./generateFormulas.js";
export {
  ELECTRON_MASS_U,
  ISOTOPE_TABLE_METHOD,
  ISOTOPES,
  type Isotope,
  type IsotopeTable,
} from "./isotopeData.js";
export {
  ISOTOPE_PATTERN_DEFAULTS,
  type IsotopePattern,
  type IsotopePatternOptions,
  isotopePattern,
  monoisotopicMz,
  type PatternPeak,
  resolveIon,
} from "./isotopePattern.js";
export { type Adduct, ionCounts, parseAdduct } from "./parseAdduct.js";
export { FormulaError, parseFormula } from "./parseFormula.js";
export {
  PATTERN_SCORE_DEFAULTS,
  type PatternScore,
  type PatternScoreOptions,
  scoreIsotopePattern,
} from "./scoreIsotopePattern.js";
export { type SimulateSpectrumOptions, simulateSpectrum, spectrumToCsv } from "./simulateSpectrum.js";
export { centroidSpectrum, checkSpectrum, type MassSpectrum, mostIntenseIn } from "./spectrum.js";
