/** One input file of an analysis, identified by content. */
export interface InputFileRef {
  name: string;
  bytes: number;
  sha256: string;
  format: string;
}

/**
 * The envelope every printed or stored result carries: enough to rerun the analysis and get the same
 * result. See DESIGN.md, "Provenance envelope".
 */
export interface ProvenanceEnvelope<P = unknown, R = unknown> {
  kind: string;
  ixalabVersion: string;
  startedAt: string;
  durationMs: number;
  inputs: InputFileRef[];
  parameters: P;
  warnings: string[];
  result: R;
}

/** Wraps a result in its envelope. Time values are passed in: the core reads no clock. */
export function makeEnvelope<P, R>(fields: {
  kind: string;
  ixalabVersion: string;
  startedAt: Date;
  finishedAt: Date;
  inputs?: InputFileRef[];
  parameters: P;
  warnings?: string[];
  result: R;
}): ProvenanceEnvelope<P, R> {
  return {
    kind: fields.kind,
    ixalabVersion: fields.ixalabVersion,
    startedAt: fields.startedAt.toISOString(),
    durationMs: Math.max(0, fields.finishedAt.getTime() - fields.startedAt.getTime()),
    inputs: fields.inputs ?? [],
    parameters: fields.parameters,
    warnings: fields.warnings ?? [],
    result: fields.result,
  };
}
