import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { InputError, NotFoundError, ValidationError } from "../core/errors.js";
import type { ProvenanceEnvelope } from "../core/provenance.js";
import { ReleaseBlockedError, SignatureError, type Specification } from "../core/release/index.js";
import { MIGRATIONS, migrate } from "./migrations.js";
import type { Store } from "./store.js";

const TABLES = [
  "compounds",
  "raw_files",
  "batches",
  "analyses",
  "analysis_inputs",
  "audit_log",
  "batch_inputs",
  "batch_files",
  "user_credentials",
  "signatures",
  "releases",
] as const;
type Counts = Record<(typeof TABLES)[number], number>;

/** Row counts of every table, to assert what a call added (the store is shared by the tests of a run). */
export async function countRows(store: Store): Promise<Counts> {
  const counts = {} as Counts;
  for (const table of TABLES) {
    const [row] = await store.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    counts[table] = row!.n;
  }
  return counts;
}

/** Counts audit rows by action for one entity type. */
export async function countAudit(store: Store, action: string, entityId?: string): Promise<number> {
  const [row] = await store.db.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = $1 and ($2::text is null or entity_id = $2)",
    [action, entityId ?? null],
  );
  return row!.n;
}

/** A unique id prefix, so tests sharing one database never see each other's rows. */
export function uid(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A provenance envelope for tests. */
export function envelope(kind: string, result: unknown = { ok: true }): ProvenanceEnvelope {
  return {
    kind,
    ixalabVersion: "0.0.0-test",
    startedAt: "2025-01-01T00:00:00.000Z",
    durationMs: 12,
    inputs: [],
    parameters: { threshold: 0.5, nested: { list: [1, 2, 3] } },
    warnings: [],
    result,
  };
}

/** Deterministic pseudo-random bytes (xorshift32), so large-buffer tests need no global RNG. */
export function seededBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The conformance suite every store backend must pass; `open` is called once and the store is shared by
 * all cases, which therefore use unique ids and assert row-count differences.
 */
export function storeContract(open: () => Promise<Store>): void {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store?.close();
  });

  it("applies every migration once, and re-running them is a no-op", async () => {
    const rows = await store.db.query<{ version: number; name: string }>(
      "select version, name from schema_migrations order by version",
    );
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(await migrate(store.db)).toEqual([]);
    expect(await store.db.query("select version from schema_migrations")).toHaveLength(MIGRATIONS.length);
  });

  it("refuses a database whose schema is newer than the code", async () => {
    await store.db.query("insert into schema_migrations (version, name) values (99999, 'from the future')");
    try {
      const error = await migrate(store.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(
        `the database schema is at version 99999 but this Ixalab knows only up to version ${Math.max(...MIGRATIONS.map((m) => m.version))}: upgrade Ixalab, or use another data directory or database`,
      );
    } finally {
      await store.db.query("delete from schema_migrations where version = 99999");
    }
  });

  it("creates, updates and leaves unchanged a compound, auditing before and after", async () => {
    const id = uid("cpd");
    const v1 = {
      id,
      name: "Ixazomib",
      smiles: "CC(C)C[C@H](NC(=O)CNC(=O)c1cc(Cl)ccc1Cl)B(O)O",
      tags: ["pi"],
    };
    expect(await store.upsertCompound(v1)).toBe("created");
    const created = await store.getCompound(id);
    expect(created).toMatchObject({ id, name: "Ixazomib", record: v1 });
    expect(created!.createdAt).toMatch(ISO);
    expect(created!.updatedAt).toMatch(ISO);

    // Same content, different key order: canonically equal, so no write and no audit row.
    const before = await countRows(store);
    expect(await store.upsertCompound({ tags: ["pi"], smiles: v1.smiles, name: "Ixazomib", id })).toBe(
      "unchanged",
    );
    expect(await countRows(store)).toEqual(before);
    expect((await store.getCompound(id))!.updatedAt).toBe(created!.updatedAt);

    const v2 = { ...v1, name: "Ixazomib citrate" };
    expect(await store.upsertCompound(v2)).toBe("updated");
    const updated = await store.getCompound(id);
    expect(updated).toMatchObject({ name: "Ixazomib citrate", record: v2, createdAt: created!.createdAt });
    expect(Date.parse(updated!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created!.updatedAt));

    const events = await store.auditLog({ entity: "compound", entityId: id });
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["compound.update", v1, v2],
      ["compound.create", null, v1],
    ]);
    expect(events[0]!.actor).toBe(store.actor);
    expect(events[0]!.at).toMatch(ISO);
    expect(events[0]!.id).toBeGreaterThan(events[1]!.id);
  });

  it("lists compounds by id and returns undefined for an unknown one", async () => {
    const prefix = uid("list");
    for (const s of ["b", "a", "c"]) await store.upsertCompound({ id: `${prefix}-${s}`, name: s });
    const ids = (await store.listCompounds()).map((c) => c.id).filter((i) => i.startsWith(prefix));
    expect(ids).toEqual([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);
    expect(await store.getCompound(uid("missing"))).toBeUndefined();
  });

  it("rejects a compound without a name and stores nothing", async () => {
    const before = await countRows(store);
    const record = { id: uid("bad"), name: "" };
    await expect(store.upsertCompound(record)).rejects.toThrow(ValidationError);
    await expect(store.upsertCompound(record)).rejects.toThrow(
      'invalid compound record: name: expected a non-empty string, found ""',
    );
    expect(await countRows(store)).toEqual(before);
  });

  it("seeds compounds idempotently in one transaction", async () => {
    const p = uid("seed");
    const records = [
      { id: `${p}-1`, name: "one" },
      { id: `${p}-2`, name: "two", cas: "1072833-77-2" },
      { id: `${p}-3`, name: "three" },
    ];
    expect(await store.seedCompounds(records)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const before = await countRows(store);
    expect(await store.seedCompounds(records)).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await countRows(store)).toEqual(before);
    expect(await store.seedCompounds([...records.slice(0, 2), { id: `${p}-3`, name: "THREE" }])).toEqual({
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    expect((await countRows(store)).audit_log).toBe(before.audit_log + 1);

    // One bad record rejects the whole seed before anything is written.
    const again = await countRows(store);
    const bad = [{ id: `${p}-4`, name: "four" }, { id: `${p}-5` } as { id: string; name: string }];
    await expect(store.seedCompounds(bad)).rejects.toThrow("invalid compound record: [1].name");
    expect(await countRows(store)).toEqual(again);
  });

  it("round-trips arbitrary bytes with their SHA-256, including 0x00, 0xff and 5 MB", async () => {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    const abc = await store.putRawFile({ name: "abc.txt", bytes: text("abc"), format: "text" });
    expect(abc.sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    const all = new Uint8Array(256).map((_, i) => i);
    const edges = Uint8Array.from([0x00, 0xff, 0x00, 0x00, 0xff, 0xff, 0x00]);
    const big = seededBytes(5 * 1024 * 1024, 20250101);
    for (const bytes of [all, edges, big]) {
      const meta = await store.putRawFile({ name: "blob.bin", bytes });
      expect(meta.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(meta.sizeBytes).toBe(bytes.byteLength);
      expect(meta.format).toBeNull();
      expect(meta.createdAt).toMatch(ISO);
      const file = await store.getRawFile(meta.sha256);
      expect(file!.content).toBeInstanceOf(Uint8Array);
      expect(Object.getPrototypeOf(file!.content)).toBe(Uint8Array.prototype);
      expect(file!.content.byteLength).toBe(bytes.byteLength);
      expect(Buffer.compare(file!.content, bytes)).toBe(0);
    }
    expect(await store.getRawFile(abc.sha256.toUpperCase())).toMatchObject({
      name: "abc.txt",
      format: "text",
    });
  });

  it("stores the same bytes once and audits the first store only", async () => {
    const bytes = text(uid("dedupe"));
    const before = await countRows(store);
    const first = await store.putRawFile({ name: "first.csv", bytes, format: "csv" });
    const second = await store.putRawFile({ name: "second.csv", bytes });
    expect(second).toEqual(first);
    expect(await countRows(store)).toEqual({
      ...before,
      raw_files: before.raw_files + 1,
      audit_log: before.audit_log + 1,
    });
    const [event] = await store.auditLog({ entity: "raw_file", entityId: first.sha256 });
    expect(event).toMatchObject({ action: "raw_file.create", before: null });
    // Metadata only: the bytes never go into the audit log.
    expect(event!.after).toEqual({
      sha256: first.sha256,
      name: "first.csv",
      format: "csv",
      sizeBytes: bytes.length,
    });
  });

  it("rejects a malformed hash and returns undefined for an unknown one", async () => {
    for (const bad of ["", "abc", "g".repeat(64), `${"a".repeat(64)} `]) {
      await expect(store.getRawFile(bad)).rejects.toThrow(InputError);
    }
    await expect(store.getRawFile("xyz")).rejects.toThrow(
      "'xyz' is not a SHA-256 hash: expected 64 hexadecimal digits",
    );
    expect(await store.getRawFile("0".repeat(64))).toBeUndefined();
  });

  it("saves an analysis with its files and reads it back with linked inputs", async () => {
    const compoundId = uid("cpd");
    await store.upsertCompound({ id: compoundId, name: "Bortezomib" });
    const plate = text(`${uid("plate")}\nA01,0.1\nA02,0.2\n`);
    const layout = text(uid("layout"));
    const env = envelope("assay.ic50", { ic50M: 3.4e-9, converged: true, curve: [0.1, 0.5, 0.9] });
    const before = await countRows(store);
    const saved = await store.saveAnalysis({
      envelope: env,
      compoundId,
      files: [
        { name: "plate.csv", bytes: plate, format: "plate-csv" },
        { name: "layout.txt", bytes: layout },
        { name: "plate-copy.csv", bytes: plate, format: "plate-csv" },
      ],
    });
    expect(saved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(saved).toMatchObject({
      kind: "assay.ic50",
      compoundId,
      batchId: null,
      parameters: env.parameters,
      result: env.result,
      provenance: env,
    });
    const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
    expect(saved.inputs).toEqual([
      { name: "plate.csv", sha256: sha(plate), position: 0 },
      { name: "layout.txt", sha256: sha(layout), position: 1 },
      { name: "plate-copy.csv", sha256: sha(plate), position: 2 },
    ]);
    expect(await store.getAnalysis(saved.id)).toEqual(saved);
    expect((await store.getRawFile(sha(layout)))!.content).toEqual(layout);
    expect(await countRows(store)).toEqual({
      ...before,
      raw_files: before.raw_files + 2,
      analyses: before.analyses + 1,
      analysis_inputs: before.analysis_inputs + 3,
      audit_log: before.audit_log + 3,
    });
    const [event] = await store.auditLog({ entity: "analysis", entityId: saved.id });
    expect(event).toMatchObject({ action: "analysis.create", after: { kind: "assay.ic50", compoundId } });
  });

  it("lists analyses newest first, filtered and paged", async () => {
    const kind = uid("kind");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await store.saveAnalysis({ envelope: envelope(kind, { i }) })).id);
    const listed = await store.listAnalyses({ kind });
    expect(listed.map((a) => a.id)).toEqual([...ids].reverse());
    expect(listed[0]!.inputs).toEqual([]);
    expect((await store.listAnalyses({ kind, limit: 1, offset: 1 })).map((a) => a.id)).toEqual([ids[1]]);
    expect(await store.listAnalyses({ kind, compoundId: uid("nobody") })).toEqual([]);
    await expect(store.listAnalyses({ limit: 0 })).rejects.toThrow(
      "limit must be an integer from 1 to 10000, found 0",
    );
    await expect(store.listAnalyses({ offset: -1 })).rejects.toThrow(InputError);
  });

  it("returns undefined for an unknown or malformed analysis id", async () => {
    expect(await store.getAnalysis(randomUUID())).toBeUndefined();
    expect(await store.getAnalysis("not-a-uuid")).toBeUndefined();
    expect(await store.getAnalysis("'; drop table analyses; --")).toBeUndefined();
  });

  it("stores nothing when saveAnalysis names an unknown compound or batch", async () => {
    const files = [{ name: "orphan.bin", bytes: text(uid("orphan")) }];
    const before = await countRows(store);
    const missing = uid("no-such-compound");
    const error = await store
      .saveAnalysis({ envelope: envelope("x"), files, compoundId: missing })
      .catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(`compound '${missing}' not found. store the compound first`);
    await expect(
      store.saveAnalysis({ envelope: envelope("x"), files, batchId: uid("no-batch") }),
    ).rejects.toThrow(NotFoundError);
    expect(await countRows(store)).toEqual(before);
  });

  it("rejects a malformed analysis before writing", async () => {
    const before = await countRows(store);
    const bad = { ...envelope(""), result: undefined } as unknown as ProvenanceEnvelope;
    await expect(
      store.saveAnalysis({ envelope: bad, files: [{ name: "", bytes: [] as never }] }),
    ).rejects.toThrow(
      "invalid analysis: envelope.kind: expected a non-empty string; envelope.result: missing",
    );
    await expect(
      store.saveAnalysis({ envelope: envelope("k"), files: [{ name: "", bytes: [] as never }] }),
    ).rejects.toThrow(
      "invalid file: files[0].name: expected a non-empty string; files[0].bytes: expected a Uint8Array",
    );
    expect(await countRows(store)).toEqual(before);
  });

  it("rolls back a transaction that throws midway", async () => {
    const before = await countRows(store);
    const id = uid("rollback");
    const error = await store.db
      .transaction(async (tx) => {
        await tx.query("insert into compounds (id, name, record) values ($1, 'x', '{}')", [id]);
        await tx.query(
          "insert into audit_log (actor, action, entity, entity_id) values ('test', 'compound.create', 'compound', $1)",
          [id],
        );
        expect(await tx.query("select id from compounds where id = $1", [id])).toHaveLength(1);
        throw new Error("crash between writes");
      })
      .catch((e: Error) => e);
    expect((error as Error).message).toBe("crash between writes");
    expect(await store.getCompound(id)).toBeUndefined();
    expect(await countRows(store)).toEqual(before);
  });

  it("keeps audit_log append-only in the database itself", async () => {
    await store.upsertCompound({ id: uid("audited"), name: "x" });
    const before = await countRows(store);
    await expect(store.db.query("update audit_log set actor = 'mallory'")).rejects.toThrow(
      "audit_log is append-only: UPDATE is not allowed",
    );
    await expect(store.db.query("delete from audit_log")).rejects.toThrow(
      "audit_log is append-only: DELETE is not allowed",
    );
    await expect(store.db.exec("truncate audit_log")).rejects.toThrow(
      "audit_log is append-only: TRUNCATE is not allowed",
    );
    expect(await countRows(store)).toEqual(before);
  });

  it("creates, reads and lists batches", async () => {
    const compoundId = uid("cpd");
    await store.upsertCompound({ id: compoundId, name: "Ixazomib citrate" });
    const id = uid("lot");
    const batch = await store.createBatch({ id, compoundId, label: "Lot 7", record: { purityPct: 99.2 } });
    expect(batch).toMatchObject({ id, compoundId, label: "Lot 7", record: { purityPct: 99.2 } });
    expect(batch.createdAt).toMatch(ISO);
    expect(await store.getBatch(id)).toEqual(batch);
    const bare = await store.createBatch({ id: uid("lot") });
    expect(bare).toMatchObject({ compoundId: null, label: null, record: {} });
    expect(await store.listBatches({ compoundId })).toEqual([batch]);
    expect((await store.listBatches()).map((b) => b.id)).toEqual(expect.arrayContaining([id, bare.id]));
    expect(await store.getBatch(uid("none"))).toBeUndefined();
    await expect(store.createBatch({ id })).rejects.toThrow(
      `batch '${id}' already exists: choose another id`,
    );
    await expect(store.createBatch({ id: uid("lot"), compoundId: uid("ghost") })).rejects.toThrow(
      NotFoundError,
    );
    const [event] = await store.auditLog({ entity: "batch", entityId: id });
    expect(event).toMatchObject({
      action: "batch.create",
      before: null,
      after: { id, compoundId, label: "Lot 7" },
    });

    const analysis = await store.saveAnalysis({ envelope: envelope("hplc"), compoundId, batchId: id });
    expect(analysis).toMatchObject({ compoundId, batchId: id });
    const other = uid("cpd");
    await store.upsertCompound({ id: other, name: "other" });
    await expect(
      store.saveAnalysis({ envelope: envelope("hplc"), compoundId: other, batchId: id }),
    ).rejects.toThrow(`batch '${id}' belongs to compound '${compoundId}'`);
  });

  it("walks the whole genealogy up to the starting lots and down to every batch made from a lot", async () => {
    // lot1 → int1 → api ← int2 ← lot2, and lot1 also straight into int2 (a diamond).
    const [lot1, lot2, int1, int2, api, other] = [
      uid("lot"),
      uid("lot"),
      uid("int"),
      uid("int"),
      uid("api"),
      uid("x"),
    ];
    for (const id of [lot1, lot2, int1, int2, api, other]) await store.createBatch({ id });
    await store.addBatchInput(int1, lot1, 5);
    await store.addBatchInput(int2, lot2, 6);
    await store.addBatchInput(int2, lot1, 1.5);
    await store.addBatchInput(api, int1, 4);
    await store.addBatchInput(api, int2, 3);
    const pairs = (links: { batchId: string; inputBatchId: string }[]) =>
      links.map((l) => `${l.inputBatchId}>${l.batchId}`).sort();
    const up = await store.listBatchLineage(api, "ancestors");
    expect(pairs(up)).toEqual(
      [`${int1}>${api}`, `${int2}>${api}`, `${lot1}>${int1}`, `${lot1}>${int2}`, `${lot2}>${int2}`].sort(),
    );
    expect(up.find((l) => l.batchId === int2 && l.inputBatchId === lot1)?.quantity_g).toBe(1.5);
    const down = await store.listBatchLineage(lot1, "descendants");
    expect(pairs(down)).toEqual(
      [`${lot1}>${int1}`, `${lot1}>${int2}`, `${int1}>${api}`, `${int2}>${api}`].sort(),
    );
    expect(await store.listBatchLineage(lot2, "ancestors")).toEqual([]);
    expect(await store.listBatchLineage(other, "descendants")).toEqual([]);
  });

  it("records genealogy, amounts and attached files, audited, and refuses loops", async () => {
    const [a, b, c] = [uid("sm"), uid("int"), uid("api")];
    for (const id of [a, b, c]) await store.createBatch({ id });
    const link = await store.addBatchInput(b, a, 12.5);
    expect(link).toMatchObject({ batchId: b, inputBatchId: a, quantity_g: 12.5 });
    await store.addBatchInput(c, b);
    expect((await store.listBatchInputs(b)).map((l) => l.inputBatchId)).toEqual([a]);
    expect((await store.listBatchOutputs(b)).map((l) => l.batchId)).toEqual([c]);
    const before = await countRows(store);
    await expect(store.addBatchInput(a, c)).rejects.toThrow(`batch '${c}' was made from '${a}'`);
    await expect(store.addBatchInput(b, a)).rejects.toThrow("is already an input");
    await expect(store.addBatchInput(a, a)).rejects.toThrow(InputError);
    await expect(store.addBatchInput(a, uid("ghost"))).rejects.toThrow(NotFoundError);
    await expect(store.addBatchInput(b, c, -1)).rejects.toThrow("expected a positive number of grams");
    expect(await countRows(store)).toEqual(before);

    expect(await store.updateBatchRecord(b, { actual_g: 10.1, step: 1 })).toEqual({
      actual_g: 10.1,
      step: 1,
    });
    expect(await store.updateBatchRecord(b, { yieldPct: 80.8 })).toEqual({
      actual_g: 10.1,
      step: 1,
      yieldPct: 80.8,
    });
    expect((await store.getBatch(b))!.record).toEqual({ actual_g: 10.1, step: 1, yieldPct: 80.8 });
    const file = await store.attachBatchFile(b, { name: "weighing.pdf", bytes: text(uid("weigh")) });
    await store.attachBatchFile(b, {
      name: "weighing.pdf",
      // The same bytes again: one link, one audit row.
      bytes: (await store.getRawFile(file.sha256))!.content,
    });
    expect((await store.listBatchFiles(b)).map((f) => [f.name, f.sha256])).toEqual([
      ["weighing.pdf", file.sha256],
    ]);
    const trail = (await store.auditLog({ entity: "batch", entityId: b })).map((e) => e.action).reverse();
    expect(trail).toEqual([
      "batch.create",
      "batch.input.add",
      "batch.record",
      "batch.record",
      "batch.file.attach",
    ]);
    const [last] = (await store.auditLog({ entity: "batch", entityId: b })).filter(
      (e) => e.action === "batch.record",
    );
    expect(last).toMatchObject({ before: { actual_g: 10.1, step: 1 }, after: { yieldPct: 80.8 } });
  });

  it("signs a release with re-authentication, in the audit trail, and refuses a failing batch", async () => {
    const material = uid("mat");
    await store.upsertCompound({ id: material, name: "drug substance" });
    const spec: Specification = {
      id: "test-spec",
      material,
      version: 3,
      title: "test",
      tests: [
        {
          id: "purity",
          title: "Purity",
          kind: "hplc.analyze",
          criterion: { type: "hplc.purity", minPercent: 98 },
          source: "test",
        },
      ],
    };
    const user = uid("qa");
    await store.setUserPassword(user, "correct horse");
    const [pw] = await store.db.query<{ password_hash: string }>(
      "select password_hash from user_credentials where user_name = $1",
      [user],
    );
    expect(pw!.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(JSON.stringify(await store.auditLog({ entity: "user", entityId: user }))).not.toContain("scrypt");
    await expect(store.setUserPassword(user, "short")).rejects.toThrow("at least 8 characters");

    const good = uid("lot");
    await store.createBatch({ id: good, compoundId: material });
    const hplc = (purityPercent: number) =>
      envelope("hplc.analyze", { peaks: [], mainPeak: null, purityPercent });
    await store.saveAnalysis({ envelope: hplc(97.2), batchId: good });
    await store.saveAnalysis({ envelope: hplc(99.4), batchId: good });
    const request = {
      batchId: good,
      decision: "released" as const,
      specification: spec,
      userName: user,
      meaning: "QA release",
    };
    const before = await countRows(store);
    await expect(store.releaseBatch({ ...request, password: "wrong password" })).rejects.toThrow(
      SignatureError,
    );
    await expect(store.releaseBatch({ ...request, userName: uid("nobody"), password: "x" })).rejects.toThrow(
      SignatureError,
    );
    await expect(store.releaseBatch({ ...request, password: "correct horse", meaning: " " })).rejects.toThrow(
      "a signature must say what it means",
    );
    expect(await countRows(store)).toEqual(before);

    const release = await store.releaseBatch({ ...request, password: "correct horse" });
    expect(release).toMatchObject({ batchId: good, decision: "released", specificationVersion: 3 });
    expect(release.evaluation.outcome).toBe("pass");
    expect(release.evaluation.tests[0]).toMatchObject({ value: 99.4, status: "pass" });
    expect(release.signature).toMatchObject({
      userName: user,
      meaning: "QA release",
      entity: "batch",
      entityId: good,
    });
    expect(release.signature.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await countRows(store)).toEqual({
      ...before,
      signatures: before.signatures + 1,
      releases: before.releases + 1,
      audit_log: before.audit_log + 2,
    });
    const [sigEvent] = await store.auditLog({ entity: "signature", entityId: release.signature.id });
    expect(sigEvent).toMatchObject({ actor: user, action: "signature.create", after: release.signature });
    const [releaseEvent] = await store.auditLog({ entity: "batch", entityId: good });
    expect(releaseEvent).toMatchObject({ actor: user, action: "batch.release", after: { outcome: "pass" } });
    expect(sigEvent!.at).toBe(releaseEvent!.at);
    expect(await store.listReleases(good)).toEqual([release]);
    await expect(store.releaseBatch({ ...request, password: "correct horse" })).rejects.toThrow(
      "already released",
    );
    await expect(store.updateBatchRecord(good, { note: "late" })).rejects.toThrow("is released");
    await expect(store.db.query("delete from releases")).rejects.toThrow("releases is append-only");
    await expect(store.db.query("update signatures set user_name = 'mallory'")).rejects.toThrow(
      "signatures is append-only",
    );

    const bad = uid("lot");
    await store.createBatch({ id: bad, compoundId: material });
    await store.saveAnalysis({ envelope: hplc(97.94), batchId: bad });
    const mid = await countRows(store);
    const error = await store
      .releaseBatch({ ...request, batchId: bad, password: "correct horse" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseBlockedError);
    expect((error as ReleaseBlockedError).evaluation.tests[0]).toMatchObject({ value: 97.9, status: "fail" });
    expect(await countRows(store)).toEqual(mid);
    const rejected = await store.releaseBatch({
      ...request,
      batchId: bad,
      decision: "rejected",
      meaning: "QA rejection: purity below limit",
      password: "correct horse",
    });
    expect(rejected.evaluation.outcome).toBe("fail");
    // The list's view: the newest decision of each decided batch, in one query.
    const decisions = await store.latestDecisions();
    expect(decisions.get(good)).toEqual({
      decision: "released",
      userName: user,
      signedAt: release.signature.signedAt,
    });
    expect(decisions.get(bad)).toMatchObject({ decision: "rejected", userName: user });
    const untested = uid("lot");
    await store.createBatch({ id: untested });
    await expect(
      store.releaseBatch({ ...request, batchId: untested, password: "correct horse" }),
    ).rejects.toThrow(`batch '${untested}' cannot be released: specification test-spec is incomplete`);
    expect((await store.latestDecisions()).has(untested)).toBe(false);
  });

  it("handles concurrent writers with exact counts and a consistent audit trail", async () => {
    await concurrentWriters([store]);
  });
}

/**
 * 20 analyses sharing one file, 20 stores of that file's bytes and 10 renames of one compound, all at once
 * and spread over `stores` (several stores on one database on PostgreSQL); then checks exact counts.
 */
export async function concurrentWriters(stores: Store[]): Promise<void> {
  const pick = (i: number) => stores[i % stores.length]!;
  const store = stores[0]!;
  const compoundId = uid("race");
  await store.upsertCompound({ id: compoundId, name: "initial" });
  const shared = text(uid("shared"));
  const sharedSha = createHash("sha256").update(shared).digest("hex");
  const kind = uid("concurrent");
  const before = await countRows(store);

  const results = await Promise.allSettled([
    ...Array.from({ length: 20 }, (_, i) =>
      pick(i).saveAnalysis({
        envelope: envelope(kind, { i }),
        compoundId,
        files: [
          { name: "shared.bin", bytes: shared },
          { name: `own-${i}.bin`, bytes: text(`${kind}-${i}`) },
        ],
      }),
    ),
    ...Array.from({ length: 20 }, (_, i) => pick(i + 1).putRawFile({ name: `copy-${i}.bin`, bytes: shared })),
    ...Array.from({ length: 10 }, (_, i) => pick(i).upsertCompound({ id: compoundId, name: `name-${i}` })),
  ]);
  expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  const values = results.map((r) => (r as PromiseFulfilledResult<unknown>).value);
  expect(values.slice(40)).toEqual(Array(10).fill("updated"));
  for (const meta of values.slice(20, 40)) expect(meta).toMatchObject({ sha256: sharedSha });

  expect(await countRows(store)).toEqual({
    ...before,
    raw_files: before.raw_files + 21,
    analyses: before.analyses + 20,
    analysis_inputs: before.analysis_inputs + 40,
    audit_log: before.audit_log + 21 + 20 + 10,
  });
  expect(await countAudit(store, "raw_file.create", sharedSha)).toBe(1);
  expect(await store.db.query("select 1 from raw_files where sha256 = $1", [sharedSha])).toHaveLength(1);
  expect(await store.listAnalyses({ kind })).toHaveLength(20);

  // Each update saw the previous one's result: the audit trail is a chain ending at the stored record.
  const trail = (await store.auditLog({ entity: "compound", entityId: compoundId })).reverse();
  expect(trail.map((e) => e.action)).toEqual(["compound.create", ...Array(10).fill("compound.update")]);
  for (let i = 1; i < trail.length; i++) expect(trail[i]!.before).toEqual(trail[i - 1]!.after);
  expect((await store.getCompound(compoundId))!.record).toEqual(trail.at(-1)!.after);
  const names = trail.slice(1).map((e) => (e.after as { name: string }).name);
  expect(new Set(names)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `name-${i}`)));
}
