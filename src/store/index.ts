/**
 * The storage layer: PGlite by default, PostgreSQL via a connection string, one SQL dialect, versioned
 * migrations and an append-only audit log.
 */
export type {
  ListAnalysesOptions,
  SaveAnalysisInput,
  StoredAnalysis,
  StoredAnalysisInput,
} from "./analyses.js";
export type { AuditEvent, AuditLogOptions } from "./audit.js";
export type { CreateBatchInput, ListBatchesOptions, StoredBatch } from "./batches.js";
export type { BatchFile, BatchLink } from "./batchRecords.js";
export type { CompoundRecord, StoredCompound, UpsertOutcome } from "./compounds.js";
export type { Db, Queryable } from "./db.js";
export type { RawFile, RawFileInput, RawFileMeta } from "./rawFiles.js";
export type { LatestDecision, ReleaseRequest, StoredRelease, StoredSignature } from "./releases.js";
export { openStore, type SeedSummary, Store, type StoreOptions } from "./store.js";
