import { FormatError } from "../../core/errors.js";
import type { FcsParameter } from "./types.js";

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes one stored value of a parameter takes (FCS 3.1 §3.3); 0 for ASCII free format. */
export function storageBytes(p: FcsParameter): number {
  if (p.datatype === "F") return 4;
  if (p.datatype === "D") return 8;
  if (p.datatype === "A") return p.bits;
  // Widths that are not a multiple of 8 occupy the next 16-bit word (Coulter FC500 `$PnB 10`).
  return p.bits % 8 === 0 ? p.bits / 8 : Math.ceil(p.bits / 16) * 2;
}

/** Bytes per event, or null for ASCII free format (`$PnB *`), whose length is not fixed. */
export function bytesPerEvent(parameters: FcsParameter[]): number | null {
  let n = 0;
  for (const p of parameters) {
    const s = storageBytes(p);
    if (s === 0) return null;
    n += s;
  }
  return n;
}

/** `$BYTEORD` as one of the two usual orders or a significance permutation (FCS 3.1 §3.2.18). */
export type ByteOrder = "little" | "big" | number[];

/** Reads `$BYTEORD` (`1,2,3,4`, `4,3,2,1`, `1,2`, `2,1`, `3,4,1,2`…). */
export function parseByteOrder(value: string | undefined, source: string): ByteOrder {
  const order = (value ?? "1,2,3,4").split(",").map((s) => Number(s.trim()));
  const n = order.length;
  const valid = n >= 1 && [...order].sort((a, b) => a - b).every((v, i) => v === i + 1);
  if (!valid) {
    throw new FormatError(source, "TEXT keyword $BYTEORD", "a permutation such as 1,2,3,4", `'${value}'`);
  }
  if (order.every((v, i) => v === i + 1)) return "little";
  if (order.every((v, i) => v === n - i)) return "big";
  return order.map((v) => v - 1);
}

/**
 * Reads `events` events of the DATA segment starting at `begin` (FCS 3.1 §3.3–3.4) into one typed array
 * per parameter. Integers are masked to the bits of `$PnR`. The caller has checked that the bytes exist.
 */
export function readData(
  bytes: Uint8Array,
  begin: number,
  end: number,
  events: number,
  parameters: FcsParameter[],
  order: ByteOrder,
  source: string,
): Float64Array[] | Float32Array[] {
  if (parameters.some((p) => p.datatype === "A"))
    return readAscii(bytes, begin, end, events, parameters, source);
  const record = bytesPerEvent(parameters)!;
  let region = bytes.subarray(begin, begin + record * events);
  if (Array.isArray(order)) region = normaliseOrder(region, record, parameters, order, source);
  const little = order !== "big";
  const uniform = parameters.every((p) => p.datatype === parameters[0]!.datatype);
  if (uniform && parameters[0]?.datatype === "F")
    return readFloats(region, events, parameters.length, 4, little);
  if (uniform && parameters[0]?.datatype === "D")
    return readFloats(region, events, parameters.length, 8, little);
  return readMixed(region, events, parameters, record, little);
}

/**
 * Float/double fast path. Columns are gathered from the DATA bytes on first access, each in one strided
 * pass (a typed-array view when aligned and in host order, else a DataView): an analysis that reads two
 * channels of a six-channel file neither spends time nor memory on the other four.
 */
function readFloats(
  region: Uint8Array,
  events: number,
  nPar: number,
  size: 4 | 8,
  little: boolean,
): Float32Array[] | Float64Array[] {
  const direct = region.byteOffset % size === 0 && little === HOST_LITTLE;
  const gather = (p: number): Float32Array | Float64Array => {
    const col = size === 4 ? new Float32Array(events) : new Float64Array(events);
    if (direct) {
      const all =
        size === 4
          ? new Float32Array(region.buffer, region.byteOffset, events * nPar)
          : new Float64Array(region.buffer, region.byteOffset, events * nPar);
      for (let e = 0, k = p; e < events; e++, k += nPar) col[e] = all[k]!;
      return col;
    }
    const view = new DataView(region.buffer, region.byteOffset, region.byteLength);
    const stride = nPar * size;
    if (size === 4)
      for (let e = 0, pos = p * 4; e < events; e++, pos += stride) col[e] = view.getFloat32(pos, little);
    else for (let e = 0, pos = p * 8; e < events; e++, pos += stride) col[e] = view.getFloat64(pos, little);
    return col;
  };
  return lazyColumns(nPar, gather) as Float32Array[] | Float64Array[];
}

/** An array whose element p is `gather(p)`, computed on first read and then kept (or replaced when set). */
function lazyColumns<T>(n: number, gather: (p: number) => T): T[] {
  const columns: T[] = new Array<T>(n);
  const settle = (p: number, value: T) =>
    Object.defineProperty(columns, p, { value, writable: true, enumerable: true, configurable: true });
  for (let p = 0; p < n; p++) {
    Object.defineProperty(columns, p, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = gather(p);
        settle(p, value);
        return value;
      },
      set: (value: T) => settle(p, value),
    });
  }
  return columns;
}

/** Integers of any width (8/16/24/32/64, 10-bit in 16-bit words) mixed with F/D (FCS 3.2 `$PnDATATYPE`). */
function readMixed(
  region: Uint8Array,
  events: number,
  parameters: FcsParameter[],
  record: number,
  little: boolean,
): Float64Array[] {
  const view = new DataView(region.buffer, region.byteOffset, region.byteLength);
  const columns: Float64Array[] = [];
  let offset = 0;
  for (const p of parameters) {
    const size = storageBytes(p);
    const col = new Float64Array(events);
    const mask = integerMask(p, size);
    const maskOn = mask < 2 ** (8 * size) - 1;
    let pos = offset;
    if (p.datatype === "F") {
      for (let e = 0; e < events; e++, pos += record) col[e] = view.getFloat32(pos, little);
    } else if (p.datatype === "D") {
      for (let e = 0; e < events; e++, pos += record) col[e] = view.getFloat64(pos, little);
    } else if (size === 1) {
      for (let e = 0; e < events; e++, pos += record) col[e] = view.getUint8(pos) & mask;
    } else if (size === 2) {
      for (let e = 0; e < events; e++, pos += record) col[e] = view.getUint16(pos, little) & mask;
    } else if (size === 4) {
      if (maskOn)
        for (let e = 0; e < events; e++, pos += record) col[e] = (view.getUint32(pos, little) & mask) >>> 0;
      else for (let e = 0; e < events; e++, pos += record) col[e] = view.getUint32(pos, little);
    } else {
      for (let e = 0; e < events; e++, pos += record) {
        let v = 0;
        for (let b = 0; b < size; b++) v += region[pos + (little ? b : size - 1 - b)]! * 2 ** (8 * b);
        col[e] = maskOn ? v % (mask + 1) : v;
      }
    }
    columns.push(col);
    offset += size;
  }
  return columns;
}

/** `2^ceil(log2($PnR)) − 1`, capped by `$PnB` and the storage word (notes: bit masks). */
export function integerMask(p: FcsParameter, size: number): number {
  let bits = Math.min(8 * size, p.bits > 0 ? p.bits : 8 * size);
  if (Number.isFinite(p.range) && p.range > 0)
    bits = Math.min(bits, Math.max(1, Math.ceil(Math.log2(p.range))));
  return 2 ** bits - 1;
}

/** Rewrites words stored in an odd `$BYTEORD` (e.g. `3,4,1,2`) as little-endian. */
function normaliseOrder(
  region: Uint8Array,
  record: number,
  parameters: FcsParameter[],
  order: number[],
  source: string,
): Uint8Array {
  const out = new Uint8Array(region.length);
  let offset = 0;
  for (const p of parameters) {
    const size = storageBytes(p);
    if (size !== order.length) {
      throw new FormatError(
        source,
        `TEXT keyword $BYTEORD for $P${p.index}B ${p.bits}`,
        `an order of ${size} bytes`,
        `'${order.map((v) => v + 1).join(",")}'`,
      );
    }
    for (let pos = offset; pos < region.length; pos += record) {
      for (let k = 0; k < size; k++) out[pos + order[k]!] = region[pos + k]!;
    }
    offset += size;
  }
  return out;
}

/** `$DATATYPE A`: fixed-width fields (`$PnB` characters) or, with `$PnB *`, free format (FCS 3.1 §3.3.1). */
function readAscii(
  bytes: Uint8Array,
  begin: number,
  end: number,
  events: number,
  parameters: FcsParameter[],
  source: string,
): Float64Array[] {
  const columns = parameters.map(() => new Float64Array(events));
  const nPar = parameters.length;
  const text = new TextDecoder("latin1").decode(bytes.subarray(begin, end + 1));
  const bad = (k: number, found: string) =>
    new FormatError(source, `DATA value ${k + 1} (ASCII)`, "a number", `'${found}'`);
  if (parameters.every((p) => p.bits === 0)) {
    const fields = text.split(/[\s,]+/).filter((s) => s !== "");
    if (fields.length < events * nPar) {
      throw new FormatError(source, "DATA segment (ASCII)", `${events * nPar} values`, `${fields.length}`);
    }
    for (let k = 0; k < events * nPar; k++) {
      const v = Number(fields[k]);
      if (!Number.isFinite(v)) throw bad(k, fields[k]!);
      columns[k % nPar]![Math.floor(k / nPar)] = v;
    }
    return columns;
  }
  let pos = 0;
  for (let e = 0; e < events; e++) {
    for (let p = 0; p < nPar; p++) {
      const w = parameters[p]!.bits;
      const field = text.slice(pos, pos + w).trim();
      const v = Number(field);
      if (field === "" || !Number.isFinite(v)) throw bad(e * nPar + p, field);
      columns[p]![e] = v;
      pos += w;
    }
  }
  return columns;
}
