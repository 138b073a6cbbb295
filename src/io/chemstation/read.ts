import { readFile } from "node:fs/promises";
import type { Chromatogram } from "../../core/analytics/hplc/chromatogram.js";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { parseChemstationCh } from "./parse.js";

/**
 * Reads an Agilent ChemStation `.ch` file from disk ({@link parseChemstationCh}); the only disk access here.
 * @throws InputError when the file is missing; FormatError when it is not a readable `.ch` file.
 */
export async function readChemstationCh(path: string): Promise<Chromatogram> {
  await checkReadableFile(path);
  try {
    return parseChemstationCh(new Uint8Array(await readFile(path)), path);
  } catch (error) {
    throw fileError(path, error);
  }
}
