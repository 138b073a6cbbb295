import { readInputFile } from "../files/readInputFile.js";
import { type Molfile, parseMolfile } from "./parseMolfile.js";

/** Reads and checks an MDL molfile from disk. @throws InputError / FormatError naming the file. */
export async function readMolfile(path: string) {
  const file = await readInputFile(path, "molfile");
  const molfile: Molfile = parseMolfile(file.bytes, path);
  return { ...file, molfile };
}
