import type { ConcentrationProfile } from "../../core/pk/nca/index.js";
import type { InputFileRef } from "../../core/provenance.js";
import { readInputFile } from "../files/readInputFile.js";
import { parseConcentrationCsv } from "./parseConcentrationCsv.js";
import { PK_FILE_FORMATS } from "./pkFileFormats.js";

/**
 * Reads a concentration CSV (`time_h,conc_ng_mL[,id]`) into one profile per subject.
 * @throws InputError / FormatError naming the file, line and column
 */
export async function readConcentrationCsv(
  path: string,
): Promise<{ profiles: ConcentrationProfile[]; ref: InputFileRef }> {
  const file = await readInputFile(path, PK_FILE_FORMATS.concentrations);
  return { profiles: parseConcentrationCsv(file.bytes, path), ref: file.ref };
}
