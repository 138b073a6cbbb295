import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../../core/errors.js";
import { checkReadableFile, fileError } from "../files/readInputFile.js";
import { type BrukerExperiment, parseBrukerFiles, parseBrukerZip } from "./parse.js";

const WANTED = /^(acqus|acqu|fid|ser|pdata\/\d+\/(procs|proc|1r|1i))$/;

/**
 * The files of a TopSpin experiment folder that the reader uses (acqus, fid/ser, pdata/N/procs, 1r, 1i),
 * keyed by relative path. The only disk access of `io/bruker` besides {@link readBrukerFile}.
 * @throws InputError when the folder is missing or holds no acqus.
 */
export async function readBrukerFolderFiles(folder: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const walk = async (dir: string, rel: string, depth: number) => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      throw fileError(dir, error);
    }
    for (const name of names) {
      const path = join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const info = await stat(path);
      if (info.isDirectory()) {
        if (depth < 2 && (relPath === "pdata" || /^pdata\/\d+$/.test(relPath)))
          await walk(path, relPath, depth + 1);
      } else if (WANTED.test(relPath)) files.set(relPath, new Uint8Array(await readFile(path)));
    }
  };
  await walk(folder, "", 0);
  if (!files.has("acqus") && !files.has("acqu")) {
    throw new InputError(`${folder}: not a TopSpin experiment folder (no acqus file)`);
  }
  return files;
}

/**
 * Reads a TopSpin experiment from a zip file or an experiment folder.
 * @throws InputError / FormatError naming the file and the problem.
 */
export async function readBrukerFile(path: string): Promise<BrukerExperiment> {
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(path, error);
  });
  if (info.isDirectory()) return parseBrukerFiles(await readBrukerFolderFiles(path), path);
  await checkReadableFile(path);
  return parseBrukerZip(new Uint8Array(await readFile(path)), path);
}
