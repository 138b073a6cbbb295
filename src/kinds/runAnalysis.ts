import { ValidationError } from "../core/errors.js";
import { makeEnvelope, type ProvenanceEnvelope } from "../core/provenance.js";
import { IXALAB_VERSION } from "../version.js";
import type { AnalysisKind, RunContext, SuppliedInput } from "./kind.js";

/**
 * Validates parameters against the kind's schema, runs it and wraps the result in the provenance envelope.
 * @throws ValidationError listing every bad parameter, before any work starts.
 */
export async function runAnalysis<P, R>(
  kind: AnalysisKind<P, R>,
  rawParameters: unknown,
  inputs: SuppliedInput[],
  ctx: RunContext,
): Promise<ProvenanceEnvelope<P, R>> {
  const parameters = validateParameters(kind, rawParameters);
  const startedAt = ctx.now();
  const { result, warnings } = await kind.run(parameters, inputs, ctx);
  return makeEnvelope({
    kind: kind.id,
    ixalabVersion: IXALAB_VERSION,
    startedAt,
    finishedAt: ctx.now(),
    inputs: inputs.map((i) => i.ref),
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
