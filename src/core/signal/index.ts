/**
 * Shared typed-array numerics for spectra and chromatograms: baselines, smoothing, noise, integration.
 * Every function takes and returns `Float64Array`s and never allocates more than its output.
 */
export {
  BASELINE_ALS_DEFAULTS,
  type BaselineAlsOptions,
  baselineAls,
  whittakerSmooth,
} from "./baselineAls.js";
export { areaAboveCurve, areaAboveLine, crossing, parabolicPeak } from "./integrate.js";
export { differenceNoiseSigma, type NoiseEstimate, noiseOf, quietestNoise } from "./noise.js";
export { savitzkyGolay, savitzkyGolayWeights } from "./savitzkyGolay.js";
