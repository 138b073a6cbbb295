import { type Diffractogram, wavelengthFrom } from "../../core/analytics/xrpd/diffractogram.js";
import { FormatError } from "../../core/errors.js";
import { joinRanges, type ScanRange } from "../diffractogram/joinRanges.js";

/**
 * Parses a Bruker/Siemens DIFFRAC RAW file: v1 ("RAW "), v2 ("RAW2"), v3 ("RAW1.01", DIFFRAC plus) and v4
 * ("RAW4.00", DIFFRAC.SUITE). Layouts follow xylib's brucker_raw.cpp (v1–v3, from the DIFFRAC plus XCH
 * manual, appendix A) and the RAW4 segment layout read by GSAS-II and xylib. Every header, range and data
 * size is checked against the file length before it is read.
 * @throws FormatError for another vendor's RAW (e.g. STOE "RAW_1.06"), an unknown version or a truncated file.
 */
export function parseBrukerRaw(bytes: Uint8Array, source = "<memory>"): Diffractogram {
  const r = new Reader(bytes, source);
  const magic = r.ascii(0, Math.min(8, bytes.length));
  if (magic.startsWith("RAW1.01")) return parseV3(r);
  if (magic.startsWith("RAW4.00")) return parseV4(r);
  if (magic.startsWith("RAW2")) return parseV2(r);
  if (magic.startsWith("RAW ")) return parseV1(r);
  const printable = magic.replace(/[^\x20-\x7e]/g, "·");
  throw new FormatError(
    source,
    "bytes 0–7 (RAW signature)",
    "a Bruker RAW version 1–4 ('RAW ', 'RAW2', 'RAW1.01' or 'RAW4.00')",
    `'${printable}'`,
    magic.startsWith("RAW_")
      ? "This looks like a STOE .raw file, which Ixalab does not read: export it as .xy or .xrdml"
      : "Export the pattern as .xy, .xrdml or .brml",
  );
}

/** Little-endian reads that check every offset against the file length. */
class Reader {
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly source: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(offset: number, length: number, what: string): void {
    if (offset < 0 || length < 0 || offset + length > this.bytes.length) {
      throw new FormatError(
        this.source,
        what,
        `${length} bytes at offset ${offset}`,
        `a file of ${this.bytes.length} bytes`,
        "Is the file truncated?",
      );
    }
  }
  u16(o: number, what: string): number {
    this.need(o, 2, what);
    return this.view.getUint16(o, true);
  }
  u32(o: number, what: string): number {
    this.need(o, 4, what);
    return this.view.getUint32(o, true);
  }
  f32(o: number, what: string): number {
    this.need(o, 4, what);
    return this.view.getFloat32(o, true);
  }
  f64(o: number, what: string): number {
    this.need(o, 8, what);
    return this.view.getFloat64(o, true);
  }
  ascii(o: number, n: number): string {
    const end = Math.min(this.bytes.length, o + n);
    let s = "";
    for (let i = o; i < end; i++) {
      const c = this.bytes[i]!;
      if (c === 0) break;
      s += String.fromCharCode(c);
    }
    return s.trim();
  }
  /** `steps` float32 counts at `offset`, after checking they fit in the file. */
  counts(offset: number, steps: number, what: string): Float64Array {
    this.need(offset, steps * 4, what);
    const out = new Float64Array(steps);
    for (let i = 0; i < steps; i++) out[i] = this.view.getFloat32(offset + 4 * i, true);
    return out;
  }
}

const MAX_RANGES = 1000;

function checkRangeCount(r: Reader, count: number, where: string): void {
  if (count < 1 || count > MAX_RANGES)
    throw new FormatError(r.source, where, `1–${MAX_RANGES} ranges`, String(count));
}

function checkSteps(r: Reader, steps: number, step: number, where: string): void {
  if (steps < 1) throw new FormatError(r.source, where, "at least one step", String(steps));
  if (!Number.isFinite(step) || step <= 0)
    throw new FormatError(r.source, where, "a positive 2θ step size", String(step));
}

/** v3, "RAW1.01": a 712-byte file header, then per range a 304-byte header, supplementary headers, counts. */
function parseV3(r: Reader): Diffractogram {
  const rangeCount = r.u32(12, "file header: range count");
  checkRangeCount(r, rangeCount, "file header (offset 12): range count");
  const wavelength = wavelengthFrom(
    r.f64(624, "file header: Kα1"),
    r.f64(632, "file header: Kα2"),
    r.f64(648, "file header: Kα2/Kα1 ratio"),
    "file: RAW v3 header",
  );
  const ranges: ScanRange[] = [];
  let pos = 712;
  for (let k = 0; k < rangeCount; k++) {
    const where = `range ${k + 1} header (offset ${pos})`;
    const headerLength = r.u32(pos, where);
    if (headerLength !== 304)
      throw new FormatError(r.source, where, "a range header length of 304", String(headerLength));
    const steps = r.u32(pos + 4, where);
    const start = r.f64(pos + 16, where);
    const step = r.f64(pos + 176, where);
    const timePerStep = r.f32(pos + 192, where);
    const supplementary = r.u32(pos + 256, where);
    checkSteps(r, steps, step, where);
    const dataStart = pos + headerLength + supplementary;
    const intensity = r.counts(dataStart, steps, `range ${k + 1} data`);
    ranges.push({ start, step, intensity, timePerStep });
    pos = dataStart + 4 * steps;
  }
  return joinRanges(ranges, wavelength, metadataOf("3", { anode: r.ascii(608, 4) }), r.source);
}

/** v4, "RAW4.00": a 61-byte header, typed metadata segments, then ranges of a 160-byte header + sub-headers. */
function parseV4(r: Reader): Diffractogram {
  let pos = 61;
  let wavelength: Diffractogram["wavelength"] = null;
  let anode = "";
  let type = r.u32(pos, "metadata segment type");
  // Global metadata: (type u32, length u32) segments until a range (type 0 or 160) begins.
  for (let guard = 0; type !== 0 && type !== 160; guard++) {
    const length = r.u32(pos + 4, `metadata segment at ${pos}: length`);
    if (length < 8 || guard > 10000)
      throw new FormatError(r.source, `metadata segment at offset ${pos}`, "a length ≥ 8", String(length));
    r.need(pos, length, `metadata segment at offset ${pos}`);
    if (type === 30) {
      // X-ray source segment: mean, Kα1, Kα2, Kβ (f64) from +72, ratio at +104, anode at +116.
      wavelength = wavelengthFrom(
        r.f64(pos + 80, "source segment: Kα1"),
        r.f64(pos + 88, "source segment: Kα2"),
        r.f64(pos + 104, "source segment: ratio"),
        "file: RAW v4 source segment",
      );
      anode = r.ascii(pos + 116, 4);
    }
    pos += length;
    type = r.u32(pos, `segment type at offset ${pos}`);
  }
  const ranges: ScanRange[] = [];
  const skipped: string[] = [];
  while ((type === 0 || type === 160) && pos + 160 <= r.bytes.length) {
    const where = `range ${ranges.length + skipped.length + 1} header (offset ${pos})`;
    r.need(pos, 160, where);
    const scanType = r.ascii(pos + 32, 24);
    const start = r.f64(pos + 72, where);
    const step = r.f64(pos + 80, where);
    const steps = r.u32(pos + 88, where);
    const timePerStep = r.f32(pos + 92, where) / 1000; // stored in ms (GSAS-II reads "stepTime(ms)")
    const datumSize = r.u32(pos + 136, where);
    const subHeaders = r.u32(pos + 140, where);
    const dataStart = pos + 160 + subHeaders;
    r.need(pos + 160, subHeaders, `${where}: sub-headers`);
    if (datumSize !== 4) throw new FormatError(r.source, where, "4-byte data points", `${datumSize} bytes`);
    r.need(dataStart, steps * datumSize, `${where}: data`);
    if (/coupled|detector scan|2theta/i.test(scanType)) {
      checkSteps(r, steps, step, where);
      ranges.push({ start, step, intensity: r.counts(dataStart, steps, `${where}: data`), timePerStep });
    } else {
      skipped.push(scanType || "unnamed");
    }
    pos = dataStart + steps * datumSize;
    if (pos + 4 > r.bytes.length) break;
    type = r.u32(pos, `segment type at offset ${pos}`);
  }
  if (ranges.length === 0)
    throw new FormatError(
      r.source,
      "RAW v4 ranges",
      "a coupled 2θ/θ or detector scan range",
      skipped.length ? `only ${skipped.join(", ")}` : "no range",
    );
  const d = joinRanges(ranges, wavelength, metadataOf("4", { anode }), r.source);
  if (skipped.length) d.warnings.push(`skipped ranges of scan type ${skipped.join(", ")}`);
  return d;
}

/** v2, "RAW2": range count at 4, wavelengths at 190, ranges from 256 (header length, steps as u16). */
function parseV2(r: Reader): Diffractogram {
  const rangeCount = r.u16(4, "file header: range count");
  checkRangeCount(r, rangeCount, "file header (offset 4): range count");
  const wavelength = wavelengthFrom(
    r.f32(190, "file header: Kα1"),
    r.f32(194, "file header: Kα2"),
    r.f32(198, "file header: ratio"),
    "file: RAW v2 header",
  );
  const ranges: ScanRange[] = [];
  let pos = 256;
  for (let k = 0; k < rangeCount; k++) {
    const where = `range ${k + 1} header (offset ${pos})`;
    const headerLength = r.u16(pos, where);
    if (headerLength <= 48)
      throw new FormatError(r.source, where, "a header length > 48", String(headerLength));
    const steps = r.u16(pos + 2, where);
    const timePerStep = r.f32(pos + 8, where);
    const step = r.f32(pos + 12, where);
    const start = r.f32(pos + 16, where);
    checkSteps(r, steps, step, where);
    const intensity = r.counts(pos + headerLength, steps, `range ${k + 1} data`);
    ranges.push({ start, step, intensity, timePerStep });
    pos += headerLength + 4 * steps;
  }
  return joinRanges(ranges, wavelength, metadataOf("2", { anode: r.ascii(188, 2) }), r.source);
}

/** v1, "RAW ": chained ranges, each a 148-byte header (steps, time, step, start, Kα1/Kα2) then counts. */
function parseV1(r: Reader): Diffractogram {
  const ranges: ScanRange[] = [];
  let pos = 4;
  let wavelength: Diffractogram["wavelength"] = null;
  for (let following = 1; following > 0; ) {
    if (ranges.length >= MAX_RANGES)
      throw new FormatError(r.source, "ranges", `at most ${MAX_RANGES}`, "more");
    const where = `range ${ranges.length + 1} header (offset ${pos})`;
    let steps = r.u32(pos, where);
    // Early files do not repeat "RAW " before later ranges; later ones do.
    if (ranges.length > 0 && steps === 0x20574152) {
      pos += 4;
      steps = r.u32(pos, where);
    }
    const timePerStep = r.f32(pos + 4, where);
    const step = r.f32(pos + 8, where);
    const start = r.f32(pos + 20, where);
    wavelength ??= wavelengthFrom(
      r.f32(pos + 68, where),
      r.f32(pos + 72, where),
      undefined,
      "file: RAW v1 header",
    );
    following = r.u32(pos + 148, where);
    checkSteps(r, steps, step, where);
    const dataStart = pos + 152;
    ranges.push({ start, step, intensity: r.counts(dataStart, steps, `${where}: data`), timePerStep });
    pos = dataStart + 4 * steps;
  }
  return joinRanges(ranges, wavelength, metadataOf("1", {}), r.source);
}

function metadataOf(version: string, extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { format: "bruker-raw", version };
  for (const [k, v] of Object.entries(extra)) if (v) out[k] = v;
  return out;
}
