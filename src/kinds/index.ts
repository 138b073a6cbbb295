export { type ChemPropsParameters, chemPropsKind } from "./chemProps.js";
export type {
  AnalysisKind,
  InputSpec,
  KindOutcome,
  RunContext,
  SuppliedInput,
  SuppliedInputs,
} from "./kind.js";
export { ANALYSIS_KINDS, findKind } from "./registry.js";
export { runAnalysis, validateInputs, validateParameters } from "./runAnalysis.js";
