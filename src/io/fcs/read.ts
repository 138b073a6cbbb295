import { readFile } from "node:fs/promises";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { parseFcs } from "./parse.js";
import type { FcsFile } from "./types.js";

/**
 * Reads an FCS file from disk and parses it ({@link parseFcs}). The only disk access of `io/fcs`.
 * @throws InputError when the file is missing or unreadable; FormatError when it is not valid FCS.
 */
export async function readFcsFile(path: string): Promise<FcsFile> {
  await checkReadableFile(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw fileError(path, error);
  }
  return parseFcs(bytes, path);
}
