import { readFile } from "node:fs/promises";
import { fileError } from "../files/readInputFile.js";
import { type AndiMsDocument, parseAndiMs } from "./parse.js";

/** Reads and parses an ANDI-MS netCDF file. @throws InputError / FormatError naming the file */
export async function readAndiMsFile(path: string): Promise<AndiMsDocument> {
  try {
    return parseAndiMs(new Uint8Array(await readFile(path)), path);
  } catch (error) {
    throw fileError(path, error);
  }
}
