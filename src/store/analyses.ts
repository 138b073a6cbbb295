import { randomUUID } from "node:crypto";
import { InputError, NotFoundError, ValidationError, type ValidationIssue } from "../core/errors.js";
import type { ProvenanceEnvelope } from "../core/provenance.js";
import { appendAudit } from "./audit.js";
import { requireCompound } from "./compounds.js";
import type { Queryable } from "./db.js";
import { checkRawFileInputs, putRawFile, type RawFileInput, sha256Hex } from "./rawFiles.js";
import { checkCount, toIso, toJsonParam } from "./sqlValues.js";

/** An analysis result to store, with the files it read. */
export interface SaveAnalysisInput {
  envelope: ProvenanceEnvelope;
  /** Input files, stored by content and linked in this order. */
  files?: RawFileInput[];
  compoundId?: string;
  batchId?: string;
}

/** One input file of a stored analysis. */
export interface StoredAnalysisInput {
  name: string;
  sha256: string;
  /** 0-based position in `files`. */
  position: number;
}

/** A stored analysis: `provenance` is the whole envelope, `parameters` and `result` are copied out of it. */
export interface StoredAnalysis {
  /** UUID. */
  id: string;
  kind: string;
  compoundId: string | null;
  batchId: string | null;
  parameters: unknown;
  result: unknown;
  provenance: ProvenanceEnvelope;
  /** ISO 8601. */
  createdAt: string;
  inputs: StoredAnalysisInput[];
}

/** Filters and paging for {@link listAnalyses}. */
export interface ListAnalysesOptions {
  kind?: string;
  compoundId?: string;
  batchId?: string;
  /** @default 100 */
  limit?: number;
  /** @default 0 */
  offset?: number;
}

/** Defaults of {@link ListAnalysesOptions}. */
export const LIST_ANALYSES_DEFAULTS = { limit: 100, offset: 0 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores an analysis, its input files (by content) and their links, and audits them, inside the caller's
 * transaction.
 * @throws ValidationError for a malformed input, NotFoundError for an unknown compound or batch, InputError
 * when the batch belongs to another compound.
 */
export async function saveAnalysis(
  tx: Queryable,
  actor: string,
  input: SaveAnalysisInput,
): Promise<StoredAnalysis> {
  checkSaveAnalysisInput(input);
  const files = input.files ?? [];
  await requireCompound(tx, input.compoundId);
  await requireBatch(tx, input.batchId, input.compoundId);
  const hashes = files.map((f) => sha256Hex(f.bytes));
  // Store each distinct content once, in hash order, so concurrent savers sharing files lock rows in
  // the same order and cannot deadlock.
  const distinct = [...new Set(hashes)].sort();
  for (const sha of distinct) await putRawFile(tx, actor, files[hashes.indexOf(sha)]!);
  const id = randomUUID();
  const { envelope } = input;
  await tx.query(
    `insert into analyses (id, kind, compound_id, batch_id, parameters, result, provenance)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      envelope.kind,
      input.compoundId ?? null,
      input.batchId ?? null,
      toJsonParam(envelope.parameters, "envelope.parameters"),
      toJsonParam(envelope.result, "envelope.result"),
      toJsonParam(envelope, "envelope"),
    ],
  );
  const inputs = files.map((f, position) => ({ name: f.name, sha256: hashes[position]!, position }));
  for (const i of inputs) {
    await tx.query(
      "insert into analysis_inputs (analysis_id, sha256, name, position) values ($1, $2, $3, $4)",
      [id, i.sha256, i.name, i.position],
    );
  }
  await appendAudit(tx, actor, {
    action: "analysis.create",
    entity: "analysis",
    entityId: id,
    after: {
      kind: envelope.kind,
      compoundId: input.compoundId ?? null,
      batchId: input.batchId ?? null,
      inputs,
    },
  });
  return (await getAnalysis(tx, id))!;
}

/** Reads one analysis with its inputs, or undefined when the id is unknown or is not a UUID. */
export async function getAnalysis(db: Queryable, id: string): Promise<StoredAnalysis | undefined> {
  // Checked here because PostgreSQL rejects malformed uuid text with an error, not an empty result.
  if (typeof id !== "string" || !UUID.test(id)) return undefined;
  const [row] = await db.query<AnalysisRow>(`${SELECT} where a.id = $1`, [id]);
  return row && toStoredAnalysis(row);
}

/**
 * Lists analyses with their inputs, newest first.
 * @throws InputError when `limit` is not an integer from 1 to 10 000 or `offset` is negative.
 */
export async function listAnalyses(
  db: Queryable,
  options: ListAnalysesOptions = {},
): Promise<StoredAnalysis[]> {
  const limit = checkCount(options.limit, LIST_ANALYSES_DEFAULTS.limit, "limit");
  const offset = checkCount(
    options.offset,
    LIST_ANALYSES_DEFAULTS.offset,
    "offset",
    0,
    Number.MAX_SAFE_INTEGER,
  );
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [column, value] of [
    ["a.kind", options.kind],
    ["a.compound_id", options.compoundId],
    ["a.batch_id", options.batchId],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
  params.push(limit, offset);
  const rows = await db.query<AnalysisRow>(
    `${SELECT} ${where.length ? `where ${where.join(" and ")}` : ""}
     order by a.created_at desc, a.id desc limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return rows.map(toStoredAnalysis);
}

async function requireBatch(tx: Queryable, batchId: string | undefined, compoundId: string | undefined) {
  if (batchId === undefined) return;
  const [batch] = await tx.query<{ compound_id: string | null }>(
    "select compound_id from batches where id = $1 for key share",
    [batchId],
  );
  if (!batch) throw new NotFoundError("batch", batchId, "create the batch first");
  if (compoundId !== undefined && batch.compound_id !== null && batch.compound_id !== compoundId) {
    throw new InputError(
      `batch '${batchId}' belongs to compound '${batch.compound_id}', not '${compoundId}': pass the batch's compound or omit compoundId`,
    );
  }
}

function checkSaveAnalysisInput(input: SaveAnalysisInput): void {
  const issues: ValidationIssue[] = [];
  const envelope = input.envelope as Partial<ProvenanceEnvelope> | undefined;
  if (envelope === null || typeof envelope !== "object") {
    issues.push({ path: "envelope", message: "expected a provenance envelope object" });
  } else {
    if (typeof envelope.kind !== "string" || envelope.kind === "") {
      issues.push({ path: "envelope.kind", message: "expected a non-empty string" });
    }
    if (envelope.parameters === undefined) issues.push({ path: "envelope.parameters", message: "missing" });
    if (envelope.result === undefined) issues.push({ path: "envelope.result", message: "missing" });
  }
  for (const key of ["compoundId", "batchId"] as const) {
    if (input[key] !== undefined && typeof input[key] !== "string") {
      issues.push({ path: key, message: "expected a string" });
    }
  }
  if (input.files !== undefined && !Array.isArray(input.files)) {
    issues.push({ path: "files", message: "expected an array" });
  }
  if (issues.length) throw new ValidationError(issues, "invalid analysis");
  checkRawFileInputs(input.files ?? [], "files");
}

const SELECT = `select a.id, a.kind, a.compound_id, a.batch_id, a.parameters, a.result, a.provenance, a.created_at,
  coalesce((select jsonb_agg(jsonb_build_object('name', i.name, 'sha256', i.sha256, 'position', i.position)
                             order by i.position)
            from analysis_inputs i where i.analysis_id = a.id), '[]'::jsonb) as inputs
  from analyses a`;

interface AnalysisRow {
  id: string;
  kind: string;
  compound_id: string | null;
  batch_id: string | null;
  parameters: unknown;
  result: unknown;
  provenance: ProvenanceEnvelope;
  created_at: Date;
  inputs: StoredAnalysisInput[];
}

function toStoredAnalysis(row: AnalysisRow): StoredAnalysis {
  return {
    id: row.id,
    kind: row.kind,
    compoundId: row.compound_id,
    batchId: row.batch_id,
    parameters: row.parameters,
    result: row.result,
    provenance: row.provenance,
    createdAt: toIso(row.created_at),
    inputs: row.inputs,
  };
}
