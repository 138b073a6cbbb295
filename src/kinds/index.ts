export { type ChemPropsParameters, chemPropsKind } from "./chemProps.js";
export type { AnalysisKind, KindOutcome, RunContext, SuppliedInput } from "./kind.js";
export { ANALYSIS_KINDS, findKind } from "./registry.js";
export { runAnalysis, validateParameters } from "./runAnalysis.js";
