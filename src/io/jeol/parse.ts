import type { NmrFid } from "../../core/analytics/nmr/types.js";
import { FormatError } from "../../core/errors.js";
import { checkFiniteSamples } from "../nmr/checkFiniteSamples.js";

/** One JEOL parameter: its value with the unit's SI prefix applied, and the unit's base. */
export interface JeolParameter {
  name: string;
  value: string | number;
  /** Unit base from JEOL's table (13 hertz, 26 ppm, 28 second, …), 0 when none. */
  unitBase: number;
}

/** The parts of a JEOL Delta `.jdf` file the reader uses. */
export interface JeolFile {
  title: string;
  dimensions: number;
  points: number;
  littleEndian: boolean;
  parameters: Map<string, JeolParameter>;
}

const MAGIC = "JEOL.NMR";
const HEADER_BYTES = 1360;
const PARAMETER_BYTES = 64;

/** True when the bytes start with the JEOL Delta magic `JEOL.NMR`. */
export function isJeolJdf(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

function text(bytes: Uint8Array, offset: number, length: number): string {
  let s = "";
  for (let i = offset; i < offset + length && i < bytes.length; i++)
    if (bytes[i]) s += String.fromCharCode(bytes[i]!);
  return s.trim();
}

/**
 * Reads the header and parameter block of a JEOL Delta file. Layout (nmrglue `jeol.py`, BSD, and JEOL's
 * Delta format notes): a big-endian header — endianness at 8, dimensions at 12, data type (bits 7–6:
 * 0 float64, 1 float32) and format at 14, axis types at 24, title at 48, points per axis at 176,
 * parameter start/length at 1212/1216, data start at 1284 — then 64-byte parameter records (unit prefix
 * nibble and base at 6/7, value at 16, value type at 32: 0 string, 1 integer, 2 float; name at 36), in
 * the file's byte order.
 * @throws FormatError naming the file when a size or offset points outside it.
 */
export function parseJeolHeader(
  bytes: Uint8Array,
  source: string,
): JeolFile & { dataStart: number; float32: boolean; axisType: number } {
  if (!isJeolJdf(bytes))
    throw new FormatError(source, "start of file", `the magic '${MAGIC}'`, `'${text(bytes, 0, 8)}'`);
  if (bytes.length < HEADER_BYTES) {
    throw new FormatError(
      source,
      "header",
      `${HEADER_BYTES} bytes`,
      `${bytes.length} bytes`,
      "the file is truncated",
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const littleEndian = view.getInt8(8) === 1;
  const dimensions = view.getUint8(12);
  const float32 = view.getUint8(14) >> 6 === 1;
  const axisType = view.getInt8(24);
  const points = view.getUint32(176);
  const paramStart = view.getUint32(1212);
  const dataStart = view.getUint32(1284);
  if (paramStart + 16 > bytes.length) {
    throw new FormatError(
      source,
      "header offset 1212",
      `a parameter start inside the file (${bytes.length} bytes)`,
      `${paramStart}`,
    );
  }
  const count = view.getUint32(paramStart + 8, littleEndian);
  if (paramStart + 16 + count * PARAMETER_BYTES > bytes.length) {
    throw new FormatError(
      source,
      "parameter block",
      `${count} records of ${PARAMETER_BYTES} bytes inside the file`,
      `${bytes.length} bytes`,
      "the file is truncated",
    );
  }
  const parameters = new Map<string, JeolParameter>();
  for (let k = 0; k < count; k++) {
    const o = paramStart + 16 + k * PARAMETER_BYTES;
    const unitByte = bytes[o + 6]!;
    const unitBase = view.getInt8(o + 7);
    // the prefix is a signed nibble: −1 kilo, −2 mega, 1 milli, 2 micro…
    const nibble = unitByte >> 4;
    const prefix = nibble > 7 ? nibble - 16 : nibble;
    const scale = 10 ** (-3 * prefix);
    const type = view.getInt32(o + 32, littleEndian);
    const name = text(bytes, o + 36, 28).toLowerCase();
    let value: string | number;
    if (type === 0) value = text(bytes, o + 16, 16);
    else if (type === 1) value = view.getInt32(o + 16, littleEndian) * scale;
    else if (type === 2) value = view.getFloat64(o + 16, littleEndian) * scale;
    else continue;
    if (name && !parameters.has(name)) parameters.set(name, { name, value, unitBase });
  }
  return {
    title: text(bytes, 48, 124),
    dimensions,
    points,
    littleEndian,
    parameters,
    dataStart,
    float32,
    axisType,
  };
}

/**
 * JEOL's digital filter delay in output points from the `orders` (stage count, then each stage's order)
 * and `factors` (each stage's decimation) parameters: Σᵢ (orderᵢ − 1) / (2 · Πⱼ≥ᵢ factorⱼ) — each
 * linear-phase FIR stage delays by (order − 1)/2 samples at its own rate.
 * @returns undefined when the parameters are missing or inconsistent.
 */
export function jeolGroupDelay(orders: string | undefined, factors: string | undefined): number | undefined {
  if (!orders || !factors) return undefined;
  const o = orders.trim().split(/\s+/).map(Number);
  const f = factors.trim().split(/\s+/).map(Number);
  const stages = o[0]!;
  if (!Number.isInteger(stages) || stages < 1 || o.length < stages + 1 || f.length < stages) return undefined;
  let delay = 0;
  for (let i = 0; i < stages; i++) {
    let rate = 1;
    for (let j = i; j < stages; j++) rate *= f[j]!;
    delay += (o[i + 1]! - 1) / (2 * rate);
  }
  return Number.isFinite(delay) ? delay : undefined;
}

/**
 * Reads a 1-D complex FID from a JEOL Delta `.jdf` file: the real points, then the imaginary points, from
 * the data start, as float64 or float32 in the file's byte order; frequency X_FREQ, width X_SWEEP,
 * carrier X_OFFSET (ppm), nucleus X_DOMAIN, solvent, and the digital-filter delay ({@link jeolGroupDelay}).
 * @throws FormatError naming the file: not 1-D complex time-domain data, a truncated data section, or
 *   missing parameters.
 */
export function parseJeol(bytes: Uint8Array, source = "<memory>"): NmrFid {
  const h = parseJeolHeader(bytes, source);
  if (h.dimensions !== 1) throw new FormatError(source, "header offset 12", "1-D data", `${h.dimensions}-D`);
  if (h.axisType !== 3)
    throw new FormatError(
      source,
      "header offset 24",
      "complex data (axis type 3)",
      `axis type ${h.axisType}`,
    );
  const width = h.float32 ? 4 : 8;
  const n = h.points;
  const needed = h.dataStart + 2 * n * width;
  if (n < 2 || needed > bytes.length) {
    throw new FormatError(
      source,
      "data section",
      `${2 * n * width} bytes from offset ${h.dataStart} (${n} complex points)`,
      `a file of ${bytes.length} bytes`,
      "the FID is truncated",
    );
  }
  const num = (name: string): number => {
    const v = h.parameters.get(name)?.value;
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new FormatError(
        source,
        `parameter ${name.toUpperCase()}`,
        "a number",
        v === undefined ? "missing" : `'${v}'`,
      );
    return v;
  };
  const str = (name: string): string | undefined => {
    const v = h.parameters.get(name)?.value;
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const le = h.littleEndian;
  for (let i = 0; i < n; i++) {
    const a = h.dataStart + i * width;
    const b = h.dataStart + (n + i) * width;
    re[i] = width === 8 ? view.getFloat64(a, le) : view.getFloat32(a, le);
    im[i] = width === 8 ? view.getFloat64(b, le) : view.getFloat32(b, le);
  }
  checkFiniteSamples(re, source, "real FID points");
  checkFiniteSamples(im, source, "imaginary FID points");
  const freqHz = num("x_freq");
  const warnings: string[] = [];
  const filterOn = /^true/i.test(str("digital_filter") ?? "");
  const gd = filterOn ? jeolGroupDelay(str("orders"), str("factors")) : 0;
  if (gd === undefined)
    warnings.push(
      `${source}: digital filter without orders/factors; the delay is left to the phase correction`,
    );
  const domain = str("x_domain") ?? "1H";
  const solvent = str("solvent");
  return {
    kind: "fid",
    vendor: "jeol",
    source,
    nucleus: domain.replace(/^Proton$/i, "1H").replace(/^Carbon13$/i, "13C"),
    frequencyMHz: freqHz / 1e6,
    referenceFrequencyMHz: freqHz / 1e6,
    solvent: solvent ?? null,
    re,
    im,
    spectralWidthHz: num("x_sweep"),
    carrierPpm: num("x_offset"),
    groupDelay: gd ?? 0,
    // JEOL quadrature: the shifted FFT runs against the chemical shift (DMSO-d5 at 2.5 ppm in the rutin files).
    reverse: true,
    warnings,
  };
}
