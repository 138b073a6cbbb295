/**
 * A minimal PNG encoder for density images: 8-bit indexed colour (PNG 1.2 §4.1.2, colour type 3) with a
 * transparency chunk, rows filtered with "none" and deflated by fflate. A 256×256 density of a million
 * events is a few kilobytes, so plots embed it as a data URI.
 */
import { zlibSync } from "fflate";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of PNG chunks (ISO 3309, as PNG 1.2 §3.4 specifies). */
export function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff);
  return out;
}

/**
 * Encodes an indexed image: `pixels[row·width + column]` are palette indices, row 0 at the top;
 * `palette` holds RGBA quadruples (alpha 0 makes an index transparent).
 */
export function encodeIndexedPng(
  width: number,
  height: number,
  pixels: Uint8Array,
  palette: Uint8Array,
): Uint8Array {
  if (pixels.length !== width * height) throw new Error("png: pixel count differs from width × height");
  const entries = palette.length / 4;
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = new Uint8Array(entries * 3);
  const trns = new Uint8Array(entries);
  for (let i = 0; i < entries; i++) {
    plte.set(palette.subarray(4 * i, 4 * i + 3), 3 * i);
    trns[i] = palette[4 * i + 3]!;
  }
  const raw = new Uint8Array((width + 1) * height);
  for (let r = 0; r < height; r++) raw.set(pixels.subarray(r * width, (r + 1) * width), r * (width + 1) + 1);
  const parts = [
    Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10),
    chunk("IHDR", header),
    chunk("PLTE", plte),
    chunk("tRNS", trns),
    chunk("IDAT", zlibSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
