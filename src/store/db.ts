import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { InputError } from "../core/errors.js";

/** Something that runs PostgreSQL-dialect SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows (bytea as Uint8Array, jsonb parsed). */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters, e.g. a migration script. */
  exec(sql: string): Promise<void>;
}

/** A database connection with one SQL dialect (PostgreSQL) over PGlite or a PostgreSQL server. */
export interface Db extends Queryable {
  readonly backend: "pglite" | "postgres";
  /**
   * Runs `fn` inside BEGIN/COMMIT on a single connection, rolling back when it throws.
   * @throws whatever `fn` throws, after the rollback.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the database; further calls fail. */
  close(): Promise<void>;
}

/** Where the database lives: a PostgreSQL URL, else a PGlite directory, else PGlite in memory. */
export interface DbOptions {
  /** PGlite data directory; in memory when undefined or `"memory://"`. */
  dataDir?: string;
  /** PostgreSQL connection string; takes precedence over `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL only: schema to create if missing and put first on every connection's search_path. */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// Serialises `create schema if not exists`, which races on the catalog when two processes run it at once.
const SCHEMA_LOCK_KEY = 7_305_221_997;

/**
 * Opens PGlite or PostgreSQL as a {@link Db}.
 * @throws InputError when `schema` is not a plain lower-case identifier, or is combined with PGlite.
 * @example const db = await openDb({ dataDir: "./data/db" });
 */
export async function openDb(options: DbOptions): Promise<Db> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new InputError(
      `schema name '${options.schema}' is not valid: expected lower-case letters, digits and '_', starting with a letter or '_'`,
    );
  }
  if (options.databaseUrl !== undefined) return openPostgres(options.databaseUrl, options.schema);
  if (options.schema !== undefined) {
    throw new InputError("the schema option applies only to PostgreSQL: pass databaseUrl as well");
  }
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pglite = await PGlite.create(dataDir === undefined || dataDir === "memory://" ? {} : { dataDir });
  return {
    backend: "pglite",
    async query<T>(sql: string, params?: readonly unknown[]) {
      return (await pglite.query<T>(sql, params ? [...params] : undefined)).rows;
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return pglite.transaction((tx) =>
        fn({
          async query<R>(sql: string, params?: readonly unknown[]) {
            return (await tx.query<R>(sql, params ? [...params] : undefined)).rows;
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        }),
      );
    },
    close: () => pglite.close(),
  };
}

async function openPostgres(databaseUrl: string, schema: string | undefined): Promise<Db> {
  if (schema !== undefined && /[?&]options=/.test(databaseUrl)) {
    throw new InputError(
      "the schema option cannot be combined with an 'options' parameter in the database URL: set search_path in one place",
    );
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 10_000,
    // Set at connection start-up, so no query can ever run on a pooled connection before search_path is set.
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle pooled connection that dies (server restart) is dropped by the pool; without a listener
  // the 'error' event would crash the process.
  pool.on("error", () => {});
  const db: Db = {
    backend: "postgres",
    query: (sql, params) => runPg(pool, sql, params),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: (sql, params) => runPg(client, sql, params),
          async exec(sql) {
            await client.query(sql);
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
  if (schema !== undefined) {
    try {
      await ensureSchema(db, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  return db;
}

async function runPg<T>(
  client: pg.Pool | pg.PoolClient,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<T[]> {
  const result = await client.query(sql, params ? [...params] : undefined);
  for (const row of result.rows as Record<string, unknown>[]) {
    for (const key of Object.keys(row)) {
      const value = row[key];
      // node-postgres returns bytea as Buffer; callers compare with plain Uint8Array, so drop the subclass.
      if (Buffer.isBuffer(value)) row[key] = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return result.rows as T[];
}

async function ensureSchema(db: Db, schema: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`);
    await tx.exec(`create schema if not exists "${schema}"`);
  });
  const [row] = await db.query<{ schema: string | null }>("select current_schema() as schema");
  if (row?.schema !== schema) {
    throw new InputError(`search_path does not start with schema '${schema}' (found '${row?.schema}')`);
  }
}
