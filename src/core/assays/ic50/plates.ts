/**
 * The plate side of the proteasome-inhibition (IC50) assay: kinetic reads → well rates → control
 * statistics, Z' and % activity (DEFINITIONS.md §1–2 in `shared/testdata/ic50/`).
 */
export {
  type AnalysePlatesOptions,
  analysePlates,
  type PlateAnalysis,
  type PlateError,
  type PlateSummary,
  type ResolvedAnalysePlatesOptions,
  type WellResult,
} from "./analysePlates.js";
export { type KineticPlate, type KineticReads, type KineticWell, wellReads } from "./kineticReads.js";
export {
  LINEAR_RANGE_DEFAULTS,
  type LinearRangeOptions,
  type LinearRangeRate,
  linearRangeRate,
  linearRangeRateResolved,
  type ResolvedLinearRangeOptions,
  resolveLinearRangeOptions,
} from "./linearRange.js";
export { mergeKineticReads } from "./mergeKineticReads.js";
export { normaliseRates, pctActivity, toNormalizedPoints } from "./normalise.js";
export type { NormalizedPoint } from "./normalizedPoint.js";
export { olsSlope } from "./olsSlope.js";
export {
  type LayoutPlate,
  type LayoutWell,
  type PlateLayout,
  WELL_ROLES,
  type WellRole,
} from "./plateLayout.js";
export { PLATE_QC_DEFAULTS, type PlateQc, type PlateQcOptions, plateQc } from "./plateQc.js";
export type { PlateInfo, PlateTable } from "./plateTable.js";
export {
  formatWellId,
  PLATE_FORMATS,
  type PlateFormat,
  parseWellId,
  plateFormatFor,
  plateFormatOfGrid,
  rowLetters,
  type WellPosition,
} from "./wellId.js";
export {
  type ResolvedWellRateOptions,
  resolveWellRateOptions,
  WELL_RATE_DEFAULTS,
  type WellRate,
  type WellRateOptions,
  wellRate,
  wellRateResolved,
} from "./wellRate.js";
