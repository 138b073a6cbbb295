import { mkdirSync } from "node:fs";
import { userInfo } from "node:os";
import { resolve } from "node:path";
import { InputError } from "../core/errors.js";
import type { EvaluatedAnalysis } from "../core/release/index.js";
import {
  getAnalysis,
  type ListAnalysesOptions,
  listAnalyses,
  type SaveAnalysisInput,
  type StoredAnalysis,
  saveAnalysis,
} from "./analyses.js";
import { type AuditEvent, type AuditLogOptions, listAuditEvents } from "./audit.js";
import {
  type CreateBatchInput,
  createBatch,
  getBatch,
  type ListBatchesOptions,
  listBatches,
  type StoredBatch,
} from "./batches.js";
import {
  addBatchInput,
  attachBatchFile,
  type BatchFile,
  type BatchLink,
  listBatchFiles,
  listBatchInputs,
  listBatchLineage,
  listBatchOutputs,
  updateBatchRecord,
} from "./batchRecords.js";
import {
  type CompoundRecord,
  checkCompoundRecords,
  getCompound,
  listCompounds,
  type StoredCompound,
  type UpsertOutcome,
  upsertCompound,
} from "./compounds.js";
import { setUserPassword } from "./credentials.js";
import { acquireDataDirLock } from "./dataDirLock.js";
import { type Db, openDb } from "./db.js";
import { migrate } from "./migrations.js";
import {
  checkRawFileInputs,
  getRawFile,
  putRawFile,
  type RawFile,
  type RawFileInput,
  type RawFileMeta,
} from "./rawFiles.js";
import {
  batchAnalysesForEvaluation,
  type LatestDecision,
  latestDecisions,
  listReleases,
  type ReleaseRequest,
  releaseBatch,
  type StoredRelease,
} from "./releases.js";

/** Where the store lives and who is writing. */
export interface StoreOptions {
  /** PGlite data directory, created if missing; in memory when undefined (and no databaseUrl). */
  dataDir?: string;
  /** PostgreSQL connection string; takes precedence over `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL only: schema to use, created if missing. */
  schema?: string;
  /** Name recorded in the audit log. @default process.env.IXALAB_USER ?? the OS user name ?? "unknown" */
  actor?: string;
}

/** Counts of what {@link Store.seedCompounds} did. */
export interface SeedSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * The Ixalab database: compounds, raw files, batches, analyses and their audit log. Every write runs in one
 * transaction together with its audit rows. Open it with {@link openStore}.
 */
export class Store {
  #closed = false;

  /** Use {@link openStore}; this constructor expects a migrated database. */
  constructor(
    /** The underlying connection, for administration and tests; writes through it bypass the audit log. */
    readonly db: Db,
    /** Name recorded in the audit log for writes through this store. */
    readonly actor: string,
    private readonly releaseLock: () => void = () => {},
  ) {}

  /** Which database engine holds the data. */
  get backend(): "pglite" | "postgres" {
    return this.db.backend;
  }

  /** Reads every compound, ordered by id. */
  async listCompounds(): Promise<StoredCompound[]> {
    return listCompounds(this.db);
  }

  /** Reads one compound, or undefined when the id is unknown. */
  async getCompound(id: string): Promise<StoredCompound | undefined> {
    return getCompound(this.db, id);
  }

  /**
   * Creates or updates a compound; writes and audits nothing when the record is unchanged.
   * @throws ValidationError when `id` or `name` is missing or empty.
   * @example await store.upsertCompound({ id: "ixazomib", name: "Ixazomib", smiles: "…" });
   */
  async upsertCompound(record: CompoundRecord): Promise<UpsertOutcome> {
    const [checked] = checkCompoundRecords([record]);
    return this.db.transaction((tx) => upsertCompound(tx, this.actor, checked!));
  }

  /**
   * Upserts many compounds in one transaction; idempotent, so it is safe to call at every start and from
   * several processes at once.
   * @throws ValidationError listing every malformed record, before anything is written.
   */
  async seedCompounds(records: readonly CompoundRecord[]): Promise<SeedSummary> {
    // Sorted so that concurrent seeders lock rows in the same order and cannot deadlock.
    const sorted = [...checkCompoundRecords(records)].sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    return this.db.transaction(async (tx) => {
      const summary: SeedSummary = { created: 0, updated: 0, unchanged: 0 };
      for (const record of sorted) summary[await upsertCompound(tx, this.actor, record)]++;
      return summary;
    });
  }

  /**
   * Stores a file by content; storing the same bytes again is a no-op that returns the existing metadata.
   * @throws ValidationError when the name is empty or bytes is not a Uint8Array.
   */
  async putRawFile(file: RawFileInput): Promise<RawFileMeta> {
    checkRawFileInputs([file], "file");
    return this.db.transaction((tx) => putRawFile(tx, this.actor, file));
  }

  /**
   * Reads a stored file with its bytes, or undefined when no file has that hash.
   * @throws InputError when `sha256` is not 64 hex digits.
   */
  async getRawFile(sha256: string): Promise<RawFile | undefined> {
    return getRawFile(this.db, sha256);
  }

  /**
   * Stores an analysis with its input files in one transaction: on any error nothing is stored.
   * @throws ValidationError for a malformed input, NotFoundError for an unknown compound or batch.
   */
  async saveAnalysis(input: SaveAnalysisInput): Promise<StoredAnalysis> {
    return this.db.transaction((tx) => saveAnalysis(tx, this.actor, input));
  }

  /** Reads one analysis, or undefined when the id is unknown or not a UUID. */
  async getAnalysis(id: string): Promise<StoredAnalysis | undefined> {
    return getAnalysis(this.db, id);
  }

  /**
   * Lists analyses, newest first.
   * @throws InputError for a bad `limit` or `offset`.
   */
  async listAnalyses(options: ListAnalysesOptions = {}): Promise<StoredAnalysis[]> {
    return listAnalyses(this.db, options);
  }

  /**
   * Creates a batch.
   * @throws NotFoundError for an unknown compound, InputError when the id is taken.
   */
  async createBatch(input: CreateBatchInput): Promise<StoredBatch> {
    return this.db.transaction((tx) => createBatch(tx, this.actor, input));
  }

  /** Reads one batch, or undefined when the id is unknown. */
  async getBatch(id: string): Promise<StoredBatch | undefined> {
    return getBatch(this.db, id);
  }

  /** Reads batches, optionally of one compound, ordered by id. */
  async listBatches(options: ListBatchesOptions = {}): Promise<StoredBatch[]> {
    return listBatches(this.db, options);
  }

  /**
   * Records that `inputBatchId` went into `batchId` (genealogy), with the grams used.
   * @throws NotFoundError for an unknown batch, InputError for a loop, a duplicate or a released batch.
   */
  async addBatchInput(batchId: string, inputBatchId: string, quantity_g?: number): Promise<BatchLink> {
    return this.db.transaction((tx) => addBatchInput(tx, this.actor, batchId, inputBatchId, quantity_g));
  }

  /** The batches that went into a batch. */
  async listBatchInputs(batchId: string): Promise<BatchLink[]> {
    return listBatchInputs(this.db, batchId);
  }

  /** The batches made from a batch. */
  async listBatchOutputs(batchId: string): Promise<BatchLink[]> {
    return listBatchOutputs(this.db, batchId);
  }

  /** The whole genealogy above a batch (its inputs, theirs, …) or below it (everything made from it). */
  async listBatchLineage(batchId: string, direction: "ancestors" | "descendants"): Promise<BatchLink[]> {
    return listBatchLineage(this.db, batchId, direction);
  }

  /**
   * Merges fields into a batch's record (amounts, yield, step…), audited with before and after.
   * @throws NotFoundError for an unknown batch, InputError for a released batch.
   */
  async updateBatchRecord(batchId: string, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.db.transaction((tx) => updateBatchRecord(tx, this.actor, batchId, patch));
  }

  /** Stores a file and attaches it to a batch. @throws NotFoundError for an unknown batch. */
  async attachBatchFile(batchId: string, file: RawFileInput): Promise<RawFileMeta> {
    return this.db.transaction((tx) => attachBatchFile(tx, this.actor, batchId, file));
  }

  /** The files attached to a batch. */
  async listBatchFiles(batchId: string): Promise<BatchFile[]> {
    return listBatchFiles(this.db, batchId);
  }

  /**
   * Sets a user's signing password (scrypt hash); audited without the hash.
   * @throws InputError for a malformed user name or a password shorter than 8 characters.
   */
  async setUserPassword(userName: string, password: string): Promise<void> {
    await this.db.transaction((tx) => setUserPassword(tx, this.actor, userName, password));
  }

  /** A batch's analyses, oldest first, as the specification evaluator reads them. */
  async batchAnalysesForEvaluation(batchId: string): Promise<EvaluatedAnalysis[]> {
    return batchAnalysesForEvaluation(this.db, batchId);
  }

  /**
   * Signs a release decision: re-authenticates, evaluates the stored analyses, and stores the signature,
   * the decision and both audit rows in one transaction.
   * @throws SignatureError, ReleaseBlockedError (a batch that does not pass), InputError, NotFoundError.
   */
  async releaseBatch(request: ReleaseRequest): Promise<StoredRelease> {
    return this.db.transaction((tx) => releaseBatch(tx, request));
  }

  /** A batch's signed decisions, newest first. */
  async listReleases(batchId: string): Promise<StoredRelease[]> {
    return listReleases(this.db, batchId);
  }

  /** The newest signed decision of every batch that has one, by batch id. */
  async latestDecisions(): Promise<Map<string, LatestDecision>> {
    return latestDecisions(this.db);
  }

  /**
   * Reads the audit log, newest first.
   * @throws InputError for a bad `limit`.
   */
  async auditLog(options: AuditLogOptions = {}): Promise<AuditEvent[]> {
    return listAuditEvents(this.db, options);
  }

  /** Closes the database and releases the data-directory lock; calling it again does nothing. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.db.close();
    } finally {
      this.releaseLock();
    }
  }
}

/**
 * Opens the store on PostgreSQL (`databaseUrl`), a PGlite directory (`dataDir`) or PGlite in memory, and
 * applies pending migrations.
 * @throws InputError when the data directory is in use by another process, or the schema is newer than
 * this Ixalab.
 * @example const store = await openStore({ dataDir: "./ixalab-data" });
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const actor = options.actor ?? defaultActor();
  if (actor.trim() === "") throw new InputError("actor must not be empty");
  const dataDir =
    options.databaseUrl === undefined && options.dataDir !== undefined && options.dataDir !== "memory://"
      ? resolve(options.dataDir)
      : undefined;
  let releaseLock = () => {};
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
  }
  let db: Db | undefined;
  try {
    db = await openDb({ dataDir, databaseUrl: options.databaseUrl, schema: options.schema });
    await migrate(db);
    return new Store(db, actor, releaseLock);
  } catch (error) {
    await db?.close().catch(() => {});
    releaseLock();
    throw error;
  }
}

function defaultActor(): string {
  if (process.env.IXALAB_USER) return process.env.IXALAB_USER;
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}
