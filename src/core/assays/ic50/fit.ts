// The curve-fitting part of the IC50 assay's public surface (to be merged into ./index.ts).
export {
  CLASS_RULES,
  type ConcentrationSummary,
  classifyByData,
  summarizeConcentrations,
} from "./classifyCurve.js";
export {
  CURVE_FIT_DEFAULTS,
  type CurveClass,
  type CurveFit,
  type CurveFitOptions,
  fitCurve,
} from "./fitCurve.js";
export { fourPLResponse } from "./fourPL.js";
