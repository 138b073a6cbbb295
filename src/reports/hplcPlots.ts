import {
  bottomAxis,
  escapeXml,
  type Frame,
  innerBox,
  leftAxis,
  linearScale,
  px,
  svgDocument,
} from "../core/plot/index.js";

/** What the annotated chromatogram shows: the trace, the integration baseline and the reported peaks. */
export interface ChromatogramPlot {
  title: string;
  units: string;
  times_min: ArrayLike<number>;
  signal: ArrayLike<number>;
  baseline: ArrayLike<number>;
  peaks: readonly {
    rt_min: number;
    height: number;
    areaPercent: number;
    start_min: number;
    end_min: number;
    baselineStart: number;
    baselineEnd: number;
    name: string | null;
  }[];
}

const FRAME: Frame = { width: 860, height: 380, margin: { top: 34, right: 24, bottom: 42, left: 62 } };

/**
 * Draws a chromatogram as a standalone SVG: signal, integration baseline (dashed), peak boundaries (drop
 * lines from the baseline to the signal) and labels with retention time, area % and the method's name.
 */
export function plotChromatogram(plot: ChromatogramPlot, frame: Frame = FRAME): string {
  const box = innerBox(frame);
  const n = plot.times_min.length;
  const t0 = n ? plot.times_min[0]! : 0;
  const t1 = n ? plot.times_min[n - 1]! : 1;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = plot.signal[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  const pad = (hi - lo) * 0.12 || 1;
  const x = linearScale([t0, t1], box.x);
  const y = linearScale([lo - pad * 0.2, hi + pad], box.y);
  const at = (t: number) => {
    // Signal value at time t, by bisection over the (increasing) times.
    let a = 0;
    let b = n - 1;
    while (b - a > 1) {
      const m = (a + b) >> 1;
      if (plot.times_min[m]! <= t) a = m;
      else b = m;
    }
    return plot.signal[a]!;
  };
  const parts = [
    bottomAxis(x, frame, "retention time (min)"),
    leftAxis(y, frame, `signal (${plot.units || "a.u."})`),
  ];
  const line = (values: ArrayLike<number>) =>
    Array.from({ length: n }, (_, i) => `${px(x(plot.times_min[i]!))},${px(y(values[i]!))}`).join(" ");
  parts.push(`<polyline points="${line(plot.signal)}" fill="none" stroke="#1a365d" stroke-width="1.2"/>`);
  parts.push(
    `<polyline points="${line(plot.baseline)}" fill="none" stroke="#c05621" stroke-width="1" stroke-dasharray="4 3"><title>integration baseline</title></polyline>`,
  );
  for (const p of plot.peaks) {
    const xs = x(p.start_min);
    const xe = x(p.end_min);
    parts.push(
      `<line x1="${px(xs)}" x2="${px(xe)}" y1="${px(y(p.baselineStart))}" y2="${px(y(p.baselineEnd))}" stroke="#c05621" stroke-width="1.2"/>`,
      `<line x1="${px(xs)}" x2="${px(xs)}" y1="${px(y(p.baselineStart))}" y2="${px(y(at(p.start_min)))}" stroke="#2f855a" stroke-width="0.8"/>`,
      `<line x1="${px(xe)}" x2="${px(xe)}" y1="${px(y(p.baselineEnd))}" y2="${px(y(at(p.end_min)))}" stroke="#2f855a" stroke-width="0.8"/>`,
    );
    const label = `${p.name ? `${p.name} ` : ""}${p.rt_min.toFixed(3)} (${p.areaPercent.toFixed(2)} %)`;
    const ly = y(at(p.rt_min)) - 6;
    parts.push(
      `<text transform="translate(${px(x(p.rt_min))} ${px(ly)}) rotate(-60)" font-size="10" fill="#1a202c">${escapeXml(label)}</text>`,
    );
  }
  parts.push(
    `<text x="${frame.margin.left}" y="20" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(plot.title)}</text>`,
  );
  return svgDocument(frame, plot.title, parts.join(""));
}
