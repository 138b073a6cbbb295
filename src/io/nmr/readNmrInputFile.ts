import { readdir, stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { zipSync } from "fflate";
import { InputError } from "../../core/errors.js";
import type { InputFileRef } from "../../core/provenance.js";
import { readBrukerFolderFiles } from "../bruker/index.js";
import { fileError, readInputFile, sha256Hex } from "../files/readInputFile.js";
import { readVarianFolderFiles } from "../varian/index.js";

/** One fixed time stamp for packed entries, so a folder always packs to the same bytes (and SHA-256). */
const PACK_MTIME = new Date("2000-01-01T00:00:00Z");

/**
 * Reads an NMR input for a kind: a file as it is (Bruker or Varian zip, JEOL .jdf, JCAMP-DX), or an
 * experiment folder packed into a zip of the files the readers use — a TopSpin experiment (acqus, fid/ser,
 * pdata/N/procs, 1r, 1i) or a Varian `.fid` folder (fid, procpar). The zip is what the store keeps and
 * what the provenance envelope's SHA-256 is of; its entries carry a fixed date, so it is reproducible.
 * @throws InputError naming the path when it is missing or a folder of neither kind.
 * @example await readNmrInputFile("../data/aspirin/1", "nmr") // { ref: { name: "aspirin/1", … }, bytes: zip }
 */
export async function readNmrInputFile(
  path: string,
  format: string,
): Promise<{ ref: InputFileRef; bytes: Uint8Array }> {
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(path, error);
  });
  if (!info.isDirectory()) return readInputFile(path, format);
  const names = new Set(
    await readdir(path).catch((error: unknown) => {
      throw fileError(path, error);
    }),
  );
  let files: Map<string, Uint8Array>;
  if (names.has("acqus") || names.has("acqu")) files = await readBrukerFolderFiles(path);
  else if (names.has("procpar")) files = await readVarianFolderFiles(path);
  else
    throw new InputError(
      `${path}: expected a TopSpin experiment folder (with acqus) or a Varian .fid folder (with fid and procpar), found a folder with neither`,
    );
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of [...files.keys()].sort()) entries[name] = [files.get(name)!, { mtime: PACK_MTIME }];
  const bytes = zipSync(entries, { level: 6 });
  // A TopSpin experiment folder is a number (the EXPNO): its sample folder is named with it.
  const base = basename(resolve(path));
  const name = /^\d+$/.test(base) ? `${basename(dirname(resolve(path)))}/${base}` : base;
  return { ref: { name, bytes: bytes.length, sha256: sha256Hex(bytes), format }, bytes };
}
