import { describe, expect, it } from "vitest";
import { DelimitedCursor } from "./DelimitedCursor.js";
import { decodeText } from "./decodeText.js";
import { detectDelimiter } from "./detectDelimiter.js";
import { parseDecimal } from "./parseDecimal.js";

const parse = (s: string) => parseDecimal(s, 0, s.length);

describe("parseDecimal", () => {
  it("equals Number() to the bit on instrument-style numbers (the fast path) and on the rest", () => {
    // Deterministic sample: integers, 1–6 decimals, 15–17 significant digits, exponents, signs.
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const samples = [
      "0",
      "-0",
      "007",
      "1.",
      ".5",
      "+3",
      "2417.7515151515154",
      "9007199254740993",
      "1e-7",
      "-2.5E+3",
    ];
    for (let i = 0; i < 20000; i++) {
      const digits = 1 + Math.floor(next() * 17);
      const mantissa = String(Math.floor(next() * 10 ** digits));
      const cut = Math.floor(next() * (mantissa.length + 1));
      samples.push(`${next() < 0.2 ? "-" : ""}${mantissa.slice(0, cut) || "0"}.${mantissa.slice(cut)}`);
    }
    for (const s of samples) expect(Object.is(parse(s), Number(s)), s).toBe(true);
  });
  it("refuses what Number() would bend", () => {
    for (const bad of [
      "",
      "-",
      ".",
      "1.2.3",
      "0x10",
      "Infinity",
      "NaN",
      "1,5",
      "1 000",
      "1e",
      "1e400",
      "12O0",
    ]) {
      expect(parse(bad), bad).toBeNaN();
    }
  });
});

describe("DelimitedCursor", () => {
  it("gives trimmed fields, splits quoted lines by RFC 4180 and numbers lines", () => {
    const cursor = new DelimitedCursor(' a , "b, ""c""" ,3\r\n\n#x\nlast', "t.csv");
    const lines: [number, string[]][] = [];
    while (cursor.nextLine()) {
      if (cursor.isBlankOrComment(",")) continue;
      cursor.split(",");
      lines.push([cursor.line, Array.from({ length: cursor.count }, (_, i) => cursor.field(i))]);
    }
    expect(lines).toEqual([
      [1, ["a", 'b, "c"', "3"]],
      [4, ["last"]],
    ]);
  });
});

describe("decodeText and detectDelimiter", () => {
  it("decodes UTF-8 with BOM and UTF-16 LE with BOM", () => {
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41), "x")).toBe("A");
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0x41, 0, 0x31, 0), "x")).toBe("A1");
    expect(() => decodeText(Uint8Array.of(0xc3, 0x28), "x.csv")).toThrow(
      "x.csv: file: expected UTF-8 text, found bytes that are not valid text",
    );
  });
  it("picks the delimiter the header uses most", () => {
    expect(detectDelimiter("Time\tTemperature(°C)\tA1")).toBe("\t");
    expect(detectDelimiter("plate;well;time_s;rfu")).toBe(";");
    expect(detectDelimiter('"a;b",c,d')).toBe(",");
    expect(detectDelimiter("smiles")).toBe(",");
  });
});
