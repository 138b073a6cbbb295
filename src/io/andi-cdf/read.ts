import { readFile } from "node:fs/promises";
import type { Chromatogram } from "../../core/analytics/hplc/chromatogram.js";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { parseAndiCdf } from "./parse.js";

/**
 * Reads an ANDI/AIA chromatography `.cdf` from disk ({@link parseAndiCdf}); the only disk access here.
 * @throws InputError when the file is missing; FormatError when it is not an ANDI chromatogram.
 */
export async function readAndiCdf(path: string): Promise<Chromatogram> {
  await checkReadableFile(path);
  try {
    return parseAndiCdf(new Uint8Array(await readFile(path)), path);
  } catch (error) {
    throw fileError(path, error);
  }
}
