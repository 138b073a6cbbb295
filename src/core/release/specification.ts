/** One diagnostic ¹H region an NMR spectrum must show, with the protons it integrates for. */
export interface NmrSignal {
  label: string;
  from_ppm: number;
  to_ppm: number;
  protons: number;
}

/** How a test reads its analysis result: one variant per quantity Ixalab can judge. */
export type TestCriterion =
  | { type: "hplc.purity"; minPercent: number }
  | { type: "hplc.maxSingleImpurity"; maxPercent: number }
  | { type: "ms.ion"; ion: string; maxAbsPpm: number; minIsotopeScore: number }
  | {
      type: "nmr.conforms";
      nucleus: string;
      signals: NmrSignal[];
      /** Allowed relative deviation of each region's integral ratio to the reference region's. */
      integralTolerance: number;
      /** Label of the signal the integrals are normalised to. */
      referenceSignal: string;
    }
  | { type: "xrpd.form"; reference: string; minScore: number };

/** One line of a specification: which analysis kind, what is measured, the limit, and why. */
export interface SpecificationTest {
  id: string;
  title: string;
  /** The analysis kind whose latest result for the batch is judged. */
  kind: string;
  criterion: TestCriterion;
  source: string;
}

/** What a material must meet to be released, as data. */
export interface Specification {
  id: string;
  /** Catalog compound id of the material. */
  material: string;
  version: number;
  title: string;
  tests: SpecificationTest[];
}

/** An analysis the evaluator may use: its kind, when it was made and its result. */
export interface EvaluatedAnalysis {
  id: string;
  kind: string;
  /** ISO 8601; the latest analysis of each kind is the one judged. */
  createdAt: string;
  result: unknown;
}

/** The verdict of one test. `not tested` and `invalid` (a result lacking the quantity) block release. */
export type TestStatus = "pass" | "fail" | "not tested" | "invalid";

/** One evaluated line: the value found, the limit, and the verdict. */
export interface TestEvaluation {
  testId: string;
  title: string;
  kind: string;
  analysisId: string | null;
  /** The measured value (number, or text such as a form's name), null when not tested. */
  value: number | string | null;
  /** The limit as printed on a certificate, e.g. "≥ 98.0 %". */
  limit: string;
  status: TestStatus;
  detail: string;
}

/** The evaluation of a specification: `pass` only when every test passes. */
export interface SpecificationEvaluation {
  specificationId: string;
  specificationVersion: number;
  material: string;
  outcome: "pass" | "fail" | "incomplete";
  tests: TestEvaluation[];
}
