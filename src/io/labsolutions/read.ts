import { readFile } from "node:fs/promises";
import type { Chromatogram } from "../../core/analytics/hplc/chromatogram.js";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { type LabSolutionsOptions, parseLabSolutionsAscii } from "./parse.js";

/**
 * Reads a Shimadzu LabSolutions ASCII export from disk ({@link parseLabSolutionsAscii}).
 * @throws InputError when the file is missing; FormatError naming the line of a malformed value.
 */
export async function readLabSolutionsAscii(
  path: string,
  options: LabSolutionsOptions = {},
): Promise<Chromatogram> {
  await checkReadableFile(path);
  try {
    return parseLabSolutionsAscii(new Uint8Array(await readFile(path)), path, options);
  } catch (error) {
    throw fileError(path, error);
  }
}
