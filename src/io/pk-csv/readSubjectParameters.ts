import type { InputFileRef } from "../../core/provenance.js";
import { readInputFile } from "../files/readInputFile.js";
import { parseSubjectParameters, type SubjectParameterRow } from "./parseSubjectParameters.js";
import { PK_FILE_FORMATS } from "./pkFileFormats.js";

/**
 * Reads a subject parameter file (`id` plus one column per parameter or covariate).
 * @throws InputError / FormatError naming the file, line and column
 */
export async function readSubjectParameters(
  path: string,
): Promise<{ rows: SubjectParameterRow[]; ref: InputFileRef }> {
  const file = await readInputFile(path, PK_FILE_FORMATS.subjectParameters);
  return { rows: parseSubjectParameters(file.bytes, path), ref: file.ref };
}
