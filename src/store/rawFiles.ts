import { createHash } from "node:crypto";
import { InputError, ValidationError, type ValidationIssue } from "../core/errors.js";
import { appendAudit } from "./audit.js";
import type { Queryable } from "./db.js";
import { toIso, toNumber } from "./sqlValues.js";

/** A file to store: its bytes, the name it had and, when known, its format (e.g. `fcs`, `andi-cdf`). */
export interface RawFileInput {
  name: string;
  bytes: Uint8Array;
  format?: string;
}

/** What the store knows about a stored file, without its bytes. */
export interface RawFileMeta {
  /** SHA-256 of the content, 64 lower-case hex digits; the file's identity. */
  sha256: string;
  /** The name under which the content was first stored. */
  name: string;
  format: string | null;
  sizeBytes: number;
  /** ISO 8601. */
  createdAt: string;
}

/** A stored file with its bytes. */
export interface RawFile extends RawFileMeta {
  content: Uint8Array;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** SHA-256 of `bytes` as 64 lower-case hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Normalises a SHA-256 hex digest to lower case.
 * @throws InputError when it is not 64 hex digits.
 */
export function checkSha256(sha256: string): string {
  const lower = typeof sha256 === "string" ? sha256.toLowerCase() : "";
  if (!SHA256_HEX.test(lower)) {
    throw new InputError(`'${sha256}' is not a SHA-256 hash: expected 64 hexadecimal digits`);
  }
  return lower;
}

/**
 * Checks names, bytes and formats of files to store, reporting every problem.
 * @throws ValidationError listing the problems, with paths such as `files[1].bytes`.
 */
export function checkRawFileInputs(files: readonly RawFileInput[], path: string): void {
  const issues: ValidationIssue[] = [];
  files.forEach((file, i) => {
    const at = `${path}[${i}]`;
    if (file === null || typeof file !== "object") {
      issues.push({ path: at, message: "expected { name, bytes, format? }" });
      return;
    }
    if (typeof file.name !== "string" || file.name === "") {
      issues.push({ path: `${at}.name`, message: "expected a non-empty string" });
    }
    if (!(file.bytes instanceof Uint8Array))
      issues.push({ path: `${at}.bytes`, message: "expected a Uint8Array" });
    if (file.format !== undefined && typeof file.format !== "string") {
      issues.push({ path: `${at}.format`, message: "expected a string" });
    }
  });
  if (issues.length) throw new ValidationError(issues, "invalid file");
}

/**
 * Stores a file by content inside the caller's transaction, auditing only a first store; storing the same
 * bytes again returns the existing row unchanged. Safe against concurrent stores of the same bytes.
 */
export async function putRawFile(tx: Queryable, actor: string, file: RawFileInput): Promise<RawFileMeta> {
  const sha256 = sha256Hex(file.bytes);
  // Under concurrency, DO NOTHING waits for an uncommitted insert of the same hash; the select that
  // follows then sees the committed row.
  const [inserted] = await tx.query<RawFileRow>(
    `insert into raw_files (sha256, name, format, size_bytes, content) values ($1, $2, $3, $4, $5)
     on conflict (sha256) do nothing returning ${META_COLUMNS}`,
    [sha256, file.name, file.format ?? null, file.bytes.byteLength, file.bytes],
  );
  if (inserted) {
    const meta = toMeta(inserted);
    const { createdAt: _, ...after } = meta;
    await appendAudit(tx, actor, { action: "raw_file.create", entity: "raw_file", entityId: sha256, after });
    return meta;
  }
  const [existing] = await tx.query<RawFileRow>(`select ${META_COLUMNS} from raw_files where sha256 = $1`, [
    sha256,
  ]);
  return toMeta(existing!);
}

/**
 * Reads a stored file with its bytes, or undefined when no file has that hash.
 * @throws InputError when `sha256` is not 64 hex digits.
 */
export async function getRawFile(db: Queryable, sha256: string): Promise<RawFile | undefined> {
  const [row] = await db.query<RawFileRow & { content: Uint8Array }>(
    `select ${META_COLUMNS}, content from raw_files where sha256 = $1`,
    [checkSha256(sha256)],
  );
  return row && { ...toMeta(row), content: row.content };
}

const META_COLUMNS = "sha256, name, format, size_bytes, created_at";

interface RawFileRow {
  sha256: string;
  name: string;
  format: string | null;
  size_bytes: number | string;
  created_at: Date;
}

function toMeta(row: RawFileRow): RawFileMeta {
  return {
    sha256: row.sha256,
    name: row.name,
    format: row.format,
    sizeBytes: toNumber(row.size_bytes),
    createdAt: toIso(row.created_at),
  };
}
