import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NMR_DEFAULTS } from "../core/analytics/nmr/index.js";
import { nmrProcessingParameters, parsePpmRanges, processOptionsOf } from "./nmrShared.js";

const schema = z.strictObject(nmrProcessingParameters);

describe("nmr kind parameters", () => {
  it("defaults are those of processNmr (NMR_DEFAULTS)", () => {
    const p = schema.parse({});
    expect(processOptionsOf(p)).toEqual({
      reference: NMR_DEFAULTS.reference,
      zeroFill: NMR_DEFAULTS.zeroFill,
      baseline: NMR_DEFAULTS.baseline,
      useProcessed: NMR_DEFAULTS.useProcessed,
      minSignalToNoise: NMR_DEFAULTS.minSignalToNoise,
      minRelativeHeight: NMR_DEFAULTS.minRelativeHeight,
    });
  });

  it("a phase given in part is completed with 0; options given pass through", () => {
    const p = schema.parse({ phase1Deg: 12, solvent: " DMSO-d6 ", lineBroadeningHz: 1 });
    expect(processOptionsOf(p)).toMatchObject({
      phase: { ph0: 0, ph1: 12 },
      solvent: "DMSO-d6",
      lineBroadeningHz: 1,
    });
  });
});

describe("parsePpmRanges", () => {
  it("reads from-to lists in either order, with negative shifts and ':'", () => {
    expect(parsePpmRanges("7.9-7.3, 4.1-3.9,0.5--0.5,10:12,.5-1")).toEqual([
      [7.9, 7.3],
      [4.1, 3.9],
      [0.5, -0.5],
      [10, 12],
      [0.5, 1],
    ]);
  });

  it("names the bad item", () => {
    expect(() => parsePpmRanges("7.9-7.3,7.3")).toThrow(
      "ranges: item 2 '7.3': expected a ppm range from-to, e.g. 7.9-7.3",
    );
    expect(() => parsePpmRanges("1-1", "--ranges")).toThrow(
      "--ranges: item 1 '1-1': the range has no width (1 to 1 ppm)",
    );
  });
});
