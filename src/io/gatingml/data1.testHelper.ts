/**
 * Test-only decoder for the Gating-ML 2.0 compliance file data1.fcs (FCS 2.0, $DATATYPE I, 16-bit
 * big-endian, list mode). Not an FCS reader: it supports exactly what this one file uses, and returns
 * scale values ($PnE log channels → f2·10^(f1·x/$PnR), f2 = 0 treated as 1; linear channels ÷ $PnG).
 */
import { readFileSync } from "node:fs";

export function readData1ScaleValues(url: URL): Record<string, Float64Array> {
  const bytes = readFileSync(url);
  const ascii = (a: number, b: number) => bytes.subarray(a, b).toString("latin1");
  const textStart = Number(ascii(10, 18).trim());
  const textEnd = Number(ascii(18, 26).trim());
  const dataStart = Number(ascii(26, 34).trim());
  const text = ascii(textStart, textEnd + 1);
  const delim = text[0]!;
  const parts = text.slice(1).split(delim);
  const kw = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) kw.set(parts[i]!.toUpperCase(), parts[i + 1]!);
  const get = (k: string) => {
    const v = kw.get(k);
    if (v === undefined) throw new Error(`data1.fcs: missing ${k}`);
    return v;
  };
  if (get("$DATATYPE") !== "I" || get("$BYTEORD") !== "4,3,2,1")
    throw new Error("data1.fcs: unexpected layout");
  const par = Number(get("$PAR"));
  const tot = Number(get("$TOT"));
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart, par * tot * 2);
  const result: Record<string, Float64Array> = {};
  for (let p = 1; p <= par; p++) {
    if (get(`$P${p}B`) !== "16") throw new Error("data1.fcs: expected 16-bit parameters");
    const range = Number(get(`$P${p}R`));
    const bitMask = 2 ** Math.ceil(Math.log2(range)) - 1;
    const [f1, f2raw] = get(`$P${p}E`).split(",").map(Number) as [number, number];
    const f2 = f2raw === 0 ? 1 : f2raw;
    const gain = Number(kw.get(`$P${p}G`) ?? "1");
    const col = new Float64Array(tot);
    for (let e = 0; e < tot; e++) {
      const raw = view.getUint16((e * par + p - 1) * 2, false) & bitMask;
      col[e] = f1 > 0 ? f2 * 10 ** ((f1 * raw) / range) : raw / gain;
    }
    result[get(`$P${p}N`).trim()] = col;
  }
  return result;
}
