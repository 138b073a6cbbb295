import { describe, expect, it } from "vitest";
import { xrpdMatchResultOf, xrpdPeaksResultOf, xrpdPlotUrl } from "./types.js";

const peaks = { wavelength_A: 1.5406, peaks: [{ twoTheta: 10, dSpacing_A: 8.8388, relIntensity: 100 }] };

describe("xrpd web types", () => {
  it("recognises xrpd.peaks by kind and shape only", () => {
    expect(xrpdPeaksResultOf("xrpd.peaks", peaks)).toBe(peaks);
    expect(xrpdPeaksResultOf("xrpd.match", peaks)).toBeUndefined();
    expect(xrpdPeaksResultOf("xrpd.peaks", { peaks: [] })).toBeUndefined();
    expect(xrpdPeaksResultOf("xrpd.peaks", [peaks])).toBeUndefined();
    expect(xrpdPeaksResultOf("xrpd.peaks", null)).toBeUndefined();
  });
  it("recognises xrpd.match with or without a best match", () => {
    const match = { ...peaks, matches: [], bestMatch: null };
    expect(xrpdMatchResultOf("xrpd.match", match)).toBe(match);
    expect(xrpdMatchResultOf("xrpd.match", { ...match, bestMatch: "formA" })).toBeDefined();
    expect(xrpdMatchResultOf("xrpd.peaks", match)).toBeUndefined();
    expect(xrpdMatchResultOf("xrpd.match", peaks)).toBeUndefined();
    expect(xrpdMatchResultOf("xrpd.match", { ...match, bestMatch: 3 })).toBeUndefined();
  });
  it("escapes the analysis id in the plot URL", () => {
    expect(xrpdPlotUrl("a/b")).toBe("/api/analyses/a%2Fb/plots/xrpd.svg");
  });
});
