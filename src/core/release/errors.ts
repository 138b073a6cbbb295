import { InputError } from "../errors.js";
import type { SpecificationEvaluation } from "./specification.js";

/** A release was asked for a batch whose evaluation is not a pass: the failing and untested lines say why. */
export class ReleaseBlockedError extends InputError {
  override name = "ReleaseBlockedError";
  constructor(
    readonly batchId: string,
    readonly evaluation: SpecificationEvaluation,
  ) {
    const lines = evaluation.tests
      .filter((t) => t.status !== "pass")
      .map((t) => `${t.title}: ${t.status}${t.value !== null ? ` (${t.value}, limit ${t.limit})` : ""}`);
    super(
      `batch '${batchId}' cannot be released: specification ${evaluation.specificationId} ${evaluation.outcome === "fail" ? "failed" : "is incomplete"} — ${lines.join("; ")}`,
    );
  }
}

/** An electronic signature was refused: unknown user or wrong password (which one is not said). */
export class SignatureError extends InputError {
  override name = "SignatureError";
}
