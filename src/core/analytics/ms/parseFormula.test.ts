import { describe, expect, it } from "vitest";
import { parseElementRanges } from "./generateFormulas.js";
import { resolveIon } from "./isotopePattern.js";
import { parseAdduct } from "./parseAdduct.js";
import { FormulaError, parseFormula } from "./parseFormula.js";

describe("parseFormula", () => {
  it("reads counts, two-letter symbols, groups and salt/hydrate parts", () => {
    expect(parseFormula("C14H19BCl2N2O4")).toEqual({ C: 14, H: 19, B: 1, Cl: 2, N: 2, O: 4 });
    expect(parseFormula("Ca(OH)2")).toEqual({ Ca: 1, O: 2, H: 2 });
    expect(parseFormula("CuSO4.5H2O")).toEqual({ Cu: 1, S: 1, O: 9, H: 10 });
    expect(parseFormula("C14H19BCl2N2O4·C6H8O7")).toEqual({ C: 20, H: 27, B: 1, Cl: 2, N: 2, O: 11 });
  });

  it("points a caret at the first character that does not fit (messages verbatim)", () => {
    const cases: [string, number, string][] = [
      [
        "C14H19Bx2",
        8,
        "formula 'C14H19Bx2': column 8: expected an element symbol (C, H, B, Cl, N, O, …), found 'x'\n  C14H19Bx2\n         ^",
      ],
      ["C14H(OH", 8, "formula 'C14H(OH': column 8: expected ')', found the end\n  C14H(OH\n         ^"],
      ["", 1, "formula '': column 1: expected an element symbol, found the end\n  \n  ^"],
      [
        "c6h6",
        1,
        "formula 'c6h6': column 1: expected an element symbol, a count or '(', found 'c'\n  c6h6\n  ^",
      ],
      [
        "C6H6-",
        5,
        "formula 'C6H6-': column 5: expected an element symbol, a count or '(', found '-'\n  C6H6-\n      ^",
      ],
      [
        "Xq2",
        1,
        "formula 'Xq2': column 1: expected an element symbol (C, H, B, Cl, N, O, …), found 'X'\n  Xq2\n  ^",
      ],
    ];
    for (const [text, column, message] of cases) {
      const error = (() => {
        try {
          parseFormula(text);
        } catch (e) {
          return e;
        }
      })() as FormulaError;
      expect(error).toBeInstanceOf(FormulaError);
      expect(error.column).toBe(column);
      expect(error.message).toBe(message);
    }
  });
});

describe("parseAdduct", () => {
  it("reads the bracket notation of common ESI ions", () => {
    expect(parseAdduct("[M+H]+")).toEqual({ name: "[M+H]+", multimer: 1, charge: 1, delta: { H: 1 } });
    expect(parseAdduct("[M−H]−")).toEqual({ name: "[M-H]-", multimer: 1, charge: -1, delta: { H: -1 } });
    expect(parseAdduct("[M+H−H2O]+")).toEqual({
      name: "[M+H-H2O]+",
      multimer: 1,
      charge: 1,
      delta: { H: -1, O: -1 },
    });
    expect(parseAdduct("[2M+Na]+")).toMatchObject({ multimer: 2, charge: 1, delta: { Na: 1 } });
    expect(parseAdduct("[M+2H]2+")).toMatchObject({ charge: 2, delta: { H: 2 } });
    expect(parseAdduct("[M+NH4]+")).toMatchObject({ delta: { N: 1, H: 4 } });
    expect(parseAdduct("[M-2H]2-")).toMatchObject({ charge: -2, delta: { H: -2 } });
    expect(parseAdduct("[M+HCOO]-")).toMatchObject({ charge: -1, delta: { H: 1, C: 1, O: 2 } });
  });

  it("refuses unknown or malformed ions with a caret", () => {
    expect(() => parseAdduct("[M+Xx]+")).toThrow(/^ion '\[M\+Xx\]\+': column 4: expected an element symbol/);
    expect(() => parseAdduct("M+H")).toThrow(/column 1: expected '\['/);
    expect(() => parseAdduct("[M+H]")).not.toThrow(); // neutral notation is allowed
    expect(() => parseAdduct("[M+H]2")).toThrow(/column 7: expected the charge sign/);
    expect(() => parseAdduct("[N+H]+")).toThrow(/column 2: expected 'M'/);
    expect(() => parseAdduct("[M+]+")).toThrow(/column 4: expected a formula/);
  });

  it("refuses an ion that removes atoms the molecule lacks", () => {
    expect(() => resolveIon("CH4", "[M-H2O]+")).toThrow("ion [M-H2O]+: removes 1 O but the molecule has 0");
  });
});

describe("parseElementRanges", () => {
  it("reads ranges and exact counts", () => {
    expect(parseElementRanges("C0-40H0-80B0-1Cl0-4N0-6O0-12")).toEqual([
      { symbol: "C", min: 0, max: 40 },
      { symbol: "H", min: 0, max: 80 },
      { symbol: "B", min: 0, max: 1 },
      { symbol: "Cl", min: 0, max: 4 },
      { symbol: "N", min: 0, max: 6 },
      { symbol: "O", min: 0, max: 12 },
    ]);
    expect(parseElementRanges("C10 H0-20")).toEqual([
      { symbol: "C", min: 10, max: 10 },
      { symbol: "H", min: 0, max: 20 },
    ]);
  });
  it("points at a bad range", () => {
    expect(() => parseElementRanges("C0-40H")).toThrow(/column 7: expected a count or a range/);
    expect(() => parseElementRanges("C5-2")).toThrow(/expected an upper end ≥ 5/);
    expect(() => parseElementRanges("C0-4Q1")).toThrow(/column 5: expected an element symbol/);
  });
});
