import { readFile } from "node:fs/promises";
import type { Diffractogram } from "../../core/analytics/xrpd/diffractogram.js";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { type DiffractogramOptions, parseDiffractogram } from "./parse.js";

/** Reads a powder pattern file from disk ({@link parseDiffractogram}); the only disk access of the readers. */
export async function readDiffractogram(
  path: string,
  options: DiffractogramOptions = {},
): Promise<Diffractogram> {
  await checkReadableFile(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw fileError(path, error);
  }
  return parseDiffractogram(bytes, path, options);
}
