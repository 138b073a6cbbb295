import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileError } from "../files/readInputFile.js";
import { parseVarian, type VarianExperiment } from "./parse.js";

/** The `fid` and `procpar` bytes of a Varian `.fid` folder. @throws InputError naming a missing file. */
export async function readVarianFolderFiles(folder: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of ["fid", "procpar"]) {
    const path = join(folder, name);
    try {
      files.set(name, new Uint8Array(await readFile(path)));
    } catch (error) {
      throw fileError(path, error);
    }
  }
  return files;
}

/** Reads a Varian `.fid` folder ({@link parseVarian}). */
export async function readVarianFolder(folder: string): Promise<VarianExperiment> {
  const files = await readVarianFolderFiles(folder);
  return parseVarian(files.get("fid")!, new TextDecoder("latin1").decode(files.get("procpar")!), folder);
}
