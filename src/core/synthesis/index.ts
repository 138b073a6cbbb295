/** Synthesis routes as data: RDKit-checked equations, planning backwards from a target mass, batch yields. */
export { type BatchYield, batchYield } from "./batchYield.js";
export {
  type CheckedInput,
  type CheckedRoute,
  type CheckedSpecies,
  type CheckedStep,
  checkRoute,
} from "./checkRoute.js";
export { type CoProductCount, coProductText, groupCoProducts } from "./coProducts.js";
export { type DepictReactionOptions, depictReactionSvg } from "./depictReaction.js";
export { type LineageLink, type LineageNode, lineageTree } from "./lineage.js";
export { type PlannedInput, type PlannedStep, planRoute, type RoutePlan } from "./planRoute.js";
export type { InputRole, Route, RouteAssumption, RouteInput, RouteSpecies, RouteStep } from "./types.js";
