export { fCdf, fQuantile } from "./fDistribution.js";
export { type LeastSquaresLine, leastSquaresLine } from "./leastSquaresLine.js";
export { medianInPlace, percentileInPlace } from "./orderStatistics.js";
export {
  type BetaTails,
  inverseRegularizedBeta,
  logBeta,
  logGamma,
  regularizedBeta,
} from "./specialFunctions.js";
export { tCdf, tQuantile, tSurvival } from "./studentT.js";
