import { NotFoundError, ValidationError, type ValidationIssue } from "../core/errors.js";
import { appendAudit } from "./audit.js";
import type { Queryable } from "./db.js";
import { canonicalJson, toIso, toJsonParam } from "./sqlValues.js";

/** A compound record as the caller defines it; the store needs only `id` and `name`. */
export interface CompoundRecord {
  id: string;
  name: string;
  [key: string]: unknown;
}

/** A compound as stored, with the record exactly as last written. */
export interface StoredCompound {
  id: string;
  name: string;
  record: CompoundRecord;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/** What an upsert did. */
export type UpsertOutcome = "created" | "updated" | "unchanged";

/**
 * Checks that each record is an object with a non-empty string `id` and `name`, reporting every problem.
 * @throws ValidationError listing the problems, with paths such as `[2].name`.
 */
export function checkCompoundRecords(records: readonly unknown[]): CompoundRecord[] {
  const issues: ValidationIssue[] = [];
  records.forEach((record, i) => {
    const at = records.length === 1 ? "" : `[${i}]`;
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      issues.push({ path: at, message: "expected a compound record object" });
      return;
    }
    for (const key of ["id", "name"] as const) {
      const value = (record as Record<string, unknown>)[key];
      if (typeof value !== "string" || value.trim() === "") {
        issues.push({
          path: at ? `${at}.${key}` : key,
          message: `expected a non-empty string, found ${JSON.stringify(value)}`,
        });
      }
    }
  });
  if (issues.length) throw new ValidationError(issues, "invalid compound record");
  return records as CompoundRecord[];
}

/**
 * Creates or updates one compound and audits the change, inside the caller's transaction; writes nothing
 * when the stored record is canonically equal. Safe against concurrent upserts of the same id.
 */
export async function upsertCompound(
  tx: Queryable,
  actor: string,
  record: CompoundRecord,
): Promise<UpsertOutcome> {
  const json = toJsonParam(record, `compound '${record.id}'`);
  // Under concurrency, DO NOTHING waits for an uncommitted insert of the same id, so exactly one
  // transaction creates the row and the others fall through to the locked read below.
  const inserted = await tx.query(
    "insert into compounds (id, name, record) values ($1, $2, $3) on conflict (id) do nothing returning id",
    [record.id, record.name, json],
  );
  if (inserted.length) {
    await appendAudit(tx, actor, {
      action: "compound.create",
      entity: "compound",
      entityId: record.id,
      after: record,
    });
    return "created";
  }
  // FOR NO KEY UPDATE serialises concurrent upserts of this id like FOR UPDATE, but does not block the
  // key-share locks that analyses and batches take when they reference the compound.
  const [current] = await tx.query<{ record: CompoundRecord }>(
    "select record from compounds where id = $1 for no key update",
    [record.id],
  );
  const before = current!.record;
  if (canonicalJson(before) === canonicalJson(record)) return "unchanged";
  // clock_timestamp, not now(): this transaction may have started before the creating one committed.
  await tx.query(
    "update compounds set name = $2, record = $3, updated_at = clock_timestamp() where id = $1",
    [record.id, record.name, json],
  );
  await appendAudit(tx, actor, {
    action: "compound.update",
    entity: "compound",
    entityId: record.id,
    before,
    after: record,
  });
  return "updated";
}

/** Reads one compound, or undefined when the id is unknown. */
export async function getCompound(db: Queryable, id: string): Promise<StoredCompound | undefined> {
  const [row] = await db.query<CompoundRow>(`${SELECT} where id = $1`, [id]);
  return row && toStoredCompound(row);
}

/** Reads every compound, ordered by id (byte order, the same on every backend). */
export async function listCompounds(db: Queryable): Promise<StoredCompound[]> {
  return (await db.query<CompoundRow>(`${SELECT} order by id collate "C"`)).map(toStoredCompound);
}

/**
 * Checks that a compound exists, taking a key-share lock so it cannot vanish before the caller commits.
 * @throws NotFoundError when it does not exist.
 */
export async function requireCompound(tx: Queryable, id: string | undefined): Promise<void> {
  if (id === undefined) return;
  const rows = await tx.query("select 1 from compounds where id = $1 for key share", [id]);
  if (!rows.length) throw new NotFoundError("compound", id, "store the compound first");
}

const SELECT = "select id, name, record, created_at, updated_at from compounds";

interface CompoundRow {
  id: string;
  name: string;
  record: CompoundRecord;
  created_at: Date;
  updated_at: Date;
}

function toStoredCompound(row: CompoundRow): StoredCompound {
  return {
    id: row.id,
    name: row.name,
    record: row.record,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
