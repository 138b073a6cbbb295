import { InputError, ValidationError, type ValidationIssue } from "../core/errors.js";
import { appendAudit } from "./audit.js";
import { requireCompound } from "./compounds.js";
import type { Queryable } from "./db.js";
import { toIso, toJsonParam } from "./sqlValues.js";

/** A batch (lot) to create, optionally of a known compound. */
export interface CreateBatchInput {
  id: string;
  compoundId?: string;
  label?: string;
  /** Free-form batch data (supplier, purity, …). @default {} */
  record?: Record<string, unknown>;
}

/** A batch as stored. */
export interface StoredBatch {
  id: string;
  compoundId: string | null;
  label: string | null;
  record: Record<string, unknown>;
  /** ISO 8601. */
  createdAt: string;
}

/** Filters for {@link listBatches}. */
export interface ListBatchesOptions {
  compoundId?: string;
}

/**
 * Creates a batch and audits it inside the caller's transaction.
 * @throws ValidationError for a malformed input, NotFoundError for an unknown compound, InputError when the
 * id is taken.
 */
export async function createBatch(
  tx: Queryable,
  actor: string,
  input: CreateBatchInput,
): Promise<StoredBatch> {
  checkBatchInput(input);
  await requireCompound(tx, input.compoundId);
  const [row] = await tx.query<BatchRow>(
    `insert into batches (id, compound_id, label, record) values ($1, $2, $3, $4)
     on conflict (id) do nothing returning ${COLUMNS}`,
    [
      input.id,
      input.compoundId ?? null,
      input.label ?? null,
      toJsonParam(input.record ?? {}, "batch record"),
    ],
  );
  if (!row) throw new InputError(`batch '${input.id}' already exists: choose another id`);
  const batch = toStoredBatch(row);
  const { createdAt: _, ...after } = batch;
  await appendAudit(tx, actor, { action: "batch.create", entity: "batch", entityId: batch.id, after });
  return batch;
}

/** Reads one batch, or undefined when the id is unknown. */
export async function getBatch(db: Queryable, id: string): Promise<StoredBatch | undefined> {
  const [row] = await db.query<BatchRow>(`select ${COLUMNS} from batches where id = $1`, [id]);
  return row && toStoredBatch(row);
}

/** Reads batches, optionally of one compound, ordered by id (byte order). */
export async function listBatches(db: Queryable, options: ListBatchesOptions = {}): Promise<StoredBatch[]> {
  const rows =
    options.compoundId === undefined
      ? await db.query<BatchRow>(`select ${COLUMNS} from batches order by id collate "C"`)
      : await db.query<BatchRow>(
          `select ${COLUMNS} from batches where compound_id = $1 order by id collate "C"`,
          [options.compoundId],
        );
  return rows.map(toStoredBatch);
}

const COLUMNS = "id, compound_id, label, record, created_at";

interface BatchRow {
  id: string;
  compound_id: string | null;
  label: string | null;
  record: Record<string, unknown>;
  created_at: Date;
}

function toStoredBatch(row: BatchRow): StoredBatch {
  return {
    id: row.id,
    compoundId: row.compound_id,
    label: row.label,
    record: row.record,
    createdAt: toIso(row.created_at),
  };
}

function checkBatchInput(input: CreateBatchInput): void {
  const issues: ValidationIssue[] = [];
  if (typeof input.id !== "string" || input.id.trim() === "") {
    issues.push({ path: "id", message: "expected a non-empty string" });
  }
  for (const key of ["compoundId", "label"] as const) {
    if (input[key] !== undefined && typeof input[key] !== "string") {
      issues.push({ path: key, message: "expected a string" });
    }
  }
  const record = input.record;
  if (record !== undefined && (record === null || typeof record !== "object" || Array.isArray(record))) {
    issues.push({ path: "record", message: "expected an object" });
  }
  if (issues.length) throw new ValidationError(issues, "invalid batch");
}
