import { InputError, NotFoundError } from "../core/errors.js";
import { appendAudit } from "./audit.js";
import type { Queryable } from "./db.js";
import { checkRawFileInputs, putRawFile, type RawFileInput, type RawFileMeta } from "./rawFiles.js";
import { toIso, toJsonParam } from "./sqlValues.js";

/** One link of a batch's genealogy: an input batch and how much of it went in. */
export interface BatchLink {
  batchId: string;
  inputBatchId: string;
  quantity_g: number | null;
  createdAt: string;
}

/** A raw file attached to a batch (e.g. a weighing record or a chromatogram). */
export interface BatchFile {
  batchId: string;
  sha256: string;
  name: string;
  createdAt: string;
}

/**
 * Records that `inputBatchId` went into `batchId` (with the grams used), audited; refuses cycles.
 * @throws NotFoundError for an unknown batch, InputError for a cycle, a duplicate link or a released batch.
 */
export async function addBatchInput(
  tx: Queryable,
  actor: string,
  batchId: string,
  inputBatchId: string,
  quantity_g?: number,
): Promise<BatchLink> {
  if (quantity_g !== undefined && (!Number.isFinite(quantity_g) || quantity_g <= 0)) {
    throw new InputError(`quantity: expected a positive number of grams, found ${quantity_g}`);
  }
  await lockBatch(tx, batchId);
  await lockBatch(tx, inputBatchId, "share");
  await refuseIfReleased(tx, batchId);
  if (batchId === inputBatchId) throw new InputError(`batch '${batchId}' cannot be its own input`);
  // A cycle would appear if batchId is already an ancestor of inputBatchId.
  const [cycle] = await tx.query<{ found: boolean }>(
    `with recursive ancestors(id) as (
       select input_batch_id from batch_inputs where batch_id = $1
       union select b.input_batch_id from batch_inputs b join ancestors a on b.batch_id = a.id)
     select true as found from ancestors where id = $2 limit 1`,
    [inputBatchId, batchId],
  );
  if (cycle) {
    throw new InputError(`batch '${inputBatchId}' was made from '${batchId}': the genealogy cannot loop`);
  }
  const [row] = await tx.query<LinkRow>(
    `insert into batch_inputs (batch_id, input_batch_id, quantity_g) values ($1, $2, $3)
     on conflict do nothing returning batch_id, input_batch_id, quantity_g, created_at`,
    [batchId, inputBatchId, quantity_g ?? null],
  );
  if (!row) throw new InputError(`batch '${inputBatchId}' is already an input of '${batchId}'`);
  const link = toLink(row);
  await appendAudit(tx, actor, {
    action: "batch.input.add",
    entity: "batch",
    entityId: batchId,
    after: { inputBatchId, quantity_g: link.quantity_g },
  });
  return link;
}

/** The batches that went into `batchId`. */
export async function listBatchInputs(db: Queryable, batchId: string): Promise<BatchLink[]> {
  const rows = await db.query<LinkRow>(
    `select batch_id, input_batch_id, quantity_g, created_at from batch_inputs where batch_id = $1
     order by input_batch_id collate "C"`,
    [batchId],
  );
  return rows.map(toLink);
}

/** The batches made from `batchId`. */
export async function listBatchOutputs(db: Queryable, batchId: string): Promise<BatchLink[]> {
  const rows = await db.query<LinkRow>(
    `select batch_id, input_batch_id, quantity_g, created_at from batch_inputs where input_batch_id = $1
     order by batch_id collate "C"`,
    [batchId],
  );
  return rows.map(toLink);
}

/**
 * Every link of the genealogy above `batchId` ("ancestors": its inputs, their inputs, … down to the
 * starting-material lots) or below it ("descendants": everything made from it, e.g. for a lot recall).
 * Loops are refused when links are added, so the recursion ends.
 */
export async function listBatchLineage(
  db: Queryable,
  batchId: string,
  direction: "ancestors" | "descendants",
): Promise<BatchLink[]> {
  const [start, join] =
    direction === "ancestors"
      ? ["batch_id = $1", "b.batch_id = l.input_batch_id"]
      : ["input_batch_id = $1", "b.input_batch_id = l.batch_id"];
  const rows = await db.query<LinkRow>(
    `with recursive lineage(batch_id, input_batch_id, quantity_g, created_at) as (
       select batch_id, input_batch_id, quantity_g, created_at from batch_inputs where ${start}
       union
       select b.batch_id, b.input_batch_id, b.quantity_g, b.created_at
         from batch_inputs b join lineage l on ${join})
     select batch_id, input_batch_id, quantity_g, created_at from lineage
     order by batch_id collate "C", input_batch_id collate "C"`,
    [batchId],
  );
  return rows.map(toLink);
}

/**
 * Merges fields into a batch's record (actual amounts, yield, step, notes), auditing before and after.
 * @throws NotFoundError for an unknown batch, InputError for a released batch or a non-object patch.
 */
export async function updateBatchRecord(
  tx: Queryable,
  actor: string,
  batchId: string,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) {
    throw new InputError("batch record: expected an object of fields to set");
  }
  const before = await lockBatch(tx, batchId);
  await refuseIfReleased(tx, batchId);
  const after = { ...before, ...patch };
  await tx.query("update batches set record = $2 where id = $1", [
    batchId,
    toJsonParam(after, "batch record"),
  ]);
  await appendAudit(tx, actor, { action: "batch.record", entity: "batch", entityId: batchId, before, after });
  return after;
}

/**
 * Stores a file by content and attaches it to a batch, audited.
 * @throws NotFoundError for an unknown batch, ValidationError for a malformed file.
 */
export async function attachBatchFile(
  tx: Queryable,
  actor: string,
  batchId: string,
  file: RawFileInput,
): Promise<RawFileMeta> {
  checkRawFileInputs([file], "file");
  await lockBatch(tx, batchId, "share");
  const meta = await putRawFile(tx, actor, file);
  const rows = await tx.query(
    `insert into batch_files (batch_id, sha256, name) values ($1, $2, $3) on conflict do nothing returning sha256`,
    [batchId, meta.sha256, file.name],
  );
  if (rows.length) {
    await appendAudit(tx, actor, {
      action: "batch.file.attach",
      entity: "batch",
      entityId: batchId,
      after: { sha256: meta.sha256, name: file.name },
    });
  }
  return meta;
}

/** The files attached to a batch, by name. */
export async function listBatchFiles(db: Queryable, batchId: string): Promise<BatchFile[]> {
  const rows = await db.query<{ batch_id: string; sha256: string; name: string; created_at: Date }>(
    `select batch_id, sha256, name, created_at from batch_files where batch_id = $1 order by name collate "C", sha256`,
    [batchId],
  );
  return rows.map((r) => ({
    batchId: r.batch_id,
    sha256: r.sha256,
    name: r.name,
    createdAt: toIso(r.created_at),
  }));
}

/** Locks a batch row and returns its record. @throws NotFoundError when there is no such batch. */
export async function lockBatch(
  tx: Queryable,
  batchId: string,
  mode: "update" | "share" = "update",
): Promise<Record<string, unknown>> {
  const [row] = await tx.query<{ record: Record<string, unknown> }>(
    `select record from batches where id = $1 for ${mode === "update" ? "update" : "key share"}`,
    [batchId],
  );
  if (!row) throw new NotFoundError("batch", batchId, "create it with 'ixalab batch create'");
  return row.record;
}

async function refuseIfReleased(tx: Queryable, batchId: string) {
  const [released] = await tx.query("select 1 from releases where batch_id = $1 and decision = 'released'", [
    batchId,
  ]);
  if (released) throw new InputError(`batch '${batchId}' is released: its record can no longer change`);
}

interface LinkRow {
  batch_id: string;
  input_batch_id: string;
  quantity_g: number | null;
  created_at: Date;
}

function toLink(r: LinkRow): BatchLink {
  return {
    batchId: r.batch_id,
    inputBatchId: r.input_batch_id,
    quantity_g: r.quantity_g === null ? null : Number(r.quantity_g),
    createdAt: toIso(r.created_at),
  };
}
