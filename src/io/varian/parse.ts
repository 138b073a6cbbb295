import type { NmrFid } from "../../core/analytics/nmr/types.js";
import { FormatError } from "../../core/errors.js";
import { checkFiniteSamples } from "../nmr/checkFiniteSamples.js";
import { unzipEntries } from "../zip/index.js";
import { type ProcparValue, parseProcpar } from "./procpar.js";

const FILE_HEADER = 32;
const BLOCK_HEADER = 28;
const S_32 = 0x4;
const S_FLOAT = 0x8;

/** A Varian/Agilent experiment: the procpar parameters and the first FID. */
export interface VarianExperiment {
  procpar: Map<string, ProcparValue>;
  fid: NmrFid;
}

/** `H1` → `1H`, `C13` → `13C`. */
function nucleusOf(tn: string | undefined): string {
  const m = /^([A-Za-z]+)(\d+)$/.exec(tn ?? "");
  return m ? `${m[2]}${m[1]}` : (tn ?? "1H");
}

/**
 * Reads a Varian/Agilent `.fid` experiment from its `fid` and `procpar` bytes: the 32-byte big-endian
 * file header (nblocks, ntraces, np, ebytes, tbytes, bbytes, vers_id, status, nbheaders), the first block
 * (28-byte block headers, then int16, int32 or float32 points by the status bits) and its first trace.
 * @throws FormatError naming the file when a size disagrees (truncated FID) or a parameter is missing.
 */
export function parseVarian(
  fidBytes: Uint8Array,
  procparText: string,
  source = "<memory>",
): VarianExperiment {
  const procpar = parseProcpar(procparText, `${source}/procpar`);
  const fidSource = `${source}/fid`;
  if (fidBytes.length < FILE_HEADER) {
    throw new FormatError(
      fidSource,
      "file header",
      `${FILE_HEADER} bytes`,
      `${fidBytes.length} bytes`,
      "the FID is truncated",
    );
  }
  const view = new DataView(fidBytes.buffer, fidBytes.byteOffset, fidBytes.byteLength);
  const nblocks = view.getInt32(0);
  const ntraces = view.getInt32(4);
  const np = view.getInt32(8);
  const ebytes = view.getInt32(12);
  const tbytes = view.getInt32(16);
  const bbytes = view.getInt32(20);
  const status = view.getInt16(26);
  const nbheaders = view.getInt32(28);
  if (
    nblocks < 1 ||
    ntraces < 1 ||
    np < 2 ||
    np % 2 ||
    (ebytes !== 2 && ebytes !== 4) ||
    tbytes !== np * ebytes
  ) {
    throw new FormatError(
      fidSource,
      "file header",
      "nblocks ≥ 1, ntraces ≥ 1, an even np ≥ 2, ebytes 2 or 4 and tbytes = np × ebytes",
      `nblocks ${nblocks}, ntraces ${ntraces}, np ${np}, ebytes ${ebytes}, tbytes ${tbytes}`,
    );
  }
  if (nbheaders < 0) {
    throw new FormatError(fidSource, "file header (offset 28)", "nbheaders ≥ 0", String(nbheaders));
  }
  const dataStart = FILE_HEADER + nbheaders * BLOCK_HEADER;
  if (bbytes < nbheaders * BLOCK_HEADER + tbytes || fidBytes.length < dataStart + tbytes) {
    throw new FormatError(
      fidSource,
      "file size",
      `at least ${dataStart + tbytes} bytes for the first trace (np ${np} × ${ebytes} bytes)`,
      `${fidBytes.length} bytes`,
      "the FID is truncated",
    );
  }
  const blockStatus = nbheaders > 0 ? view.getInt16(FILE_HEADER + 2) : status;
  const isFloat = (blockStatus & S_FLOAT) !== 0 || (status & S_FLOAT) !== 0;
  const is32 = ebytes === 4;
  // tbytes (checked above) covers np × ebytes: 4-byte values in a 2-byte file would be read past it.
  if (!is32 && (isFloat || (blockStatus & S_32) !== 0)) {
    throw new FormatError(
      fidSource,
      "file header (offset 12)",
      "ebytes 4 for float or 32-bit data (status bits)",
      `ebytes ${ebytes}, status 0x${(status & 0xffff).toString(16)}, block status 0x${(blockStatus & 0xffff).toString(16)}`,
    );
  }
  const n = np / 2;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = dataStart + 2 * i * ebytes;
    if (isFloat) {
      re[i] = view.getFloat32(o);
      im[i] = view.getFloat32(o + 4);
    } else if (is32 || (blockStatus & S_32) !== 0) {
      re[i] = view.getInt32(o);
      im[i] = view.getInt32(o + 4);
    } else {
      re[i] = view.getInt16(o);
      im[i] = view.getInt16(o + 2);
    }
  }
  if (isFloat) {
    checkFiniteSamples(re, fidSource, "real FID points");
    checkFiniteSamples(im, fidSource, "imaginary FID points");
  }
  const real = (name: string): number | undefined => {
    const v = procpar.get(name)?.[0];
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  };
  const text = (name: string): string | undefined => {
    const v = procpar.get(name)?.[0];
    return typeof v === "string" ? v : undefined;
  };
  const sfrq = real("sfrq");
  const sw = real("sw");
  if (sfrq === undefined || sw === undefined) {
    throw new FormatError(`${source}/procpar`, "parameters sfrq and sw", "numbers", "missing");
  }
  const reffrq = real("reffrq") ?? sfrq;
  const warnings: string[] = [];
  // VnmrJ referencing: rfl is the reference line's distance (Hz) from the right edge, rfp its shift (Hz).
  const rfl = real("rfl");
  const rfp = real("rfp") ?? 0;
  let carrierPpm: number;
  if (rfl !== undefined) carrierPpm = (sw / 2 - rfl + rfp) / reffrq;
  else {
    carrierPpm = ((sfrq - reffrq) / reffrq) * 1e6;
    warnings.push(`${source}/procpar: no rfl; the carrier is placed from sfrq and reffrq`);
  }
  if (nblocks > 1 || ntraces > 1) warnings.push(`${fidSource}: ${nblocks * ntraces} FIDs; the first is used`);
  const solvent = text("solvent");
  return {
    procpar,
    fid: {
      kind: "fid",
      vendor: "varian",
      source: fidSource,
      nucleus: nucleusOf(text("tn")),
      frequencyMHz: sfrq,
      referenceFrequencyMHz: reffrq,
      solvent: solvent?.trim() ? solvent.trim() : null,
      re,
      im,
      spectralWidthHz: sw,
      carrierPpm,
      groupDelay: 0,
      // VnmrJ quadrature: the shifted FFT runs against the chemical shift (CDCl3 at 77 ppm in 13C.fid).
      reverse: true,
      warnings,
    },
  };
}

/**
 * A Varian experiment from a zip of its `.fid` folder (`fid` and `procpar` anywhere inside).
 * @throws FormatError when the zip is unreadable or lacks either file.
 */
export function parseVarianZip(bytes: Uint8Array, source = "<memory>"): VarianExperiment {
  const entries = unzipEntries(
    bytes,
    source,
    (f) => /(^|\/)(fid|procpar)$/.test(f.name) && !f.name.includes("__MACOSX"),
  );
  const fidPath = Object.keys(entries).find((p) => /(^|\/)fid$/.test(p));
  const folder = fidPath ? fidPath.slice(0, fidPath.length - 3) : "";
  const procpar = entries[`${folder}procpar`];
  if (!fidPath || !procpar)
    throw new FormatError(source, "zip contents", "a Varian .fid folder (fid and procpar)", "none");
  return parseVarian(entries[fidPath]!, new TextDecoder("latin1").decode(procpar), source);
}
