import type { PlateTable } from "../../core/assays/ic50/plates.js";
import type { InputFileRef } from "../../core/provenance.js";
import { readInputFile } from "../files/readInputFile.js";
import { parsePlateTable } from "./parsePlateTable.js";
import { PLATE_FILE_FORMATS } from "./plateFileFormats.js";

/**
 * Reads a plate table file (`plate,detector_max,…`).
 * @throws InputError / FormatError naming the file, line and column
 */
export async function readPlateTable(path: string): Promise<{ plates: PlateTable; ref: InputFileRef }> {
  const file = await readInputFile(path, PLATE_FILE_FORMATS.plates);
  return { plates: parsePlateTable(file.bytes, path), ref: file.ref };
}
