/**
 * Every file reader in src/io answers bad bytes with a typed error (issue: "bad input is an InputError,
 * anything else is a bug"). Each reader gets one or two real files from ../shared/testdata (each folder's
 * MANIFEST names their source), or text its own writer produced where the shared data has none, and a
 * seeded, repeatable set of corruptions of them: truncations (inside the header and one byte short of the
 * end), single-byte flips, a zeroed run, a 0xFF run over the header, a header number inflated to ten
 * nines, and the empty file. The reader must either return, with parallel arrays of equal length, or throw
 * an `InputError`; a TypeError, RangeError, a library's own exception, or an allocation from a claimed size
 * is a bug. The unmutated file must parse, so each case proves the reader was called the right way.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/core/errors.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";
import { parseAndiCdf, parseAndiPeakTable } from "../src/io/andi-cdf/index.js";
import { parseAndiMs } from "../src/io/andi-ms/index.js";
import { parseBrml } from "../src/io/brml/index.js";
import { parseBrukerFiles, parseBrukerZip } from "../src/io/bruker/index.js";
import { parseBrukerRaw } from "../src/io/bruker-raw/index.js";
import { parseChemstationCh } from "../src/io/chemstation/index.js";
import { parseChromatogram, parseHplcMethod } from "../src/io/chromatogram/index.js";
import { parseChromatogramCsv, writeChromatogramCsv } from "../src/io/chromatogram-csv/index.js";
import { parseDiffractogram, parseReferenceCsv, writeReferenceCsv } from "../src/io/diffractogram/index.js";
import { parseJcampDiffractogram } from "../src/io/diffractogram/jcamp.js";
import { parseFcs } from "../src/io/fcs/index.js";
import { parseFlowDesign, parseSpilloverMatrix } from "../src/io/flow-matrix/index.js";
import { parseGatingMl } from "../src/io/gatingml/index.js";
import { jcampToNmr, parseJcamp } from "../src/io/jcamp/index.js";
import { parseJeol, parseJeolHeader } from "../src/io/jeol/index.js";
import { parseLabSolutionsAscii } from "../src/io/labsolutions/index.js";
import { parseMolfile } from "../src/io/molfile/index.js";
import { parseMsCsv } from "../src/io/ms-csv/index.js";
import { parseMzml } from "../src/io/mzml/index.js";
import { formatNonmemDataset, parseNonmemDataset } from "../src/io/nonmem/index.js";
import {
  formatConcentrationCsv,
  formatSubjectParameters,
  parseConcentrationCsv,
  parseSubjectParameters,
} from "../src/io/pk-csv/index.js";
import {
  formatLayoutGrid,
  parseKineticReads,
  parseKineticsWide,
  parseLayoutCsv,
  parseLayoutGrid,
  parseNormalizedCsv,
  parsePlateLayout,
  parsePlateTable,
} from "../src/io/plate-csv/index.js";
import { createSmilesListParser } from "../src/io/smiles-list/index.js";
import { parseJcampMassSpectra, parseMassSpectrum } from "../src/io/spectrum/index.js";
import { parseUxd } from "../src/io/uxd/index.js";
import { parseVarian, parseVarianZip } from "../src/io/varian/index.js";
import { parseXrdml } from "../src/io/xrdml/index.js";
import { parseXy } from "../src/io/xy/index.js";

const DATA = "../shared/testdata/";
const read = (path: string) => new Uint8Array(readFileSync(DATA + path));
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const latin1 = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

type Parse = (bytes: Uint8Array, source: string) => unknown;

interface Case {
  reader: string;
  /** The shared file (relative to testdata/) or a description of the writer's text. */
  file: string;
  bytes: Uint8Array;
  parse: Parse;
  /** Fewer truncations and flips for files that take long to parse (the 2.9 MB LabSolutions export). */
  budget?: number;
}

const file = (reader: string, path: string, parse: Parse, budget?: number): Case => ({
  reader,
  file: path,
  bytes: read(path),
  parse,
  ...(budget !== undefined && { budget }),
});
const made = (reader: string, what: string, text: string, parse: Parse): Case => ({
  reader,
  file: what,
  bytes: encode(text),
  parse,
});

// Inputs the shared data has no file for, made by the project's own writers from shared files (or, for the
// tiny method, design and SMILES lists, written out here) so the corruptions start from valid text.
const dad1a = parseChemstationCh(read("hplc/agilent_chemstation_mocca/DAD1A.ch"), "DAD1A.ch");
const CHROMATOGRAM_CSV = writeChromatogramCsv({
  times_min: dad1a.times_min.subarray(0, 400),
  signal: dad1a.signal.subarray(0, 400),
});
const isasMs = parseJcampMassSpectra(read("ms/jcamp/isas/ISAS_MS1.DX"), "ISAS_MS1.DX")[0]!;
const MS_CSV = `# ISAS_MS1.DX\nmz,intensity\n${Array.from(isasMs.mz, (m, i) => `${m},${isasMs.intensity[i]}`).join("\n")}\n`;
const METHOD_JSON = JSON.stringify({
  name: "ixazomib assay",
  mainPeak: { rt_min: 8.2, window_min: 0.3, name: "ixazomib" },
  impurities: [
    { name: "impurity A", rrt: 0.85, window: 0.02, rrf: 1.1 },
    { name: "impurity B", rrt: 1.21, window: 0.03 },
  ],
  thresholdPct: 0.05,
  noiseWindow_min: [0.5, 1.5],
});
const METHOD_CSV = "name,rrt,window,rrf\nimpurity A,0.85,0.02,1.1\nimpurity B,1.21,0.03,\n";
const REFERENCE_CSV = writeReferenceCsv(
  Array.from({ length: 24 }, (_, i) => ({ twoTheta: 10 + 2.7 * i, relIntensity: (37 * i) % 100 })),
  ["form I, synthetic"],
);
const FLOW_DESIGN = "file,conc_nM\n060909.001,0\n060909.002,1.5\n060909.003,15\n060909.004,150\n";
const SMILES_CSV = "name,smiles\nethanol,CCO\nbenzene,c1ccccc1\nacetic acid,CC(=O)O\n";
const layout = parseLayoutCsv(read("ic50/example-plate/layout.csv"), "layout.csv");
const LAYOUT_GRID = formatLayoutGrid(layout);
const WIDE_KINETICS = (() => {
  const rand = mulberry32(96);
  const wells = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2"];
  const rows = Array.from(
    { length: 12 },
    (_, c) =>
      `${c + 1},${(60 * c).toFixed(1)},37.${c % 10},${wells.map(() => Math.round(2000 + 2400 * c * rand())).join(",")}`,
  );
  return `Cycle Nr.,Time [s],Temp. [°C],${wells.join(",")}\n${rows.join("\n")}\n`;
})();
const NONMEM = formatNonmemDataset(
  parseNonmemDataset(
    "ID,TIME,AMT,DV,EVID,CMT,MDV,II,ADDL,BSA\n1,0,4,.,1,1,1,168,2,1.87\n1,1.5,.,17.9,0,2,0,.,.,1.87\n" +
      "1,24,.,3.1,0,2,0,.,.,1.87\n2,0,3,.,1,1,1,.,.,1.6\n2,2,.,11.2,0,2,0,.,.,1.6\n2,8,.,6.4,0,2,0,.,.,1.6\n",
    "nonmem.csv",
  ),
);
const CONCENTRATIONS = formatConcentrationCsv([
  {
    id: "1",
    time_h: Float64Array.of(0, 0.5, 1, 2, 4, 8, 24),
    conc_ng_mL: Float64Array.of(0, 12, 18, 15, 9, 4, 0.6),
  },
  { id: "2", time_h: Float64Array.of(0, 1, 3, 6), conc_ng_mL: Float64Array.of(0, 22.5, 11, 5.5) },
]);
const SUBJECTS = formatSubjectParameters([
  { id: "1", values: { CL: 1.9, V: 40, BSA: 1.87 } },
  { id: "2", values: { CL: 2.4, V: 55, BSA: 1.6 } },
]);
const varianFid = read("nmr/varian/1H.fid/fid");
const varianProcpar = read("nmr/varian/1H.fid/procpar");
const VARIAN_ZIP = zipSync({ "1H.fid/fid": varianFid, "1H.fid/procpar": varianProcpar });
// The parameter files inside Bruker zips, and a .brml's RawData XML stored uncompressed, so that the
// corruptions reach the text the readers parse rather than the deflate stream.
const experiment = (path: string) =>
  new Map(
    Object.entries(unzipSync(read(path))).map(([name, bytes]) => [name.replace(/^1\//, ""), bytes] as const),
  );
const aspirin = experiment("nmr/bruker/aspirin-1h.zip");
const aspirinProcessed = experiment("nmr/bruker/aspirin-1h-processed.zip");
const withFile = (files: Map<string, Uint8Array>, name: string, bytes: Uint8Array) =>
  new Map(files).set(name, bytes);
const BRML_STORED = zipSync(
  { "Experiment0/RawData0.xml": unzipSync(read("xrpd/bruker_brml/test.brml"))["Experiment0/RawData0.xml"]! },
  { level: 0 },
);

const CASES: Case[] = [
  // hplc/
  file("parseChemstationCh", "hplc/agilent_chemstation_mocca/DAD1A.ch", parseChemstationCh),
  file("parseChemstationCh", "hplc/agilent_rainbow_lgpl3/brown.D/dad1A.ch", parseChemstationCh),
  file("parseAndiCdf", "hplc/andi/agilent_hplc.cdf", parseAndiCdf),
  file("parseAndiPeakTable", "hplc/andi/agilent_hplc.cdf", parseAndiPeakTable),
  file(
    "parseLabSolutionsAscii",
    "hplc/shimadzu_labsolutions_mocca/labsolutions_test_data.txt",
    parseLabSolutionsAscii,
    2,
  ),
  file("parseChromatogram", "hplc/agilent_chemstation_mocca/DAD1B.ch", parseChromatogram),
  file("parseChromatogram", "hplc/andi/agilent_hplc.cdf", parseChromatogram),
  made(
    "parseChromatogramCsv",
    "writeChromatogramCsv(DAD1A.ch, 400 points)",
    CHROMATOGRAM_CSV,
    parseChromatogramCsv,
  ),
  made(
    "parseChromatogram",
    "writeChromatogramCsv(DAD1A.ch, 400 points)",
    CHROMATOGRAM_CSV,
    parseChromatogram,
  ),
  made("parseHplcMethod", "a JSON method", METHOD_JSON, parseHplcMethod),
  made("parseHplcMethod", "a CSV method", METHOD_CSV, parseHplcMethod),
  // ms/
  file("parseAndiMs", "ms/andi/P071.CDF", parseAndiMs, 3),
  file("parseMzml", "ms/mzml/mini.chrom.mzML", parseMzml),
  file("parseMzml", "ms/mzml/mini_numpress.chrom.mzML", parseMzml),
  file("parseMassSpectrum", "ms/mzml/example.mzML", (b, s) => parseMassSpectrum(b, s), 4),
  file("parseJcampMassSpectra", "ms/jcamp/isas/ISAS_MS2.DX", parseJcampMassSpectra),
  file("parseJcampMassSpectra", "ms/jcamp/mass_ACD.jdx", parseJcampMassSpectra),
  file("parseMassSpectrum", "ms/jcamp/isas/ISAS_MS3.DX", (b, s) => parseMassSpectrum(b, s)),
  made("parseMsCsv", "ISAS_MS1.DX as mz,intensity", MS_CSV, parseMsCsv),
  // nmr/
  file("parseBrukerZip", "nmr/bruker/aspirin-1h.zip", parseBrukerZip),
  file("parseJeol", "nmr/jeol/Rutin_DMSOd6_1H_400MHz.jdf", parseJeol),
  {
    reader: "parseVarian (fid)",
    file: "nmr/varian/1H.fid/fid",
    bytes: varianFid,
    parse: (b, s) => parseVarian(b, latin1(varianProcpar), s),
  },
  {
    reader: "parseVarian (procpar)",
    file: "nmr/varian/1H.fid/procpar",
    bytes: varianProcpar,
    parse: (b, s) => parseVarian(varianFid, latin1(b), s),
  },
  { reader: "parseVarianZip", file: "zipSync(nmr/varian/1H.fid)", bytes: VARIAN_ZIP, parse: parseVarianZip },
  {
    reader: "parseBrukerFiles (acqus)",
    file: "nmr/bruker/aspirin-1h.zip:1/acqus",
    bytes: aspirin.get("acqus")!,
    parse: (b, s) => parseBrukerFiles(withFile(aspirin, "acqus", b), s),
  },
  {
    reader: "parseBrukerFiles (procs)",
    file: "nmr/bruker/aspirin-1h-processed.zip:1/pdata/1/procs",
    bytes: aspirinProcessed.get("pdata/1/procs")!,
    parse: (b, s) => parseBrukerFiles(withFile(aspirinProcessed, "pdata/1/procs", b), s),
  },
  file("parseJcamp", "nmr/jcamp/isas/ISAS_CDX.DX", (b, s) => parseJcamp(b, s)),
  file("jcampToNmr(parseJcamp)", "nmr/jcamp/isas/TESTSPEC.DX", (b, s) => jcampToNmr(parseJcamp(b, s), s)),
  file("jcampToNmr(parseJcamp)", "nmr/jcamp/compression/jcamp-squeezed.dx", (b, s) =>
    jcampToNmr(parseJcamp(b, s), s),
  ),
  file("parseMolfile", "nmr/jcamp/indometacin_structure.mol", parseMolfile),
  // xrpd/
  file("parseXrdml", "xrpd/xylib_samples/empyrean.xrdml", parseXrdml),
  file("parseBrml", "xrpd/bruker_brml/test.brml", parseBrml, 4),
  { reader: "parseBrml", file: "test.brml's RawData0.xml, stored", bytes: BRML_STORED, parse: parseBrml },
  file("parseBrukerRaw", "xrpd/xylib_samples/BT86.raw", parseBrukerRaw),
  file("parseBrukerRaw", "xrpd/xylib_samples/format1.raw", parseBrukerRaw),
  file("parseUxd", "xrpd/xylib_samples/BT86_.UXD", parseUxd),
  file("parseXy", "xrpd/xy/MG1-Cu2O-28_bg_subtracted.xy", parseXy),
  file("parseJcampDiffractogram", "xrpd/jcamp/xrd-analysis_test.jdx", parseJcampDiffractogram),
  file("parseDiffractogram", "xrpd/xylib_samples/Cu3Au-1.raw", (b, s) => parseDiffractogram(b, s)),
  file("parseDiffractogram", "xrpd/xylib_samples/empyrean.xrdml", (b, s) => parseDiffractogram(b, s)),
  made("parseReferenceCsv", "writeReferenceCsv(24 peaks)", REFERENCE_CSV, (b, s) =>
    parseReferenceCsv(b, s, "form I"),
  ),
  // flow/
  file("parseFcs", "flow/fcs/facejava/int-10_events_4_parameters.fcs", parseFcs),
  file("parseFcs", "flow/fcs/fcsparser/Sysmex_Partec_CyFlow_Cube_8.fcs", parseFcs),
  file("parseFcs", "flow/fcs/facejava/int-multiple_datasets.fcs", parseFcs),
  file("parseFcs", "flow/fcs/facejava/ascii-4_events.fcs", parseFcs),
  file("parseFcs", "flow/fcs/facejava/int-15_events.fcs", parseFcs),
  file("parseFcs", "flow/fcs/flowkit/data_set_simple_line_100_synthetic.fcs", parseFcs),
  file("parseGatingMl", "flow/gatingml2/gml/gml_poly1_gate.xml", (b, s) => parseGatingMl(utf8(b), s)),
  file("parseGatingMl", "flow/gatingml2/gml/gml_matrix_transform_logicle_rect1_gate.xml", (b, s) =>
    parseGatingMl(utf8(b), s),
  ),
  file("parseSpilloverMatrix", "flow/compensation/flowkit/comp_complete_example.csv", (b, s) =>
    parseSpilloverMatrix(utf8(b), s),
  ),
  made("parseFlowDesign", "a design CSV", FLOW_DESIGN, (b, s) => parseFlowDesign(utf8(b), s)),
  // ic50/
  file("parsePlateTable", "ic50/example-plate/plates.csv", parsePlateTable),
  file("parseLayoutCsv", "ic50/example-plate/layout.csv", parseLayoutCsv),
  file("parsePlateLayout", "ic50/example-plate/layout.csv", parsePlateLayout),
  made("parseLayoutGrid", "formatLayoutGrid(layout.csv)", LAYOUT_GRID, parseLayoutGrid),
  file("parseKineticReads", "ic50/example-plate/kinetics.csv", (b, s) => parseKineticReads(b, s), 4),
  made("parseKineticsWide", "a seeded Tecan-style table", WIDE_KINETICS, (b, s) => parseKineticsWide(b, s)),
  file("parseNormalizedCsv", "ic50/example-plate/normalized.csv", parseNormalizedCsv),
  // pk
  made("parseNonmemDataset", "formatNonmemDataset(2 subjects)", NONMEM, parseNonmemDataset),
  made("parseConcentrationCsv", "formatConcentrationCsv(2 profiles)", CONCENTRATIONS, parseConcentrationCsv),
  made("parseSubjectParameters", "formatSubjectParameters(2 subjects)", SUBJECTS, parseSubjectParameters),
  // smiles lists (a line-at-a-time parser: feed it every line)
  made("createSmilesListParser", "a SMILES CSV", SMILES_CSV, (b, s) => {
    const parse = createSmilesListParser(s);
    return utf8(b)
      .split("\n")
      .map((line, i) => parse(line, i + 1));
  }),
];

interface Mutation {
  name: string;
  bytes: Uint8Array;
}

/** FNV-1a of the case's name: each case gets its own seed, stable across runs and case order. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Where a format's header lives, near enough: the first KiB (or the whole of a smaller file). */
const HEADER = 1024;

function mutationsOf(c: Case): Mutation[] {
  const { bytes } = c;
  const n = bytes.length;
  const rand = mulberry32(seedOf(`${c.reader}|${c.file}`));
  const below = (k: number) => Math.floor(rand() * k);
  const header = Math.min(n, HEADER);
  const count = c.budget ?? 8;
  const out: Mutation[] = [{ name: "empty file", bytes: new Uint8Array(0) }];

  const cuts = new Set<number>([n - 1]);
  for (const at of [1, 4, 16, 64, 256, 1024]) if (at < n && cuts.size < Math.ceil(count / 2)) cuts.add(at);
  while (cuts.size < Math.min(count, n - 1)) cuts.add(1 + below(n - 1));
  for (const at of [...cuts].sort((a, b) => a - b))
    out.push({ name: `truncated to ${at} of ${n} bytes`, bytes: bytes.slice(0, at) });

  for (let k = 0; k < count; k++) {
    const at = k % 2 === 0 ? below(header) : below(n);
    const mask = 1 + below(255);
    const copy = bytes.slice();
    copy[at]! ^= mask;
    out.push({ name: `byte ${at} xor 0x${mask.toString(16).padStart(2, "0")}`, bytes: copy });
  }

  const zeroAt = below(n);
  const zeroed = bytes.slice();
  zeroed.fill(0, zeroAt, zeroAt + 64);
  out.push({ name: `bytes ${zeroAt}–${Math.min(n, zeroAt + 64) - 1} zeroed`, bytes: zeroed });

  const ffAt = below(Math.min(n, 256));
  const ff = bytes.slice();
  ff.fill(0xff, ffAt, ffAt + 32);
  out.push({ name: `bytes ${ffAt}–${Math.min(n, ffAt + 32) - 1} set to 0xFF`, bytes: ff });

  // A size or count the header claims, made absurd: the digit run at a seeded place in the first 4 KiB.
  const runs: [number, number][] = [];
  const head = Math.min(n, 4096);
  for (let i = 0; i < head; i++) {
    if (bytes[i]! < 0x30 || bytes[i]! > 0x39) continue;
    let j = i;
    while (j < n && bytes[j]! >= 0x30 && bytes[j]! <= 0x39) j++;
    runs.push([i, j]);
    i = j;
  }
  if (runs.length > 0) {
    const [from, to] = runs[below(runs.length)]!;
    const inflated = new Uint8Array(n - (to - from) + 10);
    inflated.set(bytes.subarray(0, from));
    inflated.set(encode("9999999999"), from);
    inflated.set(bytes.subarray(to), from + 10);
    out.push({
      name: `number at byte ${from} ('${latin1(bytes.subarray(from, to))}') → 9999999999`,
      bytes: inflated,
    });
  }
  return out;
}

/** Parallel arrays a result holds must have one length: a reader that returns must return a usable shape. */
const PAIRS: [string, string][] = [
  ["times_min", "signal"],
  ["twoTheta", "intensity"],
  ["mz", "intensity"],
  ["timeMin", "intensity"],
  ["re", "im"],
  ["ppm", "re"],
];

function checkShape(value: unknown, path: string, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < Math.min(value.length, 50); i++) checkShape(value[i], `${path}[${i}]`, depth + 1);
    return;
  }
  if (value instanceof Map) return;
  const record = value as Record<string, unknown>;
  for (const [a, b] of PAIRS) {
    const x = record[a];
    const y = record[b];
    if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y))
      expect((y as Float64Array).length, `${path}.${b} has as many values as ${path}.${a}`).toBe(
        (x as Float64Array).length,
      );
  }
  // NMR points feed a Fourier transform, where one NaN or Infinity spoils every point.
  if (record.kind === "fid" || record.kind === "spectrum") {
    for (const key of ["re", "im"]) {
      const values = record[key];
      if (!ArrayBuffer.isView(values)) continue;
      const bad = (values as Float64Array).findIndex((v) => !Number.isFinite(v));
      expect(bad, `${path}.${key}: index of the first non-finite point`).toBe(-1);
    }
  }
  if (typeof record.events === "number" && Array.isArray(record.data)) {
    for (const column of record.data as Float64Array[])
      expect(column.length, `${path}.data: $TOT values per parameter`).toBe(record.events);
  }
  for (const [key, child] of Object.entries(record)) checkShape(child, `${path}.${key}`, depth + 1);
}

/** What the reader did with the bytes: returned, or refused with an InputError; anything else fails. */
function outcome(parse: Parse, bytes: Uint8Array, source: string): "returned" | "refused" {
  let result: unknown;
  try {
    result = parse(bytes, source);
  } catch (error) {
    if (error instanceof InputError) return "refused";
    const e = error as Error;
    throw new Error(`not an InputError: ${e?.name}: ${e?.message}\n${e?.stack ?? ""}`);
  }
  checkShape(result, "result");
  return "returned";
}

describe.each(CASES.map((c) => ({ ...c, name: `${c.reader} on ${c.file}` })))("$name", (c) => {
  const source = basename(c.file);
  it("reads the file as it is", () => {
    expect(outcome(c.parse, c.bytes, source)).toBe("returned");
  });
  it.each(mutationsOf(c))("$name: returns or throws an InputError", ({ bytes }) => {
    expect(["returned", "refused"]).toContain(outcome(c.parse, bytes, source));
  });
});

// Inputs the mutations above rarely produce, each one a reader once answered with a crash, a hang, an
// allocation from a claimed size or NaN data: each must now be refused with an InputError.
const u32 = (bytes: Uint8Array, at: number, value: number, littleEndian: boolean) => {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value, littleEndian);
  return copy;
};

/** A copy of a zip whose central-directory record for `name` claims `size` uncompressed bytes. */
function claimingSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (latin1(zip.subarray(at + 46, at + 46 + length)) === name) return u32(zip, at + 24, size, true);
  }
  throw new Error(`no central-directory record for ${name}`);
}

/** A zip64 end record claiming 2^32 − 1 entries (and nothing else): a reader walking them would not stop. */
const ZIP64_ENTRIES = (() => {
  const bytes = new Uint8Array(56 + 20 + 22);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x06064b50, true); // zip64 end of central directory record
  view.setUint32(32, 0xffffffff, true); // total entries
  view.setUint32(56, 0x07064b50, true); // zip64 locator, pointing at offset 0
  view.setUint32(76, 0x06054b50, true); // end of central directory record
  view.setUint16(84, 0xffff, true);
  view.setUint32(92, 0xffffffff, true);
  return bytes;
})();

/** A netCDF classic header with absent dimension, attribute and variable lists: valid netCDF, no data. */
const EMPTY_NETCDF = Uint8Array.of(0x43, 0x44, 0x46, 1, ...new Array<number>(28).fill(0));

const deepXml = (root: string) =>
  `<?xml version="1.0"?><${root}>${"<a>".repeat(5000)}${"</a>".repeat(5000)}</${root}>`;

const jeolBytes = read("nmr/jeol/Rutin_DMSOd6_1H_400MHz.jdf");
const jeolNaN = (() => {
  const h = parseJeolHeader(jeolBytes, "Rutin.jdf");
  const copy = jeolBytes.slice();
  const view = new DataView(copy.buffer);
  if (h.float32) view.setFloat32(h.dataStart + 4 * 10, Number.NaN, h.littleEndian);
  else view.setFloat64(h.dataStart + 8 * 10, Number.NaN, h.littleEndian);
  return copy;
})();
const procsWith = (edit: (text: string) => string) =>
  withFile(aspirinProcessed, "pdata/1/procs", encode(edit(latin1(aspirinProcessed.get("pdata/1/procs")!))));

const CRAFTED: { reader: string; input: string; run: () => unknown }[] = [
  {
    reader: "parseAndiCdf",
    input: "netCDF without variables",
    run: () => parseAndiCdf(EMPTY_NETCDF, "e.cdf"),
  },
  {
    reader: "parseAndiPeakTable",
    input: "netCDF without variables",
    run: () => parseAndiPeakTable(EMPTY_NETCDF, "e.cdf"),
  },
  { reader: "parseAndiMs", input: "netCDF without variables", run: () => parseAndiMs(EMPTY_NETCDF, "e.cdf") },
  {
    reader: "parseBrukerZip",
    input: "fid entry claiming 4 GiB",
    run: () => parseBrukerZip(claimingSize(read("nmr/bruker/aspirin-1h.zip"), "1/fid", 0xfffffff0), "a.zip"),
  },
  {
    reader: "parseVarianZip",
    input: "fid entry claiming 4 GiB",
    run: () => parseVarianZip(claimingSize(VARIAN_ZIP, "1H.fid/fid", 0xfffffff0), "v.zip"),
  },
  {
    reader: "parseBrml",
    input: "RawData0.xml claiming 200 MiB from 32 kB",
    run: () =>
      parseBrml(
        claimingSize(read("xrpd/bruker_brml/test.brml"), "Experiment0/RawData0.xml", 200 << 20),
        "t.brml",
      ),
  },
  {
    reader: "parseBrukerZip",
    input: "zip64 end record claiming 2^32 − 1 entries",
    run: () => parseBrukerZip(ZIP64_ENTRIES, "z.zip"),
  },
  {
    reader: "parseVarianZip",
    input: "zip64 end record claiming 2^32 − 1 entries",
    run: () => parseVarianZip(ZIP64_ENTRIES, "z.zip"),
  },
  {
    reader: "parseBrml",
    input: "zip64 end record claiming 2^32 − 1 entries",
    run: () => parseBrml(ZIP64_ENTRIES, "z.brml"),
  },
  {
    reader: "parseXrdml",
    input: "XML nested 5000 deep",
    run: () => parseXrdml(deepXml("xrdMeasurements"), "d.xrdml"),
  },
  {
    reader: "parseGatingMl",
    input: "XML nested 5000 deep",
    run: () => parseGatingMl(deepXml("Gating-ML"), "d.xml"),
  },
  {
    reader: "parseMzml",
    input: "XML nested 5000 deep",
    run: () => parseMzml(encode(deepXml("mzML")), "d.mzML"),
  },
  {
    reader: "parseGatingMl",
    input: "a broken XML declaration the validator lets through",
    run: () => parseGatingMl('<?xml version="1.0" encoding=GUTF-8"?><Gating-ML/>', "p.xml"),
  },
  {
    reader: "parseVarian",
    input: "nbheaders −2",
    run: () => parseVarian(u32(varianFid, 28, -2 >>> 0, false), latin1(varianProcpar), "1H.fid"),
  },
  {
    reader: "parseVarian",
    input: "float data with ebytes 2, cut to np × 2 bytes",
    run: () => {
      const fid = u32(u32(varianFid, 12, 2, false), 16, 32768 * 2, false).slice(0, 60 + 32768 * 2);
      return parseVarian(fid, latin1(varianProcpar), "1H.fid");
    },
  },
  { reader: "parseJeol", input: "a NaN among the FID points", run: () => parseJeol(jeolNaN, "Rutin.jdf") },
  {
    reader: "parseBrukerFiles",
    input: "procs SI 9999999999",
    run: () =>
      parseBrukerFiles(
        procsWith((t) => t.replace(/##\$SI= *\d+/, "##$SI= 9999999999")),
        "a",
      ),
  },
  {
    reader: "parseBrukerFiles",
    input: "procs NC_proc 2000 (scale 2^2000)",
    run: () =>
      parseBrukerFiles(
        procsWith((t) => t.replace(/##\$NC_proc= *-?\d+/, "##$NC_proc= 2000")),
        "a",
      ),
  },
];

describe("crafted inputs", () => {
  it.each(CRAFTED)("$reader refuses $input with an InputError", ({ run }) => {
    expect(run).toThrow(InputError);
  });
});
