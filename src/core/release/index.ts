/** Specifications as data and their evaluation against a batch's analyses (pure). */

export { ReleaseBlockedError, SignatureError } from "./errors.js";
export { evaluateSpecification, limitText, valueText } from "./evaluateSpecification.js";
export type {
  EvaluatedAnalysis,
  NmrSignal,
  Specification,
  SpecificationEvaluation,
  SpecificationTest,
  TestCriterion,
  TestEvaluation,
  TestStatus,
} from "./specification.js";
