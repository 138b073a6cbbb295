import { describe, expect, it } from "vitest";
import { chromatogramPlotUrl, hplcAnalyzeResultOf, hplcSuitabilityResultOf, peaksCsvUrl } from "./types.js";

describe("hplc web types", () => {
  it("recognises hplc.suitability by kind and shape only", () => {
    const result = {
      injections: [],
      rt: { mean: 6, sd: 0, rsdPct: 0 },
      area: { mean: 1000, sd: 5, rsdPct: 0.5 },
      checks: [{ name: "area %RSD (n = 6)", limit: "≤ 0.85 %", value: 0.5, pass: true }],
      pass: true,
    };
    expect(hplcSuitabilityResultOf("hplc.suitability", result)).toBe(result);
    expect(hplcSuitabilityResultOf("hplc.analyze", result)).toBeUndefined();
    expect(hplcSuitabilityResultOf("hplc.suitability", { ...result, pass: "yes" })).toBeUndefined();
    expect(hplcSuitabilityResultOf("hplc.suitability", { ...result, rt: null })).toBeUndefined();
    expect(hplcAnalyzeResultOf("hplc.analyze", result)).toBeUndefined();
  });
  it("escapes the analysis id in the plot URL", () => {
    expect(chromatogramPlotUrl("a/b")).toBe("/api/analyses/a%2Fb/plots/chromatogram.svg");
    expect(peaksCsvUrl("a/b")).toBe("/api/analyses/a%2Fb/peaks.csv");
  });
});
