export { snipBackground } from "./background.js";
export {
  ANODE_WAVELENGTHS,
  type Diffractogram,
  isPlausibleWavelength,
  type Wavelength,
  wavelengthFrom,
} from "./diffractogram.js";
export { stripKAlpha2 } from "./kAlpha2.js";
export {
  type FormMatch,
  MATCH_DEFAULTS,
  type MatchOptions,
  matchPattern,
  type PatternMatch,
  type PeakPair,
  type ReferenceForm,
  type StickPeak,
} from "./match.js";
export {
  findPowderPeaks,
  noiseSigma,
  PEAK_SEARCH_DEFAULTS,
  type PeakSearchOptions,
  type PowderPeak,
} from "./peaks.js";
export {
  braggD,
  braggTwoTheta,
  type PeakListEntry,
  PROCESS_DEFAULTS,
  type ProcessedPattern,
  type ProcessOptions,
  processPattern,
} from "./processPattern.js";
export {
  CU_K_ALPHA,
  pseudoVoigt,
  referencePeaksOf,
  SYNTHETIC_FORMS,
  type SyntheticForm,
  type SyntheticPatternSpec,
  simulatePattern,
  TYPICAL_CU_SCAN,
} from "./synthetic.js";
