import { describe, expect, it } from "vitest";
import {
  compact,
  decimalsOf,
  fixed,
  fixedOrDash,
  formatBytes,
  formatComparable,
  formulaParts,
  humanize,
} from "./format.js";

describe("formulaParts", () => {
  it("subscripts element counts and keeps the plain text", () => {
    const parts = formulaParts("C20H23BCl2N2O9");
    expect(parts.map((p) => p.text).join("")).toBe("C20H23BCl2N2O9");
    expect(parts.filter((p) => p.sub).map((p) => p.text)).toEqual(["20", "23", "2", "2", "9"]);
  });

  it("keeps a leading stoichiometric coefficient inline", () => {
    expect(formulaParts("2 H2O")).toEqual([
      { text: "2", sub: false },
      { text: " H", sub: false },
      { text: "2", sub: true },
      { text: "O", sub: false },
    ]);
  });
});

describe("number formatting", () => {
  it("rounds with a real minus sign and no negative zero", () => {
    expect(fixed(517.1189, 2)).toBe("517.12");
    expect(fixed(-1.234, 2)).toBe("−1.23");
    expect(fixed(-0.0014, 2)).toBe("0.00");
    expect(fixed(Number.NaN, 2)).toBe("—");
  });

  it("compares computed values at the guide value's precision", () => {
    expect(decimalsOf(517.12)).toBe(2);
    expect(formatComparable(517.1189, 517.12)).toBe("517.12");
    expect(formatComparable(1.5431, 3.5)).toBe("1.54");
    expect(formatComparable(11, 11)).toBe("11");
    expect(compact(46.06900001)).toBe("46.069");
  });
});

describe("humanize", () => {
  it("sentence-cases keys and keeps chemical acronyms", () => {
    expect(humanize("rotatableBonds")).toBe("Rotatable bonds");
    expect(humanize("smiles")).toBe("SMILES");
    expect(humanize("inchiKey")).toBe("InChI key");
    expect(humanize("dose_mg")).toBe("Dose mg");
  });
});

describe("formatBytes", () => {
  it("prints bytes, kB and MB", () => {
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(48_213)).toBe("48.2 kB");
    expect(formatBytes(3_400_000)).toBe("3.4 MB");
  });
});

describe("fixedOrDash", () => {
  it("formats numbers as fixed does and a missing value as an em dash", () => {
    expect(fixedOrDash(-1.005, 1)).toBe(fixed(-1.005, 1));
    expect(fixedOrDash(null, 2)).toBe("—");
    expect(fixedOrDash(undefined, 2)).toBe("—");
  });
});
