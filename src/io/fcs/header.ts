import { FormatError } from "../../core/errors.js";
import type { FcsVersion } from "./types.js";

/** Segment offsets of a HEADER, absolute in the file (inclusive ends); 0/0 when absent. */
export interface FcsHeader {
  version: FcsVersion;
  textBegin: number;
  textEnd: number;
  dataBegin: number;
  dataEnd: number;
  analysisBegin: number;
  analysisEnd: number;
}

const VERSIONS: readonly string[] = ["FCS2.0", "FCS3.0", "FCS3.1", "FCS3.2"];

/** Length of the fixed HEADER (FCS 3.1 §3.1). */
export const HEADER_BYTES = 58;

/**
 * Reads the 58-byte HEADER at `base` (FCS 3.1 §3.1): version, then six 8-character right-justified
 * ASCII offsets, relative to the start of the data set. Blank offsets are 0.
 * @throws FormatError when the bytes are not an FCS HEADER.
 */
export function parseHeader(bytes: Uint8Array, base: number, source: string): FcsHeader {
  if (bytes.length - base < HEADER_BYTES) {
    throw new FormatError(
      source,
      `HEADER at byte ${base}`,
      `at least ${HEADER_BYTES} bytes`,
      `${bytes.length - base} bytes (${quote(ascii(bytes, base, Math.min(bytes.length, base + 6)))})`,
      "This is not an FCS file, or it is truncated",
    );
  }
  const version = ascii(bytes, base, base + 6);
  if (!VERSIONS.includes(version)) {
    throw new FormatError(
      source,
      `HEADER at byte ${base}`,
      "a version FCS2.0, FCS3.0, FCS3.1 or FCS3.2",
      quote(version),
      "This is not an FCS file",
    );
  }
  const field = (i: number): number => {
    const start = base + 10 + 8 * i;
    const text = ascii(bytes, start, start + 8).trim();
    if (text === "") return 0;
    if (!/^\d+$/.test(text)) {
      throw new FormatError(source, `HEADER bytes ${start}–${start + 7}`, "an offset", quote(text));
    }
    return Number(text);
  };
  // Offsets are relative to the data set; 0/0 means "see TEXT" (files over 99,999,999 bytes).
  const abs = (begin: number, end: number): [number, number] =>
    begin === 0 && end === 0 ? [0, 0] : [base + begin, base + end];
  const [textBegin, textEnd] = abs(field(0), field(1));
  const [dataBegin, dataEnd] = abs(field(2), field(3));
  const [analysisBegin, analysisEnd] = abs(field(4), field(5));
  return {
    version: version as FcsVersion,
    textBegin,
    textEnd,
    dataBegin,
    dataEnd,
    analysisBegin,
    analysisEnd,
  };
}

/** Bytes as ASCII/Latin-1 text. */
export function ascii(bytes: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** A value quoted for messages, cut to 40 characters. */
export function quote(value: string): string {
  const v = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  let out = "";
  for (const ch of v) out += ch.charCodeAt(0) < 0x20 ? "?" : ch;
  return `'${out}'`;
}
