import { describe, expect, it } from "vitest";
import { nmrIntegrateResultOf, nmrPlotUrl, nmrProcessResultOf, nucleusLabel } from "./types.js";

const summary = { nucleus: "1H", frequency_MHz: 400.13, solvent: "DMSO-d6", peaks: [], ranges: [] };

describe("nmr result shapes", () => {
  it("recognises nmr.process and nmr.integrate results and nothing else", () => {
    expect(nmrProcessResultOf("nmr.process", summary)).toBeDefined();
    expect(nmrProcessResultOf("nmr.integrate", summary)).toBeUndefined();
    expect(nmrProcessResultOf("nmr.process", { ...summary, peaks: "x" })).toBeUndefined();
    expect(nmrIntegrateResultOf("nmr.integrate", summary)).toBeUndefined();
    expect(nmrIntegrateResultOf("nmr.integrate", { ...summary, integrals: [] })).toBeDefined();
  });

  it("drops a malformed comparison but keeps the spectrum", () => {
    const r = nmrProcessResultOf("nmr.process", { ...summary, expected: { list: "x" } });
    expect(r).toBeDefined();
    expect(r!.expected).toBeUndefined();
  });

  it("labels nuclei and builds the plot URL", () => {
    expect(nucleusLabel("13C")).toBe("¹³C");
    expect(nucleusLabel("1H")).toBe("¹H");
    expect(nmrPlotUrl("a/b")).toBe("/api/analyses/a%2Fb/plots/nmr.svg");
  });
});
