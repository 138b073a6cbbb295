export { fCdf, fQuantile } from "./fDistribution.js";
export {
  type BetaTails,
  inverseRegularizedBeta,
  logBeta,
  logGamma,
  regularizedBeta,
} from "./specialFunctions.js";
export { tCdf, tQuantile, tSurvival } from "./studentT.js";
