export { correctBaseline, median, noiseSigma } from "./baseline.js";
export { type SpectrumEnvelope, spectrumEnvelope } from "./envelope.js";
export {
  compareWithExpected,
  type ExpectedComparison,
  type ExpectedSignal,
  type ExpectedSignalList,
  IXAZOMIB_CITRATE_1H_DMSO,
  parseExpectedSignals,
  type SignalComparison,
} from "./expected.js";
export { fftShifted, nextPowerOfTwo } from "./fft.js";
export { type PickedPeak, pickPeaks } from "./peaks.js";
export {
  acmeCost,
  applyPhase,
  autoPhase,
  nelderMead,
  normaliseDegrees,
  type Phase,
  peakPhase,
} from "./phase.js";
export {
  findReferencePeak,
  integrateRanges,
  NMR_DEFAULTS,
  type NmrProcessed,
  type NmrProcessOptions,
  processNmr,
  type ReferenceMethod,
} from "./process.js";
export { findRanges, type IntegrationRange, integrate, type RangeOptions } from "./ranges.js";
export { type ResidualShare, residualShare } from "./residualShare.js";
export { findSolvent, residualShift, SOLVENT_RESIDUALS } from "./solvents.js";
export { type SyntheticFidOptions, type SyntheticLine, syntheticFid } from "./synthetic.js";
export { type ComplexSpectrum, ppmAxis, type TransformOptions, transformFid } from "./transform.js";
export type { NmrAcquisition, NmrData, NmrFid, NmrOrigin, NmrSpectrum } from "./types.js";
