/**
 * RP-HPLC purity: integration of chromatograms (baseline, noise, peaks, drop-perpendicular and tangent
 * skim), area %, and the USP <621> system-suitability figures.
 */
export {
  analyzeChromatogram,
  HPLC_DEFAULTS,
  type HplcAnalysis,
  type HplcOptions,
  type HplcPeak,
  type NamedImpurity,
} from "./analyze.js";
export { subtractBlank } from "./blank.js";
export { type Chromatogram, wavelengthFromSignalName } from "./chromatogram.js";
export { peaksToCsv } from "./peaksToCsv.js";
export {
  maxRsdPct,
  replicateSuitability,
  type SuitabilityCheck,
  type SuitabilityCriteria,
  type SuitabilityResult,
  spreadOf,
} from "./replicates.js";
export {
  emg,
  type SyntheticPeak,
  type SyntheticSpec,
  simulateChromatogram,
} from "./simulateChromatogram.js";
export { platesUsp, resolutionUsp, signalToNoiseUsp, tailingUsp, widthAt } from "./suitability.js";
