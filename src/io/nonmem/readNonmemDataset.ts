import type { InputFileRef } from "../../core/provenance.js";
import { readInputFile } from "../files/readInputFile.js";
import { PK_FILE_FORMATS } from "../pk-csv/pkFileFormats.js";
import type { NonmemDataset } from "./nonmemTypes.js";
import { parseNonmemDataset } from "./parseNonmemDataset.js";

/**
 * Reads a NONMEM-format dataset (TIME h, AMT mg, DV ng/mL).
 * @throws InputError / FormatError naming the file, line and column
 */
export async function readNonmemDataset(
  path: string,
): Promise<{ dataset: NonmemDataset; ref: InputFileRef }> {
  const file = await readInputFile(path, PK_FILE_FORMATS.nonmem);
  return { dataset: parseNonmemDataset(file.bytes, path), ref: file.ref };
}
