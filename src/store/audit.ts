import type { Queryable } from "./db.js";
import { checkCount, toIso, toJsonParam, toNumber } from "./sqlValues.js";

/** One row of the append-only audit log. */
export interface AuditEvent {
  id: number;
  /** ISO 8601 time of the transaction that made the change. */
  at: string;
  actor: string;
  /** e.g. `compound.create`, `compound.update`, `raw_file.create`, `analysis.create`, `batch.create`. */
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Filters for {@link listAuditEvents}. */
export interface AuditLogOptions {
  entity?: string;
  entityId?: string;
  /** @default 200 */
  limit?: number;
}

/** Defaults of {@link AuditLogOptions}. */
export const AUDIT_LOG_DEFAULTS = { limit: 200 } as const;

/** What a write records about itself in the audit log. */
export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit row; call it inside the transaction that makes the change. */
export async function appendAudit(tx: Queryable, actor: string, entry: AuditEntry): Promise<void> {
  await tx.query(
    "insert into audit_log (actor, action, entity, entity_id, before, after) values ($1, $2, $3, $4, $5, $6)",
    [
      actor,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.before === undefined ? null : toJsonParam(entry.before, "audit before"),
      entry.after === undefined ? null : toJsonParam(entry.after, "audit after"),
    ],
  );
}

/**
 * Lists audit events, newest first.
 * @throws InputError when `limit` is not an integer from 1 to 10 000.
 */
export async function listAuditEvents(db: Queryable, options: AuditLogOptions = {}): Promise<AuditEvent[]> {
  const limit = checkCount(options.limit, AUDIT_LOG_DEFAULTS.limit, "limit");
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.entity !== undefined) {
    params.push(options.entity);
    where.push(`entity = $${params.length}`);
  }
  if (options.entityId !== undefined) {
    params.push(options.entityId);
    where.push(`entity_id = $${params.length}`);
  }
  params.push(limit);
  const rows = await db.query<AuditRow>(
    `select id, at, actor, action, entity, entity_id, before, after from audit_log
     ${where.length ? `where ${where.join(" and ")}` : ""} order by id desc limit $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: toNumber(r.id),
    at: toIso(r.at),
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  }));
}

interface AuditRow {
  id: number | string;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}
