import { type Chromatogram, wavelengthFromSignalName } from "../../core/analytics/hplc/chromatogram.js";
import { FormatError } from "../../core/errors.js";

/**
 * Agilent ChemStation / OpenLab single-signal `.ch` files. The layouts are not published by Agilent; the
 * offsets below are those documented by the rainbow project (docs "Agilent .ch file structure") and the
 * chromConverter / Chromatography Toolbox readers, and checked here against ChemStation's own reports:
 *
 * | version | magic          | samples                                         | time range (ms)     | scale          |
 * |---------|----------------|-------------------------------------------------|---------------------|----------------|
 * | 30      | `02 "30"`      | delta-coded int16/int32 segments, big-endian    | int32 BE @ 282, 286 | f64 BE @ 644   |
 * | 130     | `03 "130"`     | same                                            | int32 BE @ 282, 286 | f64 BE @ 4732  |
 * | 179     | `03 "179"`     | f64 little-endian from 6144                     | f32 BE @ 282, 286   | f64 BE @ 4732 (+ intercept f64 @ 4724) |
 * | 181     | `03 "181"`     | double-delta int16 (32767 escapes an int48)     | f32 BE @ 282, 286   | f64 BE @ 4732 (+ intercept) |
 *
 * The data offset is (uint32 BE @ 264 − 1) × 512. Samples are equally spaced between the two times.
 */
/** Versions 179 and 181 share their header layout; they differ in how the samples are stored. */
const V179 = {
  strings: "utf16",
  scale: 4732,
  intercept: 4724,
  fields: {
    sample: 858,
    operator: 1880,
    date: 2391,
    method: 2574,
    software: 3089,
    units: 4172,
    signal: 4213,
  },
} as const;

const LAYOUTS = {
  "30": {
    strings: "bytes",
    scale: 644,
    intercept: undefined,
    fields: {
      sample: 24,
      operator: 148,
      date: 178,
      detectorModel: 208,
      method: 228,
      units: 580,
      signal: 596,
    },
  },
  "130": {
    strings: "utf16",
    scale: 4732,
    intercept: undefined,
    fields: {
      sample: 858,
      operator: 1880,
      date: 2391,
      method: 2574,
      software: 3089,
      softwareVersion: 3601,
      softwareRevision: 3802,
      units: 4172,
      signal: 4213,
    },
  },
  "179": V179,
  "181": V179,
} as const;

type ChVersion = keyof typeof LAYOUTS;

/** Header bytes each layout needs before its strings and scale factor can be read. */
const MIN_HEADER: Record<ChVersion, number> = { "30": 1024, "130": 6144, "179": 6144, "181": 6144 };

/** The largest number of samples accepted (a 24-h run at 80 Hz); guards allocations against bad headers. */
const MAX_POINTS = 8_000_000;

/**
 * Parses an Agilent ChemStation `.ch` file (versions 30, 130, 179 and 181) into a chromatogram in the
 * file's units (mAU for DAD/VWD signals) against minutes.
 * @throws FormatError naming the file and the offset when the magic is unknown, the header is short or
 *   the sample segments are truncated.
 * @example parseChemstationCh(bytes, "DAD1A.ch").signal.length // 4650
 */
export function parseChemstationCh(bytes: Uint8Array, source = "<memory>"): Chromatogram {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = versionOf(bytes, source);
  const layout = LAYOUTS[version];
  if (bytes.length < MIN_HEADER[version]) {
    throw new FormatError(
      source,
      "header",
      `at least ${MIN_HEADER[version]} bytes for a version ${version} .ch header`,
      `${bytes.length} bytes`,
      "Is the file truncated?",
    );
  }
  const dataOffset = (view.getUint32(264, false) - 1) * 512;
  if (dataOffset < 512 || dataOffset > bytes.length) {
    throw new FormatError(
      source,
      "byte 264 (data block)",
      `a data offset inside the file (${bytes.length} bytes)`,
      `${dataOffset}`,
      "Is the file truncated?",
    );
  }
  const raw =
    version === "179"
      ? decodeFloat64(bytes, view, dataOffset, source)
      : version === "181"
        ? decodeDoubleDelta(bytes, view, dataOffset, source)
        : decodeDelta(bytes, view, dataOffset, source);
  const integerTimes = version === "30" || version === "130";
  const startMs = integerTimes ? view.getInt32(282, false) : view.getFloat32(282, false);
  const endMs = integerTimes ? view.getInt32(286, false) : view.getFloat32(286, false);
  if (!(Number.isFinite(startMs) && Number.isFinite(endMs) && endMs > startMs) && raw.length > 1) {
    throw new FormatError(source, "bytes 282–289 (time range)", "start < end", `${startMs}–${endMs} ms`);
  }
  const scale = view.getFloat64(layout.scale, false);
  const interceptRaw = layout.intercept === undefined ? 0 : view.getFloat64(layout.intercept, false);
  const intercept = Number.isFinite(interceptRaw) ? interceptRaw : 0;
  if (!Number.isFinite(scale) || scale === 0) {
    throw new FormatError(
      source,
      `byte ${layout.scale} (scale factor)`,
      "a finite non-zero number",
      `${scale}`,
    );
  }
  const n = raw.length;
  const times = new Float64Array(n);
  const signal = new Float64Array(n);
  const step = n > 1 ? (endMs - startMs) / (n - 1) : 0;
  for (let i = 0; i < n; i++) {
    times[i] = (startMs + i * step) / 60000;
    signal[i] = raw[i]! * scale + intercept;
  }
  const metadata: Record<string, string | number> = { version, scaleFactor: scale };
  for (const [name, offset] of Object.entries(layout.fields)) {
    const text = readString(bytes, offset, layout.strings);
    if (text) metadata[name] = text;
  }
  const detector = String(metadata.signal ?? "");
  const wavelength = wavelengthFromSignalName(detector);
  return {
    times_min: times,
    signal,
    units: String(metadata.units ?? ""),
    detector,
    ...(wavelength !== undefined && { wavelength_nm: wavelength }),
    format: `chemstation-${version}`,
    metadata,
  };
}

/** True when the bytes start like a ChemStation `.ch` file this reader knows. */
export function looksLikeChemstationCh(bytes: Uint8Array): boolean {
  return versionText(bytes) in LAYOUTS;
}

function versionText(bytes: Uint8Array): string {
  const length = bytes[0] ?? 0;
  if (length < 1 || length > 3 || bytes.length < length + 1) return "";
  return String.fromCharCode(...bytes.subarray(1, 1 + length));
}

function versionOf(bytes: Uint8Array, source: string): ChVersion {
  const text = versionText(bytes);
  if (text in LAYOUTS) return text as ChVersion;
  const found = bytes.length === 0 ? "an empty file" : `'${printable(bytes.subarray(0, 4))}'`;
  throw new FormatError(
    source,
    "byte 0 (file version)",
    "an Agilent ChemStation .ch signal file (version 30, 130, 179 or 181)",
    found,
    text === "131" ? "Version 131 is a .uv spectrum file, not a single-signal .ch file" : undefined,
  );
}

function printable(bytes: Uint8Array): string {
  return Array.from(bytes, (b) =>
    b >= 32 && b < 127 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`,
  ).join("");
}

/** A length-prefixed header string: one byte per character (v30) or UTF-16LE (v130+). */
function readString(bytes: Uint8Array, offset: number, kind: "bytes" | "utf16"): string {
  const length = bytes[offset] ?? 0;
  const width = kind === "utf16" ? 2 : 1;
  const end = offset + 1 + length * width;
  if (length === 0 || end > bytes.length) return "";
  const body = bytes.subarray(offset + 1, end);
  const text =
    kind === "utf16" ? new TextDecoder("utf-16le").decode(body) : new TextDecoder("latin1").decode(body);
  return text.replace(/\0/g, "").trim();
}

function truncated(source: string, offset: number, what: string): FormatError {
  return new FormatError(source, `byte ${offset}`, what, "the end of the file", "Is the file truncated?");
}

/**
 * Segments `0x10, count` of `count` big-endian int16 deltas; −32768 escapes an absolute int32. The file
 * ends with a zero segment header; reaching the end of the bytes before it means the file was cut short.
 */
function decodeDelta(bytes: Uint8Array, view: DataView, start: number, source: string): Float64Array {
  let capacity = Math.min(MAX_POINTS, Math.max(16, (bytes.length - start) >> 1));
  let out = new Float64Array(capacity);
  let n = 0;
  let value = 0;
  let at = start;
  for (;;) {
    if (at + 2 > bytes.length) throw truncated(source, at, "a data segment header or the end marker");
    const head = bytes[at]!;
    const count = bytes[at + 1]!;
    at += 2;
    if (head !== 0x10) break;
    for (let k = 0; k < count; k++) {
      if (at + 2 > bytes.length) throw truncated(source, at, `sample ${n + 1} of a ${count}-sample segment`);
      const delta = view.getInt16(at, false);
      at += 2;
      if (delta === -0x8000) {
        if (at + 4 > bytes.length) throw truncated(source, at, "a 4-byte absolute sample");
        value = view.getInt32(at, false);
        at += 4;
      } else value += delta;
      if (n === capacity) {
        if (capacity >= MAX_POINTS)
          throw new FormatError(source, `byte ${at}`, `at most ${MAX_POINTS} samples`, "more");
        capacity = Math.min(MAX_POINTS, capacity * 2);
        const grown = new Float64Array(capacity);
        grown.set(out);
        out = grown;
      }
      out[n++] = value;
    }
  }
  return out.slice(0, n);
}

/** Second differences: each int16 adds to the slope, 32767 escapes an absolute int48 (int16 hi, uint32 lo). */
function decodeDoubleDelta(bytes: Uint8Array, view: DataView, start: number, source: string): Float64Array {
  const out = new Float64Array(Math.min(MAX_POINTS, (bytes.length - start) >> 1));
  let n = 0;
  let value = 0;
  let slope = 0;
  let at = start;
  while (at + 2 <= bytes.length && n < out.length) {
    const d = view.getInt16(at, false);
    at += 2;
    if (d !== 32767) {
      slope += d;
      value += slope;
    } else {
      if (at + 6 > bytes.length) throw truncated(source, at, "a 6-byte absolute sample");
      value = view.getInt16(at, false) * 4294967296 + view.getUint32(at + 2, false);
      slope = 0;
      at += 6;
    }
    out[n++] = value;
  }
  return out.slice(0, n);
}

/** Little-endian float64 samples filling the rest of the file. */
function decodeFloat64(bytes: Uint8Array, view: DataView, start: number, source: string): Float64Array {
  const length = bytes.length - start;
  if (length % 8 !== 0) {
    throw new FormatError(
      source,
      `bytes ${start}–${bytes.length}`,
      "a whole number of 8-byte samples",
      `${length} bytes`,
      "Is the file truncated?",
    );
  }
  const out = new Float64Array(length / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(start + 8 * i, true);
  return out;
}
