import type { NormalizedPoint } from "../../core/assays/ic50/plates.js";
import type { InputFileRef } from "../../core/provenance.js";
import { readInputFile } from "../files/readInputFile.js";
import { parseNormalizedCsv } from "./parseNormalizedCsv.js";
import { PLATE_FILE_FORMATS } from "./plateFileFormats.js";

/**
 * Reads normalised dose-response data (`plate,well,compound,conc_nM,pct_activity`).
 * @throws InputError / FormatError naming the file, line and column
 */
export async function readNormalizedCsv(
  path: string,
): Promise<{ points: NormalizedPoint[]; ref: InputFileRef }> {
  const file = await readInputFile(path, PLATE_FILE_FORMATS.normalized);
  return { points: parseNormalizedCsv(file.bytes, path), ref: file.ref };
}
