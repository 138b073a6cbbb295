import { readFile } from "node:fs/promises";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { parseJcamp } from "./parse.js";
import type { JcampDocument } from "./types.js";

/**
 * Reads a JCAMP-DX file from disk and parses it ({@link parseJcamp}). The only disk access of `io/jcamp`.
 * @throws InputError when the file is missing or unreadable; FormatError when it is not valid JCAMP-DX.
 */
export async function readJcampFile(path: string): Promise<JcampDocument> {
  await checkReadableFile(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw fileError(path, error);
  }
  return parseJcamp(bytes, path);
}
