import { describe, expect, it } from "vitest";
import { normaliseRates, pctActivity, toNormalizedPoints } from "./normalise.js";
import { PLATE_QC_DEFAULTS, plateQc } from "./plateQc.js";

describe("plateQc (DEFINITIONS.md §2)", () => {
  it("has the documented default threshold", () => {
    expect(PLATE_QC_DEFAULTS).toEqual({ zPrimeThreshold: 0.5 });
  });
  it("computes means, sample SDs, CVs, Z' and signal windows over wells with a rate", () => {
    // max 100, 110, 120: mean 110, SD 10; min 4, 6, NaN: mean 5, SD √2; blank 1, 3: mean 2.
    const rates = Float64Array.of(100, 110, 120, 4, 6, Number.NaN, 1, 3, 50);
    const qc = plateQc(rates, ["max", "max", "max", "min", "min", "min", "blank", "blank", "sample"]);
    const sdMin = Math.SQRT2;
    expect(qc).toEqual({
      nMax: 3,
      nMin: 2,
      nBlank: 2,
      meanMax: 110,
      meanMin: 5,
      meanBlank: 2,
      sdMax: 10,
      sdMin,
      cvMaxPct: (100 * 10) / 110,
      cvMinPct: (100 * sdMin) / 5,
      zPrime: 1 - (3 * (10 + sdMin)) / 105,
      signalWindowRatio: 22,
      signalWindow: (105 - 3 * (10 + sdMin)) / 10,
      nWellsRateUndefined: 1,
      lowZPrime: false,
    });
  });
  it("flags Z' below the threshold, and a Z' that cannot be computed", () => {
    const rates = Float64Array.of(100, 140, 4, 40);
    expect(plateQc(rates, ["max", "max", "min", "min"]).lowZPrime).toBe(true);
    expect(plateQc(rates, ["max", "max", "min", "min"], { zPrimeThreshold: -10 }).lowZPrime).toBe(false);
    const single = plateQc(Float64Array.of(100, 4), ["max", "min"]);
    expect(single.sdMax).toBeNaN();
    expect(single.zPrime).toBeNaN();
    expect(single.lowZPrime).toBe(true);
  });
  it("rejects mismatched inputs", () => {
    expect(() => plateQc(Float64Array.of(1), [])).toThrow("plateQc: 1 rates but 0 roles");
    expect(() => plateQc(Float64Array.of(), [], { zPrimeThreshold: Number.NaN })).toThrow(
      "zPrimeThreshold: expected a finite number, found NaN",
    );
  });
});

describe("normalisation", () => {
  it("maps the min mean to 0 % and the max mean to 100 %", () => {
    expect(pctActivity(10, 110, 10)).toBe(0);
    expect(pctActivity(110, 110, 10)).toBe(100);
    expect(pctActivity(60, 110, 10)).toBe(50);
    expect([...normaliseRates(Float64Array.of(10, 60, Number.NaN), 110, 10)]).toEqual([0, 50, Number.NaN]);
  });
  it("keeps sample wells with a defined % activity as dose-response points", () => {
    const well = { plate: "P", compound: "c", conc_nM: 1 };
    expect(
      toNormalizedPoints([
        { ...well, well: "A1", role: "max", pctActivity: 100 },
        { ...well, well: "A2", role: "sample", pctActivity: 42 },
        { ...well, well: "A3", role: "sample", pctActivity: Number.NaN },
      ]),
    ).toEqual([{ plate: "P", well: "A2", compound: "c", conc_nM: 1, pctActivity: 42 }]);
  });
});
