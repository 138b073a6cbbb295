export {
  type ChemLibraryResult,
  chemLibraryKind,
  type LibraryRow,
  MAX_LIBRARY_STRUCTURES,
} from "./chemLibrary.js";
export { type ChemPropsParameters, chemPropsKind } from "./chemProps.js";
export {
  type FlowApoptosisParameters,
  type FlowApoptosisResult,
  flowApoptosisKind,
} from "./flowApoptosis.js";
export { type FlowGateResult, flowGateKind } from "./flowGate.js";
export { type FlowDatasetInfo, type FlowInfoResult, flowInfoKind } from "./flowInfo.js";
export { type HplcAnalyzeParameters, type HplcAnalyzeResult, hplcAnalyzeKind } from "./hplcAnalyze.js";
export {
  type HplcSuitabilityParameters,
  type HplcSuitabilityResult,
  hplcSuitabilityKind,
} from "./hplcSuitability.js";
export { type Ic50FitParameters, type Ic50FitResult, ic50FitKind } from "./ic50Fit.js";
export {
  type Ic50PlateRow,
  type Ic50RunParameters,
  type Ic50RunResult,
  type Ic50WellRow,
  ic50RunKind,
} from "./ic50Run.js";
export type {
  AnalysisKind,
  InputSpec,
  KindOutcome,
  ParallelRunner,
  RunContext,
  SuppliedInput,
  SuppliedInputs,
} from "./kind.js";
export {
  type MsConfirmParameters,
  type MsConfirmResult,
  msConfirmKind,
  type ObservedWindow,
} from "./msConfirm.js";
export {
  DEFAULT_ELEMENT_RANGES,
  type MsFormulaParameters,
  type MsFormulaResult,
  msFormulaKind,
} from "./msFormula.js";
export { type MsIsotopesParameters, type MsIsotopesResult, msIsotopesKind } from "./msIsotopes.js";
export {
  type NmrIntegrateParameters,
  type NmrIntegrateResult,
  nmrIntegrateKind,
} from "./nmrIntegrate.js";
export { type NmrProcessParameters, type NmrProcessResult, nmrProcessKind } from "./nmrProcess.js";
export {
  EXPECTED_LISTS,
  type NmrExpectedResult,
  type NmrPeakRow,
  type NmrRangeRow,
  type NmrSummary,
  parsePpmRanges,
} from "./nmrShared.js";
export { type PkNcaParameters, type PkNcaResult, pkNcaKind } from "./pkNca.js";
export { type PkPlateletsParameters, type PkPlateletsResult, pkPlateletsKind } from "./pkPlatelets.js";
export { type PkPopulationParameters, type PkPopulationResult, pkPopulationKind } from "./pkPopulation.js";
export { type PkSimulateParameters, type PkSimulateResult, pkSimulateKind } from "./pkSimulate.js";
export { ANALYSIS_KINDS, findKind } from "./registry.js";
export { runAnalysis, validateInputs, validateParameters } from "./runAnalysis.js";
export { type XrpdMatchParameters, type XrpdMatchResult, xrpdMatchKind } from "./xrpdMatch.js";
export { type XrpdPeaksParameters, type XrpdPeaksResult, xrpdPeaksKind } from "./xrpdPeaks.js";
