import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { InputError } from "../../core/errors.js";
import type { InputFileRef } from "../../core/provenance.js";

/** The largest input file read whole into memory; larger ones need a streaming reader. */
export const MAX_INPUT_FILE_BYTES = 2 * 1024 ** 3 - 1;

/** SHA-256 of bytes as 64 lower-case hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads a user's input file and describes it for the provenance envelope.
 * @throws InputError naming the file when it is missing, unreadable, a directory or too large.
 */
export async function readInputFile(
  path: string,
  format: string,
): Promise<{ ref: InputFileRef; bytes: Uint8Array }> {
  await checkReadableFile(path);
  const bytes = new Uint8Array(await readFile(path));
  return { ref: { name: basename(path), bytes: bytes.length, sha256: sha256Hex(bytes), format }, bytes };
}

/** @throws InputError naming the file and what is wrong with it; returns its size in bytes. */
export async function checkReadableFile(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`${path}: is a directory, expected a file`);
    if (info.size > MAX_INPUT_FILE_BYTES) {
      throw new InputError(
        `${path}: ${info.size} bytes is more than the ${MAX_INPUT_FILE_BYTES} bytes Ixalab reads at once`,
      );
    }
    return info.size;
  } catch (error) {
    throw fileError(path, error);
  }
}

/** Turns Node's file-system errors into one-line InputErrors; anything else passes through. */
export function fileError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new InputError(`${path}: no such file`);
  if (code === "EACCES" || code === "EPERM") return new InputError(`${path}: permission denied`);
  if (code === "EISDIR") return new InputError(`${path}: is a directory, expected a file`);
  return error;
}
