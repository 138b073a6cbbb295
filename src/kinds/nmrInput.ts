import { unzipSync } from "fflate";
import type { NmrData } from "../core/analytics/nmr/index.js";
import { FormatError } from "../core/errors.js";
import { parseBrukerZip } from "../io/bruker/index.js";
import { jcampToNmr, type ParseJcampOptions, parseJcamp } from "../io/jcamp/index.js";
import { isJeolJdf, parseJeol } from "../io/jeol/index.js";
import { parseVarianZip } from "../io/varian/index.js";

/** The NMR formats an input may be in, as recorded in the provenance envelope. */
export type NmrInputFormat = "bruker-zip" | "varian-zip" | "jeol-jdf" | "jcamp-dx";

/** Which NMR format the bytes are: zip (Bruker with acqus, Varian with procpar), JEOL .jdf, JCAMP-DX. */
export function detectNmrFormat(bytes: Uint8Array, source: string): NmrInputFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const names: string[] = [];
    try {
      unzipSync(bytes, {
        filter: (f) => {
          names.push(f.name);
          return false;
        },
      });
    } catch (error) {
      throw new FormatError(source, "zip", "a readable zip archive", (error as Error).message);
    }
    const real = names.filter((n) => !n.includes("__MACOSX"));
    if (real.some((n) => /(^|\/)acqus?$/.test(n))) return "bruker-zip";
    if (real.some((n) => /(^|\/)procpar$/.test(n))) return "varian-zip";
    throw new FormatError(
      source,
      "zip contents",
      "a TopSpin experiment (acqus) or a Varian .fid folder (procpar)",
      "neither",
    );
  }
  if (isJeolJdf(bytes)) return "jeol-jdf";
  let i = 0;
  while (
    i < bytes.length &&
    i < 4096 &&
    (bytes[i] === 0x20 ||
      bytes[i] === 0x09 ||
      bytes[i] === 0x0d ||
      bytes[i] === 0x0a ||
      bytes[i] === 0xef ||
      bytes[i] === 0xbb ||
      bytes[i] === 0xbf)
  )
    i++;
  if (bytes[i] === 0x23 && bytes[i + 1] === 0x23) return "jcamp-dx";
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
  throw new FormatError(
    source,
    "start of file",
    "a JCAMP-DX file (##TITLE=), a zip of a Bruker or Varian experiment, or a JEOL .jdf",
    bytes.length === 0 ? "an empty file" : `bytes ${head}`,
  );
}

/**
 * Reads an NMR input of any supported format to a FID and/or spectrum.
 * @param options.npoints JCAMP-DX only: "data" accepts a `##NPOINTS` that disagrees with the data
 *   (a warning; {@link ParseJcampOptions}). @default "strict"
 * @throws FormatError naming the file and what is wrong.
 */
export function parseNmrInput(
  bytes: Uint8Array,
  source: string,
  options: Pick<ParseJcampOptions, "npoints"> = {},
): NmrData {
  switch (detectNmrFormat(bytes, source)) {
    case "bruker-zip":
      return parseBrukerZip(bytes, source).data;
    case "varian-zip":
      return { fid: parseVarianZip(bytes, source).fid };
    case "jeol-jdf":
      return { fid: parseJeol(bytes, source) };
    case "jcamp-dx":
      return jcampToNmr(parseJcamp(bytes, source, options), source);
  }
}
