import { InputError } from "../../core/errors.js";
import type { FcsParameter, FcsVersion } from "./types.js";

/** What {@link writeFcs} needs: parameters, one column per parameter, optional extra keywords. */
export interface FcsWriteInput {
  parameters: ReadonlyArray<Pick<FcsParameter, "name"> & Partial<Omit<FcsParameter, "index" | "datatype">>>;
  data: ReadonlyArray<ArrayLike<number>>;
  /** Extra keywords (e.g. `$CYT`, `$SPILLOVER`); keywords the writer owns (offsets, `$Pn…`) are ignored. */
  keywords?: Record<string, string>;
}

/** Options of {@link writeFcs}. */
export interface FcsWriteOptions {
  /** @default "F" */
  datatype?: "F" | "I" | "D";
  /** @default "little" */
  byteOrder?: "little" | "big";
  /** @default "FCS3.1" */
  version?: FcsVersion;
}

/** Defaults of {@link FcsWriteOptions}. */
export const WRITE_DEFAULTS = { datatype: "F", byteOrder: "little", version: "FCS3.1" } as const;

const OWNED = /^\$(P\d+[A-Z]+|BEGIN\w+|END\w+|BYTEORD|DATATYPE|MODE|NEXTDATA|PAR|TOT)$/;
const DELIMITER = "/";

/**
 * Writes one list-mode data set as an FCS file (FCS 3.1 §3: HEADER, TEXT with `/` delimiter, DATA,
 * CRC field `00000000`). Also writes FCS 3.0/3.2 and FCS 2.0 (no `$BEGINDATA`, no CRC) for fixtures.
 * Integer (`I`) values are rounded and stored in `$PnB` bits (8/16/24/32, default 16) without masking to
 * `$PnR`, so bits above the range survive as real instruments write them.
 * @throws InputError when columns and parameters disagree or a width is unsupported.
 */
export function writeFcs(input: FcsWriteInput, options: FcsWriteOptions = {}): Uint8Array {
  const { datatype, byteOrder, version } = { ...WRITE_DEFAULTS, ...options };
  const nPar = input.parameters.length;
  if (nPar === 0 || input.data.length !== nPar) {
    throw new InputError(
      `writeFcs: expected one column per parameter (≥ 1), found ${input.data.length} columns for ${nPar} parameters`,
    );
  }
  const events = input.data[0]!.length;
  if (input.data.some((c) => c.length !== events)) throw new InputError("writeFcs: columns differ in length");
  const bits = input.parameters.map((p) => (datatype === "F" ? 32 : datatype === "D" ? 64 : (p.bits ?? 16)));
  if (bits.some((b) => ![8, 16, 24, 32, 64].includes(b) || (datatype === "I" && b === 64))) {
    throw new InputError(`writeFcs: integer $PnB must be 8, 16, 24 or 32, found ${bits.join(",")}`);
  }
  const sizes = bits.map((b) => b / 8);
  const record = sizes.reduce((a, b) => a + b, 0);
  const dataBytes = encodeData(input.data, sizes, record, events, datatype, byteOrder === "little");

  const keywords: [string, string][] = [];
  const fcs3 = version !== "FCS2.0";
  for (const [k, v] of Object.entries(input.keywords ?? {})) {
    const key = k.trim().toUpperCase();
    if (!OWNED.test(key)) keywords.push([key, v]);
  }
  if (version === "FCS3.2" && !keywords.some(([k]) => k === "$CYT")) keywords.push(["$CYT", "Ixalab"]);
  keywords.push(
    ["$BYTEORD", byteOrder === "little" ? "1,2,3,4" : "4,3,2,1"],
    ["$DATATYPE", datatype],
    ["$MODE", "L"],
    ["$NEXTDATA", "0"],
    ["$PAR", String(nPar)],
    ["$TOT", String(events)],
  );
  input.parameters.forEach((p, i) => {
    const n = i + 1;
    keywords.push([`$P${n}N`, p.name], [`$P${n}B`, String(bits[i])]);
    keywords.push([`$P${n}E`, `${p.decades ?? 0},${p.offset ?? 0}`]);
    keywords.push([`$P${n}R`, String(p.range ?? defaultRange(datatype, bits[i]!))]);
    if (p.label) keywords.push([`$P${n}S`, p.label]);
    if (p.gain !== undefined && p.gain !== 1) keywords.push([`$P${n}G`, String(p.gain)]);
  });

  // TEXT holds its own DATA offsets: iterate until the TEXT length is stable (FCS 3.1 §3.2.1).
  const textBegin = 58;
  let text: Uint8Array = new Uint8Array(0);
  let dataBegin = 0;
  for (let guess = 0, i = 0; i < 5; i++) {
    dataBegin = textBegin + guess;
    const dataEnd = dataBegin + dataBytes.length - 1;
    const offsets: [string, string][] = fcs3
      ? [
          ["$BEGINANALYSIS", "0"],
          ["$ENDANALYSIS", "0"],
          ["$BEGINSTEXT", "0"],
          ["$ENDSTEXT", "0"],
          ["$BEGINDATA", String(dataBegin)],
          ["$ENDDATA", String(dataEnd)],
        ]
      : [];
    text = encodeText([...offsets, ...keywords]);
    // Pad TEXT with spaces after its last delimiter so DATA starts 8-byte aligned (typed-array views).
    const padded = text.length + ((8 - ((textBegin + text.length) % 8)) % 8);
    if (padded === guess) {
      text = padTo(text, padded);
      break;
    }
    guess = padded;
  }
  if (textBegin + text.length !== dataBegin) throw new Error("writeFcs: TEXT length did not converge");
  const dataEnd = dataBegin + dataBytes.length - 1;
  const crc = fcs3 ? 8 : 0;
  const out = new Uint8Array(dataBegin + dataBytes.length + crc);
  const fits = dataEnd <= 99_999_999;
  const header =
    version.padEnd(10, " ") +
    [textBegin, textBegin + text.length - 1, fits ? dataBegin : 0, fits ? dataEnd : 0, 0, 0]
      .map((v) => String(v).padStart(8, " "))
      .join("");
  out.set(new TextEncoder().encode(header), 0);
  out.set(text, textBegin);
  out.set(dataBytes, dataBegin);
  if (crc) out.set(new TextEncoder().encode("00000000"), dataBegin + dataBytes.length);
  return out;
}

function padTo(text: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length).fill(0x20);
  out.set(text);
  return out;
}

function defaultRange(datatype: string, bits: number): number {
  return datatype === "I" ? 2 ** bits : 262144;
}

function encodeText(pairs: [string, string][]): Uint8Array {
  const esc = (s: string) => (s === "" ? " " : s.replaceAll(DELIMITER, DELIMITER + DELIMITER));
  let t = DELIMITER;
  for (const [k, v] of pairs) t += `${esc(k)}${DELIMITER}${esc(v)}${DELIMITER}`;
  return new TextEncoder().encode(t);
}

/** Event-major DATA bytes (FCS 3.1 §3.3). */
function encodeData(
  data: ReadonlyArray<ArrayLike<number>>,
  sizes: number[],
  record: number,
  events: number,
  datatype: "F" | "I" | "D",
  little: boolean,
): Uint8Array {
  const out = new Uint8Array(record * events);
  const view = new DataView(out.buffer);
  let offset = 0;
  data.forEach((col, p) => {
    const size = sizes[p]!;
    const max = 2 ** (8 * size) - 1;
    for (let e = 0, pos = offset; e < events; e++, pos += record) {
      const x = col[e]!;
      if (datatype === "F") view.setFloat32(pos, x, little);
      else if (datatype === "D") view.setFloat64(pos, x, little);
      else {
        const v = Math.min(max, Math.max(0, Math.round(x)));
        if (size === 1) view.setUint8(pos, v);
        else if (size === 2) view.setUint16(pos, v, little);
        else if (size === 4) view.setUint32(pos, v, little);
        else
          for (let b = 0; b < size; b++)
            out[pos + (little ? b : size - 1 - b)] = Math.floor(v / 2 ** (8 * b)) & 0xff;
      }
    }
    offset += size;
  });
  return out;
}
