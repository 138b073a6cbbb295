import { describe, expect, it } from "vitest";
import { plotChromatogram } from "./hplcPlots.js";

// A tall main peak and three small ones 0.02 min apart: the labels' layout, read back from the SVG.
const times = Float64Array.from({ length: 601 }, (_, i) => i / 100);
const gauss = (t: number, c: number, h: number) => h * Math.exp(-(((t - c) / 0.01) ** 2) / 2);
const signal = times.map((t) => gauss(t, 2, 300) + gauss(t, 4, 3) + gauss(t, 4.02, 4) + gauss(t, 4.04, 3));
const peak = (rt: number, height: number) => ({
  rt_min: rt,
  height,
  areaPercent: 1,
  start_min: rt - 0.01,
  end_min: rt + 0.01,
  baselineStart: 0,
  baselineEnd: 0,
  name: null,
});
const svg = plotChromatogram({
  title: "test",
  units: "mAU",
  times_min: times,
  signal,
  baseline: new Float64Array(times.length),
  peaks: [peak(2, 300), peak(4, 3), peak(4.02, 4), peak(4.04, 3)],
});

describe("plotChromatogram labels", () => {
  it("keeps rotated labels of a cluster at least 12 px apart across their direction", () => {
    const anchors = [...svg.matchAll(/translate\(([\d.]+) ([\d.]+)\) rotate\(-60\)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(anchors).toHaveLength(3);
    for (let k = 1; k < anchors.length; k++) {
      const [dx, dy] = [anchors[k]![0]! - anchors[k - 1]![0]!, anchors[k]![1]! - anchors[k - 1]![1]!];
      expect(dx * Math.sin(Math.PI / 3) + dy * 0.5).toBeGreaterThanOrEqual(12 - 0.02);
    }
    expect(svg.match(/<line [^>]*stroke="#718096"/g)?.length).toBe(2); // leader lines to the moved ones
  });

  it("writes the tallest peak's label level inside the plot rather than past its top", () => {
    const level = /<text x="([\d.]+)" y="([\d.]+)" font-size="10"[^>]*>2\.000 \(1\.00 %\)<\/text>/.exec(svg);
    expect(level).not.toBeNull();
    expect(Number(level![2])).toBeGreaterThan(34); // the frame's top margin
  });
});

describe("plotChromatogram timed events", () => {
  it("marks baseline points under the signal and shades integration-off spans", () => {
    const marked = plotChromatogram({
      title: "events",
      units: "mAU",
      times_min: times,
      signal,
      baseline: new Float64Array(times.length),
      peaks: [peak(2, 300)],
      events: { baselineNow_min: [3.5], integrationOff_min: [[4.5, 7]] },
    });
    expect(marked).toContain("<title>baseline now at 3.5 min</title>");
    const rect = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*><title>integration off 4.5–7 min/.exec(
      marked,
    );
    expect(rect).not.toBeNull();
    // Clipped to the run's end (6 min): the span covers 1.5 of the 6 minutes of the plot's width.
    expect(Number(rect![2]) / (860 - 62 - 24)).toBeCloseTo(1.5 / 6, 2);
    expect(svg).not.toContain("baseline now");
  });
});
