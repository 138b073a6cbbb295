import { readFile } from "node:fs/promises";
import type { Chromatogram } from "../../core/analytics/hplc/chromatogram.js";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { type ChromatogramReadOptions, parseChromatogram } from "./parse.js";

/**
 * Reads a chromatogram file of any supported format from disk ({@link parseChromatogram}).
 * @throws InputError when the file is missing; FormatError when it cannot be read as a chromatogram.
 */
export async function readChromatogram(
  path: string,
  options: ChromatogramReadOptions = {},
): Promise<Chromatogram> {
  await checkReadableFile(path);
  try {
    return parseChromatogram(new Uint8Array(await readFile(path)), path, options);
  } catch (error) {
    throw fileError(path, error);
  }
}
