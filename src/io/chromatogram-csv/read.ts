import { readFile } from "node:fs/promises";
import type { Chromatogram } from "../../core/analytics/hplc/chromatogram.js";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { parseChromatogramCsv } from "./parse.js";

/**
 * Reads a `time_min,signal` CSV from disk ({@link parseChromatogramCsv}); the only disk access here.
 * @throws InputError when the file is missing; FormatError naming line and column of a bad value.
 */
export async function readChromatogramCsv(path: string): Promise<Chromatogram> {
  await checkReadableFile(path);
  try {
    return parseChromatogramCsv(new Uint8Array(await readFile(path)), path);
  } catch (error) {
    throw fileError(path, error);
  }
}
