import type { KineticReads } from "../../core/assays/ic50/plates.js";
import { mergeKineticReads } from "../../core/assays/ic50/plates.js";
import type { InputFileRef } from "../../core/provenance.js";
import { readInputFile } from "../files/readInputFile.js";
import { type ParseKineticReadsOptions, parseKineticReads } from "./parseKineticReads.js";
import { PLATE_FILE_FORMATS } from "./plateFileFormats.js";

/**
 * Reads kinetic reads from one file, or several (e.g. one wide export per plate, merged in order).
 * @param options `plate` applies to a single wide file only
 * @throws InputError / FormatError naming the file (and line and column)
 * @example const { reads, refs } = await readKineticReads(["PA01.csv", "PA02.csv"]);
 */
export async function readKineticReads(
  paths: string | readonly string[],
  options: ParseKineticReadsOptions = {},
): Promise<{ reads: KineticReads; refs: InputFileRef[] }> {
  const list = typeof paths === "string" ? [paths] : paths;
  const parts: KineticReads[] = [];
  const refs: InputFileRef[] = [];
  for (const path of list) {
    const file = await readInputFile(path, PLATE_FILE_FORMATS.kinetics);
    refs.push(file.ref);
    parts.push(parseKineticReads(file.bytes, path, options));
  }
  return { reads: mergeKineticReads(parts), refs };
}
