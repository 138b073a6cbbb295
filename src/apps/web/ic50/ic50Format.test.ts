import { describe, expect, it } from "vitest";
import {
  classLabel,
  formatConcentration,
  formatZPrime,
  ic50Text,
  plateQcPasses,
  significant,
  zPrimeThresholdOf,
} from "./ic50Format.js";
import { ic50ResultOf } from "./types.js";

describe("significant", () => {
  it("rounds to 3 significant digits without exponents", () => {
    expect(significant(13.379724)).toBe("13.4");
    expect(significant(510.6228)).toBe("511");
    expect(significant(12345)).toBe("12300");
    expect(significant(0.0508052)).toBe("0.0508");
    expect(significant(9.996)).toBe("10.0");
    expect(significant(-2.5)).toBe("−2.50");
    expect(significant(null)).toBe("—");
  });
});

describe("formatConcentration", () => {
  it("stays in nM up to 99 999 nM, then switches to µM", () => {
    expect(formatConcentration(13.38)).toBe("13.4 nM");
    expect(formatConcentration(10000)).toBe("10000 nM");
    expect(formatConcentration(250_000)).toBe("250 µM");
    expect(formatConcentration(null)).toBe("—");
  });
});

describe("ic50Text", () => {
  it("states active curves with the Wald CI in the IC50's unit", () => {
    expect(
      ic50Text({ class: "active", ic50_nM: 13.3797, ic50Qualifier: "=", ci95_nM: [11.5962, 15.4376] }),
    ).toBe("= 13.4 nM [11.6, 15.4]");
    expect(
      ic50Text({ class: "active", ic50_nM: 150_000, ic50Qualifier: "=", ci95_nM: [120_000, 190_000] }),
    ).toBe("= 150 µM [120, 190]");
  });

  it("states inactive curves as above the top concentration, without a CI", () => {
    expect(ic50Text({ class: "inactive", ic50_nM: 10000, ic50Qualifier: ">", ci95_nM: null })).toBe(
      "> 10000 nM",
    );
  });

  it("names the class when there is no IC50", () => {
    expect(ic50Text({ class: "fit_failed", ic50_nM: null, ic50Qualifier: null, ci95_nM: null })).toBe(
      "fit failed",
    );
    expect(classLabel("insufficient_data")).toBe("insufficient data");
  });
});

describe("plate QC", () => {
  it("prints Z' to 3 decimals and fails plates below 0.5, flagged or in error", () => {
    expect(formatZPrime(0.84117)).toBe("0.841");
    expect(formatZPrime(null)).toBe("—");
    expect(plateQcPasses({ zPrime: 0.84, flags: [], error: null })).toBe(true);
    expect(plateQcPasses({ zPrime: 0.42, flags: [], error: null })).toBe(false);
    expect(plateQcPasses({ zPrime: 0.84, flags: ["detector saturated"], error: null })).toBe(false);
    expect(plateQcPasses({ zPrime: null, flags: [], error: "no max wells" })).toBe(false);
  });

  it("uses the run's zPrimeThreshold when it has one", () => {
    expect(zPrimeThresholdOf({ zPrimeThreshold: 0.4 })).toBe(0.4);
    expect(zPrimeThresholdOf({ windowReads: 10 })).toBe(0.5);
    expect(zPrimeThresholdOf(null)).toBe(0.5);
    expect(plateQcPasses({ zPrime: 0.45, flags: [], error: null }, 0.4)).toBe(true);
  });
});

describe("ic50ResultOf", () => {
  it("recognises IC50 results and fills missing lists", () => {
    const result = ic50ResultOf("ic50.fit", {
      curves: [{ plate: "PA01", compound: "ixazomib", class: "active" }],
      pooled: [],
      points: [],
    });
    expect(result?.curves[0]?.outlierWells).toEqual([]);
    expect(result?.plates).toBeUndefined();
  });

  it("leaves other kinds and other shapes to the generic view", () => {
    expect(ic50ResultOf("chem.props", { curves: [] })).toBeNull();
    expect(ic50ResultOf("ic50.run", { formula: "C2H6O" })).toBeNull();
  });
});
