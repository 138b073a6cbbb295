import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../core/errors.js";
import { LIST_ANALYSES_DEFAULTS } from "./analyses.js";
import { AUDIT_LOG_DEFAULTS } from "./audit.js";
import { LOCK_FILE_NAME } from "./dataDirLock.js";
import { MIGRATIONS } from "./migrations.js";
import { concurrentWriters, countRows, storeContract, uid } from "./store.contract.js";
import { openStore, type Store } from "./store.js";

describe("store on PGlite (memory)", () => {
  storeContract(() => openStore({}));

  it("reports its backend, takes the actor from IXALAB_USER, and rejects a schema without PostgreSQL", async () => {
    const previous = process.env.IXALAB_USER;
    process.env.IXALAB_USER = "alice";
    let store: Store | undefined;
    try {
      store = await openStore({ dataDir: "memory://" });
      expect(store.backend).toBe("pglite");
      expect(store.actor).toBe("alice");
    } finally {
      if (previous === undefined) delete process.env.IXALAB_USER;
      else process.env.IXALAB_USER = previous;
      await store?.close();
    }
    await expect(openStore({ schema: "x" })).rejects.toThrow(
      "the schema option applies only to PostgreSQL: pass databaseUrl as well",
    );
  });
});

describe("store on PGlite (data dir)", () => {
  let root = "";
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "ixalab-store-"));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  let n = 0;
  const newDir = () => join(root, `data-${n++}`);

  storeContract(() => openStore({ dataDir: newDir() }));

  it("sees its data after closing and reopening, without re-running migrations", async () => {
    const dir = newDir();
    const first = await openStore({ dataDir: dir });
    expect(first.backend).toBe("pglite");
    await first.upsertCompound({ id: "ixazomib", name: "Ixazomib" });
    const file = await first.putRawFile({ name: "a.bin", bytes: Uint8Array.from([0, 255, 0]) });
    const counts = await countRows(first);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);

    const second = await openStore({ dataDir: dir });
    try {
      expect((await second.getCompound("ixazomib"))?.name).toBe("Ixazomib");
      expect((await second.getRawFile(file.sha256))?.content).toEqual(Uint8Array.from([0, 255, 0]));
      expect(await countRows(second)).toEqual(counts);
      expect(await second.db.query("select version from schema_migrations")).toHaveLength(MIGRATIONS.length);
    } finally {
      await second.close();
    }
  });

  it("refuses a second store on a directory that is in use", async () => {
    const dir = newDir();
    const first = await openStore({ dataDir: dir });
    try {
      const error = await openStore({ dataDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(
        `data directory ${dir} is in use by another Ixalab process (pid ${process.pid}); stop it or use --data with another folder. If no Ixalab process is running, delete ${join(dir, LOCK_FILE_NAME)}`,
      );
      // The failed open must not have released the first store's lock.
      expect(readFileSync(join(dir, LOCK_FILE_NAME), "utf8")).toBe(String(process.pid));
    } finally {
      await first.close();
    }
  });

  it("replaces the lock of a process that no longer runs", async () => {
    const dir = newDir();
    const seed = await openStore({ dataDir: dir });
    await seed.close();
    writeFileSync(join(dir, LOCK_FILE_NAME), "999999999");
    const store = await openStore({ dataDir: dir });
    try {
      expect(readFileSync(join(dir, LOCK_FILE_NAME), "utf8")).toBe(String(process.pid));
    } finally {
      await store.close();
    }
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});

const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const pgProblem = await probePostgres(PG_URL);

function postgresSuite() {
  const schemas: string[] = [];
  const newSchema = () => {
    const schema = `ixalab_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    schemas.push(schema);
    return schema;
  };
  const openPg = (schema: string) => openStore({ databaseUrl: PG_URL, schema });

  beforeAll(() => {
    // Only reached with CI set: there a missing database is a failure, not a skip.
    if (pgProblem)
      throw new Error(`PostgreSQL not reachable at ${redact(PG_URL)} and CI is set: ${pgProblem}`);
  });
  afterAll(async () => {
    if (pgProblem || schemas.length === 0) return;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      for (const schema of schemas) await admin.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await admin.end();
    }
  });

  storeContract(() => openPg(newSchema()));

  it("applies migrations once when two stores open one schema at the same moment", async () => {
    const schema = newSchema();
    const stores = await Promise.all([openPg(schema), openPg(schema), openPg(schema)]);
    try {
      expect(stores[0]!.backend).toBe("postgres");
      const rows = await stores[0]!.db.query<{ version: number }>("select version from schema_migrations");
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it("keeps counts exact with writers on two stores at once", async () => {
    const schema = newSchema();
    const stores = await Promise.all([openPg(schema), openPg(schema)]);
    try {
      await concurrentWriters(stores);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it("seeds the same compounds from two stores at once without duplicate audit rows", async () => {
    const schema = newSchema();
    const stores = await Promise.all([openPg(schema), openPg(schema)]);
    try {
      const p = uid("seed");
      const records = Array.from({ length: 25 }, (_, i) => ({ id: `${p}-${i}`, name: `compound ${i}` }));
      const summaries = await Promise.all(stores.map((s) => s.seedCompounds([...records].reverse())));
      expect(summaries.reduce((sum, s) => sum + s.created, 0)).toBe(25);
      expect(summaries.reduce((sum, s) => sum + s.created + s.unchanged, 0)).toBe(50);
      expect(summaries.every((s) => s.updated === 0)).toBe(true);
      const counts = await countRows(stores[1]!);
      expect(counts.compounds).toBe(25);
      expect(counts.audit_log).toBe(25);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it("sees one store's writes from another and rejects a bad schema name", async () => {
    const schema = newSchema();
    const a = await openPg(schema);
    try {
      await a.upsertCompound({ id: "shared", name: "Shared" });
      const b = await openPg(schema);
      try {
        expect((await b.getCompound("shared"))?.name).toBe("Shared");
      } finally {
        await b.close();
      }
    } finally {
      await a.close();
    }
    await expect(openPg("Robert'); drop table students;--")).rejects.toThrow(InputError);
  });
}

if (pgProblem && !process.env.CI) {
  console.warn(`PostgreSQL not reachable at ${redact(PG_URL)}: skipping (${pgProblem})`);
  describe.skip("store on PostgreSQL", postgresSuite);
} else {
  describe("store on PostgreSQL", postgresSuite);
}

describe("store defaults", () => {
  it("match the documented @default values", () => {
    expect(LIST_ANALYSES_DEFAULTS).toEqual({ limit: 100, offset: 0 });
    expect(AUDIT_LOG_DEFAULTS).toEqual({ limit: 200 });
  });

  it("export the public surface", async () => {
    expect(Object.keys(await import("./index.js")).sort()).toEqual(["Store", "openStore"]);
  });
});

/** Undefined when PostgreSQL answers within 2 s, else why not. */
async function probePostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
