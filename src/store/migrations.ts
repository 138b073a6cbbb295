import { InputError } from "../core/errors.js";
import type { Db } from "./db.js";

/** One schema change, applied once and recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change in order; append new ones, never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema",
    sql: `
create table compounds (
  id text primary key,
  name text not null,
  record jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table raw_files (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  name text not null,
  format text,
  size_bytes bigint not null check (size_bytes = octet_length(content)),
  content bytea not null,
  created_at timestamptz not null default now()
);

create table batches (
  id text primary key,
  compound_id text references compounds(id),
  label text,
  record jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create table analyses (
  id uuid primary key,
  kind text not null,
  compound_id text references compounds(id),
  batch_id text references batches(id),
  parameters jsonb not null,
  result jsonb not null,
  provenance jsonb not null,
  created_at timestamptz not null default now()
);
create index analyses_kind_created_at on analyses (kind, created_at);
create index analyses_compound_id on analyses (compound_id);

create table analysis_inputs (
  analysis_id uuid not null references analyses(id),
  sha256 text not null references raw_files(sha256),
  name text not null,
  position int not null,
  primary key (analysis_id, position)
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  entity text not null,
  entity_id text not null,
  before jsonb,
  after jsonb
);
create index audit_log_entity on audit_log (entity, entity_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
`,
  },
  {
    version: 2,
    name: "batch genealogy, attached files, credentials, signatures and releases",
    sql: `
create table batch_inputs (
  batch_id text not null references batches(id),
  input_batch_id text not null references batches(id),
  quantity_g double precision check (quantity_g is null or quantity_g > 0),
  created_at timestamptz not null default now(),
  primary key (batch_id, input_batch_id),
  check (batch_id <> input_batch_id)
);
create index batch_inputs_input on batch_inputs (input_batch_id);

create table batch_files (
  batch_id text not null references batches(id),
  sha256 text not null references raw_files(sha256),
  name text not null,
  created_at timestamptz not null default now(),
  primary key (batch_id, sha256)
);

create table user_credentials (
  user_name text primary key,
  password_hash text not null,
  updated_at timestamptz not null default now()
);

create table signatures (
  id uuid primary key,
  user_name text not null,
  signed_at timestamptz not null default now(),
  meaning text not null,
  entity text not null,
  entity_id text not null,
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$')
);

create table releases (
  id uuid primary key,
  batch_id text not null references batches(id),
  decision text not null check (decision in ('released', 'rejected')),
  specification_id text not null,
  specification_version int not null,
  evaluation jsonb not null,
  signature_id uuid not null unique references signatures(id),
  created_at timestamptz not null default now()
);
create unique index releases_one_release_per_batch on releases (batch_id) where decision = 'released';

create function signed_records_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
    using errcode = 'insufficient_privilege';
end
$$;
create trigger signatures_no_update_delete before update or delete on signatures
  for each row execute function signed_records_append_only();
create trigger releases_no_update_delete before update or delete on releases
  for each row execute function signed_records_append_only();
`,
  },
];

// Any fixed number works as long as every Ixalab process uses the same one.
const MIGRATION_LOCK_KEY = 7_305_221_998;

/**
 * Brings the schema up to date inside one transaction, holding an advisory lock so that processes
 * opening the same database at once apply each migration exactly once.
 * @returns the versions applied by this call (empty when already up to date).
 * @throws InputError when the database was migrated by a newer Ixalab than this one.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.exec(
      "create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())",
    );
    const rows = await tx.query<{ version: number }>("select version from schema_migrations");
    const applied = new Set(rows.map((r) => r.version));
    const latest = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    if (newest > latest) {
      throw new InputError(
        `the database schema is at version ${newest} but this Ixalab knows only up to version ${latest}: upgrade Ixalab, or use another data directory or database`,
      );
    }
    const done: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [m.version, m.name]);
      done.push(m.version);
    }
    return done;
  });
}
