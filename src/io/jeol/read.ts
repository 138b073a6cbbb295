import { readFile } from "node:fs/promises";
import type { NmrFid } from "../../core/analytics/nmr/types.js";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { parseJeol } from "./parse.js";

/** Reads a JEOL Delta `.jdf` file ({@link parseJeol}); the only disk access of `io/jeol`. */
export async function readJeolFile(path: string): Promise<NmrFid> {
  await checkReadableFile(path);
  try {
    return parseJeol(new Uint8Array(await readFile(path)), path);
  } catch (error) {
    throw fileError(path, error);
  }
}
