import type { NmrData, NmrFid, NmrSpectrum } from "../../core/analytics/nmr/types.js";
import { FormatError } from "../../core/errors.js";
import { type JcampBlock, jcampNumber, jcampString, parseJcamp } from "../jcamp/index.js";
import { checkFiniteSamples } from "../nmr/checkFiniteSamples.js";
import { unzipEntries } from "../zip/index.js";
import { brukerGroupDelay } from "./digitalFilter.js";

/** The files of one TopSpin experiment, keyed by path relative to the experiment folder (`acqus`, `pdata/1/1r`). */
export type BrukerFiles = ReadonlyMap<string, Uint8Array>;

/** A TopSpin experiment: its parameter files and what the reader made of the fid and 1r/1i. */
export interface BrukerExperiment {
  /** Path of the experiment folder inside the zip ("" for a bare folder). */
  folder: string;
  acqus: JcampBlock;
  procs?: JcampBlock;
  /** The processing number whose 1r was read, e.g. `pdata/1`. */
  procno?: string;
  data: NmrData;
}

const SKIP = /(^|\/)(__MACOSX\/|\._|\.DS_Store$)/;

/**
 * Unzips a TopSpin experiment (zip of the folder holding `acqus`, `fid`/`ser`, `pdata/N/1r`). The first
 * experiment (by path) with a fid, ser or 1r is read; `__MACOSX` and `.DS_Store` entries are ignored.
 * @throws FormatError when the zip is unreadable or holds no experiment.
 */
export function parseBrukerZip(bytes: Uint8Array, source = "<memory>"): BrukerExperiment {
  const entries = unzipEntries(bytes, source, (f) => !SKIP.test(f.name) && !f.name.endsWith("/"));
  const folders = Object.keys(entries)
    .filter((p) => /(^|\/)acqus$/.test(p))
    .map((p) => p.slice(0, p.length - "acqus".length))
    .sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
  const usable =
    folders.find((f) => entries[`${f}fid`] || entries[`${f}ser`]) ??
    folders.find((f) => Object.keys(entries).some((p) => p.startsWith(`${f}pdata/`) && p.endsWith("/1r")));
  if (usable === undefined) {
    throw new FormatError(
      source,
      "zip contents",
      "a TopSpin experiment folder (acqus with fid, ser or pdata/N/1r)",
      "none",
    );
  }
  const files = new Map<string, Uint8Array>();
  for (const [p, b] of Object.entries(entries))
    if (p.startsWith(usable)) files.set(p.slice(usable.length), b);
  return { ...parseBrukerFiles(files, source), folder: usable.replace(/\/$/, "") };
}

/**
 * Reads one TopSpin experiment from its files: acqus (acqu when acqus is missing), fid or ser (first
 * FID), and the lowest-numbered pdata with procs and 1r (1i when present).
 * @throws FormatError naming the file when a size disagrees (truncated fid or 1r), a data type is
 *   unknown or acqus lacks TD/SW_h/SFO1.
 */
export function parseBrukerFiles(files: BrukerFiles, source = "<memory>"): BrukerExperiment {
  const acqusBytes = files.get("acqus") ?? files.get("acqu");
  if (!acqusBytes) throw new FormatError(source, "experiment folder", "an acqus file", "none");
  const acqus = paramBlock(acqusBytes, `${source}:acqus`);
  const procnos = [...files.keys()]
    .map((p) => /^pdata\/(\d+)\/procs$/.exec(p)?.[1])
    .filter((p): p is string => p !== undefined)
    .sort((a, b) => Number(a) - Number(b));
  const procno = procnos.find((p) => files.has(`pdata/${p}/1r`)) ?? procnos[0];
  const procs = procno
    ? paramBlock(files.get(`pdata/${procno}/procs`)!, `${source}:pdata/${procno}/procs`)
    : undefined;
  const data: NmrData = {};
  const fidBytes = files.get("fid") ?? files.get("ser");
  if (fidBytes) data.fid = readFid(fidBytes, acqus, procs, `${source}:${files.has("fid") ? "fid" : "ser"}`);
  const oneR = procno ? files.get(`pdata/${procno}/1r`) : undefined;
  if (oneR && procs) {
    data.spectrum = readProcessed(
      oneR,
      files.get(`pdata/${procno}/1i`),
      acqus,
      procs,
      `${source}:pdata/${procno}`,
    );
  }
  if (!data.fid && !data.spectrum) {
    throw new FormatError(source, "experiment folder", "a fid, ser or pdata/N/1r file", "none");
  }
  return { folder: "", acqus, ...(procs && { procs }), ...(procno && { procno: `pdata/${procno}` }), data };
}

function paramBlock(bytes: Uint8Array, source: string): JcampBlock {
  const doc = parseJcamp(bytes, source);
  const block = doc.blocks[0];
  if (!block) throw new FormatError(source, "start", "a JCAMP-style parameter file", "no records");
  return block;
}

function required(block: JcampBlock, label: string, source: string): number {
  const v = jcampNumber(block, label);
  if (v === undefined) throw new FormatError(source, `##${label}`, "a number", "missing or not a number");
  return v;
}

/** `<1H>` → `1H`; `<CDCl3>` → `CDCl3`. */
function nucleusOf(acqus: JcampBlock): string {
  return jcampString(acqus, "$NUC1") ?? "1H";
}

function solventOf(acqus: JcampBlock): string | null {
  const s = jcampString(acqus, "$SOLVENT");
  return s && s.trim() !== "" ? s.trim() : null;
}

function readFid(
  bytes: Uint8Array,
  acqus: JcampBlock,
  procs: JcampBlock | undefined,
  source: string,
): NmrFid {
  const acqSource = source.replace(/:(fid|ser)$/, ":acqus");
  const td = required(acqus, "$TD", acqSource);
  const swH = required(acqus, "$SW_h", acqSource);
  const sfo1 = required(acqus, "$SFO1", acqSource);
  const bf1 = jcampNumber(acqus, "$BF1") ?? sfo1;
  const dtypa = jcampNumber(acqus, "$DTYPA") ?? 0;
  const bigEndian = jcampNumber(acqus, "$BYTORDA") === 1;
  if (dtypa !== 0 && dtypa !== 2) {
    throw new FormatError(acqSource, "##$DTYPA", "0 (int32) or 2 (float64)", String(dtypa));
  }
  const width = dtypa === 2 ? 8 : 4;
  if (!Number.isInteger(td) || td < 4)
    throw new FormatError(acqSource, "##$TD", "an even integer ≥ 4", String(td));
  const complex = Math.floor(td / 2);
  const needed = complex * 2 * width;
  if (bytes.length < needed) {
    throw new FormatError(
      source,
      "file size",
      `${needed} bytes (TD ${td} × ${width}-byte ${dtypa === 2 ? "float64" : "int32"})`,
      `${bytes.length} bytes`,
      "the FID is truncated",
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const re = new Float64Array(complex);
  const im = new Float64Array(complex);
  const little = !bigEndian;
  for (let i = 0; i < complex; i++) {
    const o = 2 * i * width;
    if (width === 4) {
      re[i] = view.getInt32(o, little);
      im[i] = view.getInt32(o + 4, little);
    } else {
      re[i] = view.getFloat64(o, little);
      im[i] = view.getFloat64(o + 8, little);
    }
  }
  if (width === 8) {
    checkFiniteSamples(re, source, "real FID points");
    checkFiniteSamples(im, source, "imaginary FID points");
  }
  const warnings: string[] = [];
  const groupDelay = brukerGroupDelay({
    grpdly: jcampNumber(acqus, "$GRPDLY"),
    dspfvs: jcampNumber(acqus, "$DSPFVS"),
    decim: jcampNumber(acqus, "$DECIM"),
    digmod: jcampNumber(acqus, "$DIGMOD"),
  });
  if (groupDelay === undefined) {
    warnings.push(
      `${acqSource}: DSPFVS ${jcampNumber(acqus, "$DSPFVS")} / DECIM ${jcampNumber(acqus, "$DECIM")} not in the digital-filter table; the automatic first-order phase must absorb the group delay`,
    );
  }
  // SF (procs) carries the referencing TopSpin applied (SR = SF − BF1); without procs, BF1 (SR = 0).
  const sf = (procs && jcampNumber(procs, "$SF")) || bf1;
  return {
    kind: "fid",
    vendor: "bruker",
    source,
    nucleus: nucleusOf(acqus),
    frequencyMHz: sfo1,
    referenceFrequencyMHz: sf,
    solvent: solventOf(acqus),
    re,
    im,
    spectralWidthHz: swH,
    carrierPpm: ((sfo1 - sf) / sf) * 1e6,
    groupDelay: groupDelay ?? 0,
    // Bruker quadrature: the shifted FFT runs with the chemical shift (checked against TopSpin 1r).
    reverse: false,
    warnings,
  };
}

function readProcessed(
  oneR: Uint8Array,
  oneI: Uint8Array | undefined,
  acqus: JcampBlock,
  procs: JcampBlock,
  source: string,
): NmrSpectrum {
  const procSource = `${source}/procs`;
  const si = required(procs, "$SI", procSource);
  const offset = required(procs, "$OFFSET", procSource);
  const swP = required(procs, "$SW_p", procSource);
  const sf = required(procs, "$SF", procSource);
  const dtypp = jcampNumber(procs, "$DTYPP") ?? 0;
  const nc = jcampNumber(procs, "$NC_proc") ?? 0;
  const little = jcampNumber(procs, "$BYTORDP") !== 1;
  if (dtypp !== 0 && dtypp !== 2)
    throw new FormatError(procSource, "##$DTYPP", "0 (int32) or 2 (float64)", String(dtypp));
  const width = dtypp === 2 ? 8 : 4;
  if (!Number.isInteger(si) || si < 2)
    throw new FormatError(procSource, "##$SI", "an integer ≥ 2", String(si));
  const read = (bytes: Uint8Array, name: string) => {
    if (bytes.length < si * width) {
      throw new FormatError(
        `${source}/${name}`,
        "file size",
        `${si * width} bytes (SI ${si} × ${width})`,
        `${bytes.length} bytes`,
        "the file is truncated",
      );
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = new Float64Array(si);
    const scale = 2 ** nc;
    for (let i = 0; i < si; i++)
      out[i] = (width === 4 ? view.getInt32(i * 4, little) : view.getFloat64(i * 8, little)) * scale;
    checkFiniteSamples(out, `${source}/${name}`, "points"); // also catches an NC_proc that overflows 2^NC
    return out;
  };
  // Read (and size-check) 1r before allocating the ppm axis from SI.
  const re = read(oneR, "1r");
  const ppm = new Float64Array(si);
  const step = swP / sf / si;
  for (let i = 0; i < si; i++) ppm[i] = offset - i * step;
  const spectrum: NmrSpectrum = {
    kind: "spectrum",
    vendor: "bruker",
    source: `${source}/1r`,
    nucleus: nucleusOf(acqus),
    frequencyMHz: jcampNumber(acqus, "$SFO1") ?? sf,
    referenceFrequencyMHz: sf,
    solvent: solventOf(acqus),
    ppm,
    re,
    warnings: [],
  };
  if (oneI) spectrum.im = read(oneI, "1i");
  return spectrum;
}
