import { describe, expect, it } from "vitest";
import { OVERLAY_COLOURS, type OverlayRun, plotChromatogramOverlay } from "./hplcOverlay.js";

// Two runs on different drifting baselines: a main peak of 300 at 2 min and an impurity of 3 or 6 at 4 min.
const times = Float64Array.from({ length: 601 }, (_, i) => i / 100);
const gauss = (t: number, c: number, h: number) => h * Math.exp(-(((t - c) / 0.02) ** 2) / 2);
const run = (label: string, impurity: number, offset: number): OverlayRun => {
  const baseline = times.map((t) => offset + 0.5 * t);
  return {
    label,
    times_min: times,
    signal: times.map((t, i) => baseline[i]! + gauss(t, 2, 300) + gauss(t, 4, impurity)),
    baseline,
    peaks: [
      {
        rt_min: 2,
        height: 300,
        areaPercent: 98,
        start_min: 1.85,
        end_min: 2.15,
        baselineStart: 0,
        baselineEnd: 0,
        name: null,
      },
      {
        rt_min: 4,
        height: impurity,
        areaPercent: 2,
        start_min: 3.85,
        end_min: 4.15,
        baselineStart: 0,
        baselineEnd: 0,
        name: null,
      },
    ],
  };
};
const runs = [run("IXC-01", 3, 10), run("IXC-02", 6, 40)];

/** The signal value at the top of the drawn y axis, read back from its highest tick. */
const ticks = (svg: string) => [...svg.matchAll(/>(-?[\d.]+)<\/text>/g)].map((m) => Number(m[1]));

describe("plotChromatogramOverlay", () => {
  it("draws each run minus its own baseline, one colour and legend entry each", () => {
    const svg = plotChromatogramOverlay({ title: "t", units: "mAU", runs });
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    for (const [k, r] of runs.entries()) {
      expect(svg).toContain(`stroke="${OVERLAY_COLOURS[k]}"`);
      expect(svg).toContain(`>${r.label}</text>`);
    }
    // Baseline-corrected: the two traces start at the same height although their offsets differ by 30.
    const starts = [...svg.matchAll(/<polyline points="[\d.]+,([\d.]+) /g)].map((m) => Number(m[1]));
    expect(Math.abs(starts[0]! - starts[1]!)).toBeLessThan(0.5);
    expect(Math.max(...ticks(svg))).toBeGreaterThanOrEqual(300); // full scale takes in the main peak
  });

  it("on the impurity scale ends the axis 40 % above the tallest impurity; a time window narrows it", () => {
    const svg = plotChromatogramOverlay({ title: "t", units: "mAU", runs, scale: "impurities" });
    expect(svg).toContain("impurity scale");
    const top = Math.max(...ticks(svg));
    expect(top).toBeGreaterThanOrEqual(6);
    expect(top).toBeLessThanOrEqual(6 * 1.4);
    const windowed = plotChromatogramOverlay({ title: "t", units: "mAU", runs, from_min: 3.5, to_min: 4.5 });
    // 101 samples in the window and one either side of it.
    expect(/<polyline points="([^"]+)"/.exec(windowed)![1]!.split(" ")).toHaveLength(103);
  });

  it("refuses more runs than it has colours", () => {
    const many = Array.from({ length: OVERLAY_COLOURS.length + 1 }, (_, k) => run(`r${k}`, 3, 0));
    expect(() => plotChromatogramOverlay({ title: "t", units: "mAU", runs: many })).toThrow(RangeError);
  });
});
