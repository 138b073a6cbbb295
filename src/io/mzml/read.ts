import { readFile } from "node:fs/promises";
import { fileError } from "../files/readInputFile.js";
import { type MzmlDocument, parseMzml } from "./parse.js";

/** Reads and parses an mzML file. @throws InputError / FormatError naming the file */
export async function readMzmlFile(path: string): Promise<MzmlDocument> {
  try {
    return parseMzml(new Uint8Array(await readFile(path)), path);
  } catch (error) {
    throw fileError(path, error);
  }
}
