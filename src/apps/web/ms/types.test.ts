import { describe, expect, it } from "vitest";
import { layoutSticks, msConfirmResultOf, msIsotopesResultOf, msPlotUrl } from "./types.js";

describe("ms web types", () => {
  it("recognises results by kind and shape only", () => {
    expect(msIsotopesResultOf("ms.isotopes", { peaks: [], monoisotopicMz: 1 })).toBeDefined();
    expect(msIsotopesResultOf("ms.confirm", { peaks: [], monoisotopicMz: 1 })).toBeUndefined();
    expect(msConfirmResultOf("ms.confirm", { ions: [], confirmed: true })?.observed).toEqual([]);
    expect(msConfirmResultOf("ms.confirm", { ions: [] })).toBeUndefined();
  });
  it("scales each stick set to its own largest and shares the m/z axis", () => {
    const l = layoutSticks(
      [
        { mz: 361, value: 50 },
        { mz: 363, value: 25 },
      ],
      [{ mz: 361, value: 100 }],
      600,
    );
    expect(l.up.map((s) => s.h)).toEqual([1, 0.5]);
    expect(l.down[0]!.h).toBe(1);
    expect(l.up[0]!.x).toBe(l.down[0]!.x);
    expect(msPlotUrl("a/b")).toBe("/api/analyses/a%2Fb/plots/ms.svg");
  });
});
