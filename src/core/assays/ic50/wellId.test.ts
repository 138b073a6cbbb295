import { describe, expect, it } from "vitest";
import {
  formatWellId,
  PLATE_FORMATS,
  parseWellId,
  plateFormatFor,
  plateFormatOfGrid,
  rowLetters,
} from "./wellId.js";

describe("well ids", () => {
  it("reads A1…P24, 1536-well AA1…AF48, zero padding and lower case", () => {
    expect(parseWellId("A1")).toEqual({ row: 0, column: 0 });
    expect(parseWellId("P24")).toEqual({ row: 15, column: 23 });
    expect(parseWellId("B07")).toEqual({ row: 1, column: 6 });
    expect(parseWellId("a001")).toEqual({ row: 0, column: 0 });
    expect(parseWellId("Z48")).toEqual({ row: 25, column: 47 });
    expect(parseWellId("AA1")).toEqual({ row: 26, column: 0 });
    expect(parseWellId("AF48")).toEqual({ row: 31, column: 47 });
  });
  it("refuses what no standard plate has", () => {
    for (const bad of ["", "A", "1A", "A0", "A49", "AG1", "BA1", "A1x", "A-1", "A 1", "A1.0", "A0001"]) {
      expect(parseWellId(bad), bad).toBeUndefined();
    }
  });
  it("writes canonical ids and round-trips every well of a 1536-well plate", () => {
    expect(formatWellId(1, 6)).toBe("B7");
    expect(rowLetters(31)).toBe("AF");
    for (let r = 0; r < 32; r++) {
      for (let c = 0; c < 48; c++) expect(parseWellId(formatWellId(r, c))).toEqual({ row: r, column: c });
    }
  });
  it("infers the smallest format that holds a well", () => {
    expect(plateFormatFor(7, 11)).toBe(96);
    expect(plateFormatFor(8, 0)).toBe(384);
    expect(plateFormatFor(0, 12)).toBe(384);
    expect(plateFormatFor(15, 23)).toBe(384);
    expect(plateFormatFor(16, 0)).toBe(1536);
    expect(plateFormatOfGrid(16, 24)).toBe(384);
    expect(plateFormatOfGrid(16, 12)).toBeUndefined();
    expect(PLATE_FORMATS[1536]).toEqual({ rows: 32, columns: 48 });
  });
});
