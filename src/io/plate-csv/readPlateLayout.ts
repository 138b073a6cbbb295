import type { PlateLayout } from "../../core/assays/ic50/plates.js";
import type { InputFileRef } from "../../core/provenance.js";
import { readInputFile } from "../files/readInputFile.js";
import { parsePlateLayout } from "./parsePlateLayout.js";
import { PLATE_FILE_FORMATS } from "./plateFileFormats.js";

/**
 * Reads a plate layout file, long CSV or plate-map grid.
 * @throws InputError / FormatError naming the file, line and column
 */
export async function readPlateLayout(path: string): Promise<{ layout: PlateLayout; ref: InputFileRef }> {
  const file = await readInputFile(path, PLATE_FILE_FORMATS.layout);
  return { layout: parsePlateLayout(file.bytes, path), ref: file.ref };
}
