import { describe, expect, it } from "vitest";
import { type ChromatogramPlot, impurityView, plotChromatogram } from "./hplcPlots.js";

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
const plot: ChromatogramPlot = {
  title: "test",
  units: "mAU",
  times_min: times,
  signal,
  baseline: new Float64Array(times.length),
  peaks: [peak(2, 300), peak(4, 3), peak(4.02, 4), peak(4.04, 3)],
};
const svg = plotChromatogram(plot);

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

/** The signal values of the drawn trace (the first polyline), read back through the left axis' ticks. */
function tracePoints(drawn: string): [number, number][] {
  const points = /<polyline points="([^"]+)"/.exec(drawn)![1]!;
  return points.split(" ").map((xy) => xy.split(",").map(Number) as [number, number]);
}

describe("plotChromatogram zoom", () => {
  // Peaks integrated from baseline to baseline (±5 σ), as the integrator reports them.
  const integrated = (rt: number, height: number) => ({
    ...peak(rt, height),
    start_min: rt - 0.05,
    end_min: rt + 0.05,
  });
  const run = {
    ...plot,
    peaks: [integrated(2, 300), integrated(4, 3), integrated(4.02, 4), integrated(4.04, 3)],
  };

  it("scales the impurity view to the small peaks: the main peak runs off the top", () => {
    const view = impurityView(run);
    // Tallest point outside the main peak: the 4.00–4.04 cluster's apex (overlapping tails), +40 % headroom.
    const cluster = Math.max(...signal.filter((_, i) => times[i]! > 3.5));
    expect(cluster).toBeGreaterThan(4);
    expect(view.signalMax).toBeCloseTo(cluster * 1.4, 9);
    expect(view.signalMin).toBeCloseTo(0, 6);
    const zoomed = plotChromatogram({ ...run, view });
    expect(zoomed).toContain("(zoomed: peaks may run off the top)");
    expect(zoomed).toContain('<g clip-path="url(#chromatogram-area)">');
    const top = 34; // the frame's top margin: the main peak's apex is drawn above it, and clipped
    expect(Math.min(...tracePoints(zoomed).map(([, y]) => y))).toBeLessThan(top - 1000);
    expect(Math.min(...tracePoints(svg).map(([, y]) => y))).toBeGreaterThanOrEqual(top);
  });

  it("draws a time window: its samples, its axis, and labels only for the peaks inside it", () => {
    const windowed = plotChromatogram({ ...plot, view: { from_min: 3.9, to_min: 4.1 } });
    const xs = tracePoints(windowed).map(([x]) => x);
    // 21 samples in [3.9, 4.1] and one either side, running past the plot's edges (62 and 860 − 24 px).
    expect(xs).toHaveLength(23);
    expect(xs[0]).toBeLessThan(62);
    expect(xs.at(-1)).toBeGreaterThan(836);
    expect(windowed).toContain("4.020 (1.00 %)");
    expect(windowed).not.toContain("2.000 (1.00 %)");
    expect(windowed).not.toContain("zoomed"); // the signal axis is the window's own: nothing runs off
  });

  it("keeps the impurity view's window and takes the largest peak inside it as the one to run off", () => {
    const window = { from_min: 3.9, to_min: 4.1 };
    expect(impurityView(run, window)).toMatchObject(window);
    // The largest peak in the window is now the 4.02 one: the scale is its neighbours'.
    expect(impurityView(run, window).signalMax).toBeLessThan(4 * 1.4);
    // A window without samples: no scale to take, so the view is the window alone.
    expect(impurityView(run, { from_min: 7, to_min: 8 })).toEqual({ from_min: 7, to_min: 8 });
  });
});
