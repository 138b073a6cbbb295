import { XMLParser } from "fast-xml-parser";
import { unzlibSync } from "fflate";
import { checkSpectrum, type MassSpectrum } from "../../core/analytics/ms/spectrum.js";
import { FormatError } from "../../core/errors.js";
import {
  decodeNumpressLinear,
  decodeNumpressPic,
  decodeNumpressSlof,
  NumpressError,
  numpressCapacity,
} from "./numpress.js";

/** One chromatogram of an mzML file (TIC, SRM trace…). */
export interface MzmlChromatogram {
  id: string;
  /** Retention times (min). */
  timeMin: Float64Array;
  intensity: Float64Array;
}

/** One spectrum of an mzML file, with its id and MS level. */
export interface MzmlSpectrum extends MassSpectrum {
  id: string;
  index: number;
  msLevel?: number;
}

/** A parsed mzML file. */
export interface MzmlDocument {
  source: string;
  spectra: MzmlSpectrum[];
  chromatograms: MzmlChromatogram[];
  warnings: string[];
}

/** The largest array an mzML binary may declare (values), before anything is allocated. */
export const MAX_MZML_ARRAY_LENGTH = 100_000_000;

// PSI-MS controlled vocabulary accessions (psi-ms.obo) the reader acts on.
const CV = {
  mzArray: "MS:1000514",
  intensityArray: "MS:1000515",
  timeArray: "MS:1000595",
  float32: "MS:1000521",
  float64: "MS:1000523",
  int32: "MS:1000519",
  int64: "MS:1000522",
  zlib: "MS:1000574",
  noCompression: "MS:1000576",
  numpressLinear: "MS:1002312",
  numpressPic: "MS:1002313",
  numpressSlof: "MS:1002314",
  numpressLinearZlib: "MS:1002746",
  numpressPicZlib: "MS:1002747",
  numpressSlofZlib: "MS:1002748",
  centroid: "MS:1000127",
  profile: "MS:1000128",
  msLevel: "MS:1000511",
  scanStartTime: "MS:1000016",
  minute: "UO:0000031",
  second: "UO:0000010",
} as const;

type Node = Record<string, unknown>;
interface CvParam {
  accession: string;
  name?: string;
  value?: string;
  unitAccession?: string;
}

const ARRAY_TAGS = new Set([
  "cvParam",
  "userParam",
  "referenceableParamGroup",
  "referenceableParamGroupRef",
  "spectrum",
  "chromatogram",
  "binaryDataArray",
  "scan",
]);

/**
 * Parses an mzML 1.1 file (HUPO-PSI mzML 1.1.0 specification, also wrapped in `indexedmzML`): every
 * spectrum and chromatogram, with binary arrays in base64 of 32/64-bit floats or ints, zlib-compressed
 * or MS-Numpress (linear, pic, slof, alone or followed by zlib). cvParams are read by accession
 * (names are not trusted) and from referenced param groups.
 * @throws FormatError naming the file, the spectrum or chromatogram id and what is wrong.
 */
export function parseMzml(bytes: Uint8Array, source = "<memory>"): MzmlDocument {
  const text = new TextDecoder("utf-8").decode(bytes);
  if (!/<mzML[\s>]/.test(text.slice(0, 4096)) && !text.includes("<mzML")) {
    throw new FormatError(source, "root", "an <mzML> document", describeStart(text));
  }
  let tree: Node;
  try {
    tree = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      removeNSPrefix: true,
      parseAttributeValue: false,
      parseTagValue: false,
      trimValues: true,
      isArray: (name) => ARRAY_TAGS.has(name),
    }).parse(text) as Node;
  } catch (error) {
    throw new FormatError(
      source,
      "XML",
      "well-formed XML",
      (error as Error).message.split("\n")[0] ?? "an error",
    );
  }
  const root = ((tree.indexedmzML as Node | undefined)?.mzML ?? tree.mzML) as Node | undefined;
  if (!root) throw new FormatError(source, "root", "an <mzML> element", "none");
  const groups = new Map<string, CvParam[]>();
  for (const g of asArray((root.referenceableParamGroupList as Node | undefined)?.referenceableParamGroup)) {
    groups.set(String(g.id), cvParamsOf(g, new Map()));
  }
  const run = root.run as Node | undefined;
  if (!run) throw new FormatError(source, "<mzML>", "a <run> element", "none");
  const warnings: string[] = [];
  const spectra: MzmlSpectrum[] = [];
  asArray((run.spectrumList as Node | undefined)?.spectrum).forEach((s, i) => {
    const id = String(s.id ?? `#${i}`);
    const where = `spectrum '${id}'`;
    const params = cvParamsOf(s, groups);
    const arrays = binaryArrays(s, groups, source, where);
    const mz = arrays.get(CV.mzArray);
    const intensity = arrays.get(CV.intensityArray);
    if (!mz || !intensity) {
      warnings.push(`${source}: ${where}: no m/z or intensity array, skipped`);
      return;
    }
    if (mz.length !== intensity.length)
      throw new FormatError(
        source,
        where,
        "m/z and intensity arrays of equal length",
        `${mz.length} and ${intensity.length}`,
      );
    const scan = asArray((s.scanList as Node | undefined)?.scan)[0];
    const start = scan ? cvParamsOf(scan, groups).find((p) => p.accession === CV.scanStartTime) : undefined;
    const level = params.find((p) => p.accession === CV.msLevel);
    const rt = start ? timeInMinutes(start) : undefined;
    spectra.push({
      id,
      index: Number(s.index ?? i),
      mz,
      intensity,
      centroided: params.some((p) => p.accession === CV.centroid),
      source: `${source} ${where}`,
      label: id,
      ...(rt !== undefined && { retentionTimeMin: rt }),
      ...(level?.value !== undefined && { msLevel: Number(level.value) }),
    });
  });
  const chromatograms: MzmlChromatogram[] = [];
  asArray((run.chromatogramList as Node | undefined)?.chromatogram).forEach((c, i) => {
    const id = String(c.id ?? `#${i}`);
    const where = `chromatogram '${id}'`;
    const arrays = binaryArrays(c, groups, source, where);
    const time = arrays.get(CV.timeArray);
    const intensity = arrays.get(CV.intensityArray);
    if (!time || !intensity) {
      warnings.push(`${source}: ${where}: no time or intensity array, skipped`);
      return;
    }
    chromatograms.push({ id, timeMin: arrays.get(`${CV.timeArray}:minutes`) ?? time, intensity });
  });
  return { source, spectra, chromatograms, warnings };
}

/** The spectra of a parsed file that have at least one peak, checked and sorted by m/z. */
export function nonEmptySpectra(doc: MzmlDocument): MzmlSpectrum[] {
  return doc.spectra
    .filter((s) => s.intensity.some((v) => v > 0))
    .map((s) => checkSpectrum(s) as MzmlSpectrum);
}

function timeInMinutes(p: CvParam): number | undefined {
  const v = Number(p.value);
  if (!Number.isFinite(v)) return undefined;
  return p.unitAccession === CV.second ? v / 60 : v;
}

function asArray(value: unknown): Node[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Node[];
}

function cvParamsOf(node: Node, groups: Map<string, CvParam[]>): CvParam[] {
  const own: CvParam[] = asArray(node.cvParam).map((p) => ({
    accession: String(p.accession ?? ""),
    name: p.name as string | undefined,
    value: p.value as string | undefined,
    unitAccession: p.unitAccession as string | undefined,
  }));
  for (const ref of asArray(node.referenceableParamGroupRef))
    own.push(...(groups.get(String(ref.ref)) ?? []));
  return own;
}

/** The decoded arrays of an element, keyed by array-type accession (time arrays also in minutes). */
function binaryArrays(
  node: Node,
  groups: Map<string, CvParam[]>,
  source: string,
  where: string,
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const declared = Number(node.defaultArrayLength ?? Number.NaN);
  if (!Number.isInteger(declared) || declared < 0 || declared > MAX_MZML_ARRAY_LENGTH) {
    throw new FormatError(
      source,
      `${where}: defaultArrayLength`,
      `an integer 0–${MAX_MZML_ARRAY_LENGTH}`,
      `'${String(node.defaultArrayLength)}'`,
    );
  }
  asArray((node.binaryDataArrayList as Node | undefined)?.binaryDataArray).forEach((array, k) => {
    const params = cvParamsOf(array, groups);
    const has = (a: string) => params.some((p) => p.accession === a);
    const type = [CV.mzArray, CV.intensityArray, CV.timeArray].find(has);
    if (!type) return; // other arrays (charge, noise…) are not needed
    const length = array.arrayLength === undefined ? declared : Number(array.arrayLength);
    const at = `${where}: binary array ${k + 1}`;
    const binary = typeof array.binary === "string" ? array.binary : "";
    let data = decodeBase64(binary, source, at);
    const numpress =
      has(CV.numpressLinear) || has(CV.numpressLinearZlib)
        ? "linear"
        : has(CV.numpressPic) || has(CV.numpressPicZlib)
          ? "pic"
          : has(CV.numpressSlof) || has(CV.numpressSlofZlib)
            ? "slof"
            : null;
    const zlib =
      has(CV.zlib) || has(CV.numpressLinearZlib) || has(CV.numpressPicZlib) || has(CV.numpressSlofZlib);
    if (zlib && data.length > 0) {
      try {
        data = unzlibSync(data);
      } catch (error) {
        throw new FormatError(source, at, "zlib-compressed data", `an error (${(error as Error).message})`);
      }
    }
    let values: Float64Array;
    if (numpress) {
      if (numpressCapacity(numpress, data.length) < length && length > 0)
        throw new FormatError(source, at, `${length} numpress values`, `${data.length} bytes, too few`);
      try {
        values =
          numpress === "linear"
            ? decodeNumpressLinear(data)
            : numpress === "pic"
              ? decodeNumpressPic(data)
              : decodeNumpressSlof(data);
      } catch (error) {
        if (error instanceof NumpressError)
          throw new FormatError(source, at, "MS-Numpress data", error.message);
        throw error;
      }
    } else {
      const width = has(CV.float32) || has(CV.int32) ? 4 : has(CV.float64) || has(CV.int64) ? 8 : 0;
      if (width === 0)
        throw new FormatError(
          source,
          at,
          "a 32- or 64-bit float or int array (MS:1000521/1000523)",
          "no data type",
        );
      if (data.length !== length * width)
        throw new FormatError(
          source,
          at,
          `${length} values of ${width} bytes (${length * width} bytes)`,
          `${data.length} bytes`,
        );
      values = new Float64Array(length);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (let i = 0; i < length; i++) {
        values[i] = has(CV.float32)
          ? view.getFloat32(4 * i, true)
          : has(CV.float64)
            ? view.getFloat64(8 * i, true)
            : has(CV.int32)
              ? view.getInt32(4 * i, true)
              : Number(view.getBigInt64(8 * i, true));
      }
    }
    if (values.length !== length)
      throw new FormatError(source, at, `${length} values (defaultArrayLength)`, `${values.length}`);
    out.set(type, values);
    if (type === CV.timeArray) {
      const unit = params.find((p) => p.accession === CV.timeArray)?.unitAccession;
      out.set(`${CV.timeArray}:minutes`, unit === CV.second ? values.map((t) => t / 60) : values);
    }
  });
  return out;
}

const BASE64 = (() => {
  const table = new Int16Array(256).fill(-1);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

/** Decodes base64 (whitespace ignored). @throws FormatError at the first character outside the alphabet */
export function decodeBase64(text: string, source: string, where: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) break; // '=' padding ends the data
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    const v = BASE64[c]!;
    if (v < 0)
      throw new FormatError(
        source,
        `${where}: base64 at character ${i + 1}`,
        "a base64 character",
        `'${text[i]}'`,
      );
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function describeStart(text: string): string {
  const start = text.trimStart().slice(0, 20).replace(/\s+/g, " ");
  return start === "" ? "an empty file" : `'${start}…'`;
}
