/**
 * MS-Numpress decoders (Teleman et al., Mol. Cell. Proteomics 13, 1537, 2014; reference implementation
 * ms-numpress, Apache-2.0, `src/main/cpp/MSNumpress.cpp`), written from the format description:
 *
 * - linear prediction (MS:1002312): 8-byte big-endian double fixed point, the first two values as
 *   little-endian uint32 (value × fixed point, rounded), then each value's residual from the linear
 *   extrapolation 2·xᵢ₋₁ − xᵢ₋₂ as a half-byte-encoded int. Error ≤ 0.5 / fixed point.
 * - positive integer compression (MS:1002313): each value rounded to an integer, half-byte encoded.
 * - short logged float (MS:1002314): fixed point, then uint16 little-endian of ln(x + 1) × fixed point.
 *
 * Half-byte ints: a head nibble h; h ≤ 8 means h leading zero nibbles, h > 8 means h − 8 leading ones
 * (negative numbers); then 8 − n nibbles, least significant first.
 */

/** Thrown by the decoders on truncated data; the mzML parser turns it into a FormatError. */
export class NumpressError extends Error {}

/** Upper bound of the values a numpress stream of `bytes` bytes can hold (for allocation checks). */
export function numpressCapacity(kind: "linear" | "pic" | "slof", bytes: number): number {
  if (kind === "slof") return Math.max(0, Math.floor((bytes - 8) / 2));
  // Each value needs at least one half byte; linear has two 4-byte values after the 8-byte header.
  return kind === "linear" ? Math.max(0, 2 + (bytes - 16) * 2) : bytes * 2;
}

function fixedPointOf(data: Uint8Array): number {
  if (data.length < 8) throw new NumpressError("expected an 8-byte fixed point");
  return new DataView(data.buffer, data.byteOffset, 8).getFloat64(0, false);
}

class HalfByteReader {
  di = 0;
  half = 0;
  constructor(readonly data: Uint8Array) {
    this.di = 0;
  }
  nibble(): number {
    const byte = this.data[this.di];
    if (byte === undefined) throw new NumpressError("truncated half-byte integer");
    if (this.half === 0) {
      this.half = 1;
      return byte >> 4;
    }
    this.half = 0;
    this.di++;
    return byte & 0xf;
  }
  /** True at the padding nibble the encoder writes after an odd count of half bytes. */
  atPadding(): boolean {
    return this.di === this.data.length - 1 && this.half === 1 && (this.data[this.di]! & 0xf) !== 0x8;
  }
  int(): number {
    const head = this.nibble();
    let n: number;
    let res = 0;
    if (head <= 8) n = head;
    else {
      n = head - 8;
      for (let i = 0; i < n; i++) res |= 0xf0000000 >>> (4 * i);
    }
    if (n === 8) return res | 0;
    for (let i = n; i < 8; i++) res |= this.nibble() << ((i - n) * 4);
    return res | 0;
  }
}

/** Decodes MS-Numpress linear prediction. @throws NumpressError on truncated data */
export function decodeNumpressLinear(data: Uint8Array): Float64Array {
  const fixedPoint = fixedPointOf(data);
  if (data.length === 8) return new Float64Array(0);
  if (data.length < 12) throw new NumpressError("expected a 4-byte first value");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: number[] = [];
  let a = view.getUint32(8, true);
  out.push(a / fixedPoint);
  if (data.length === 12) return Float64Array.from(out);
  if (data.length < 16) throw new NumpressError("expected a 4-byte second value");
  let b = view.getUint32(12, true);
  out.push(b / fixedPoint);
  const reader = new HalfByteReader(data);
  reader.di = 16;
  while (reader.di < data.length) {
    if (reader.atPadding()) break;
    const diff = reader.int();
    const y = b + (b - a) + diff;
    out.push(y / fixedPoint);
    a = b;
    b = y;
  }
  return Float64Array.from(out);
}

/** Decodes MS-Numpress positive integer compression. @throws NumpressError on truncated data */
export function decodeNumpressPic(data: Uint8Array): Float64Array {
  const out: number[] = [];
  const reader = new HalfByteReader(data);
  while (reader.di < data.length) {
    if (reader.atPadding()) break;
    out.push(reader.int());
  }
  return Float64Array.from(out);
}

/** Decodes MS-Numpress short logged float. @throws NumpressError on truncated data */
export function decodeNumpressSlof(data: Uint8Array): Float64Array {
  const fixedPoint = fixedPointOf(data);
  if ((data.length - 8) % 2 !== 0)
    throw new NumpressError("expected an even number of bytes after the fixed point");
  const out = new Float64Array((data.length - 8) / 2);
  for (let i = 0; i < out.length; i++) {
    const x = data[8 + 2 * i]! | (data[9 + 2 * i]! << 8);
    out[i] = Math.exp(x / fixedPoint) - 1;
  }
  return out;
}
