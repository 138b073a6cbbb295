import { describe, expect, it } from "vitest";
import { aucPercentiles, defaultAucWindows, percentile, rangeBetween } from "./pkMath.js";

describe("percentile", () => {
  it("interpolates between order statistics", () => {
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 5)).toBeCloseTo(1.2);
    expect(percentile([1, 2, 3, 4, 5], 95)).toBeCloseTo(4.8);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("aucPercentiles", () => {
  it("takes each window's column", () => {
    const subjects = [{ auc_ng_h_mL: [1, 10] }, { auc_ng_h_mL: [3, 30] }];
    expect(
      aucPercentiles(
        [
          [0, 1],
          [1, 2],
        ],
        subjects,
        [50],
      ),
    ).toEqual([
      { window: [0, 1], values: [2] },
      { window: [1, 2], values: [20] },
    ]);
  });
});

describe("rangeBetween", () => {
  it("keeps times from the start on", () => {
    expect(rangeBetween([0, 1, 2, 3], [9, 5, 7, 6], 1)).toEqual({ min: 5, max: 7 });
    expect(rangeBetween([0, 1], [1, 2], 5)).toBeUndefined();
  });
});

describe("defaultAucWindows", () => {
  it("is the first week and the last cycle's first week", () => {
    expect(defaultAucWindows(6, 28)).toEqual([
      [0, 168],
      [3360, 3528],
    ]);
  });
});
