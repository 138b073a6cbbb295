import { ValidationError, type ValidationIssue } from "../core/errors.js";
import { makeEnvelope, type ProvenanceEnvelope } from "../core/provenance.js";
import { IXALAB_VERSION } from "../version.js";
import type { AnalysisKind, RunContext, SuppliedInputs } from "./kind.js";

/**
 * Validates parameters and inputs against the kind's declaration, runs it and wraps the result in the
 * provenance envelope (inputs listed in the kind's declared order).
 * @throws ValidationError listing every bad parameter and missing or unknown input, before any work.
 */
export async function runAnalysis<P, R>(
  kind: AnalysisKind<P, R>,
  rawParameters: unknown,
  inputs: SuppliedInputs,
  ctx: RunContext,
): Promise<ProvenanceEnvelope<P, R>> {
  const parameters = validateParameters(kind, rawParameters);
  validateInputs(kind, inputs);
  const startedAt = ctx.now();
  const { result, warnings } = await kind.run(parameters, inputs, ctx);
  return makeEnvelope({
    kind: kind.id,
    ixalabVersion: IXALAB_VERSION,
    startedAt,
    finishedAt: ctx.now(),
    inputs: kind.inputs.flatMap((spec) => inputs[spec.name]?.ref ?? []),
    parameters,
    warnings,
    result,
  });
}

/** @throws ValidationError with one issue per problem, paths prefixed by `parameters`. */
export function validateParameters<P>(kind: AnalysisKind<P, unknown>, raw: unknown): P {
  const parsed = kind.parameters.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({
      path: ["parameters", ...issue.path.map(String)].join("."),
      message: issue.message,
    })),
    `${kind.id}: invalid parameters`,
  );
}

/** @throws ValidationError naming every missing required input and every input the kind does not take. */
export function validateInputs(kind: AnalysisKind<unknown, unknown>, inputs: SuppliedInputs): void {
  const issues: ValidationIssue[] = [];
  for (const spec of kind.inputs) {
    if (spec.required && !inputs[spec.name]) {
      issues.push({ path: `inputs.${spec.name}`, message: `required: ${spec.description}` });
    }
  }
  const known = new Set(kind.inputs.map((s) => s.name));
  for (const name of Object.keys(inputs)) {
    if (!known.has(name)) {
      const expected = kind.inputs.map((s) => s.name).join(", ") || "none";
      issues.push({
        path: `inputs.${name}`,
        message: `${kind.id} takes no input '${name}' (inputs: ${expected})`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, `${kind.id}: invalid inputs`);
}
