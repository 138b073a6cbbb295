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
  /** Timed integration events, drawn as markers (baseline points) and shaded spans (integration off). */
  events?: {
    baselineNow_min?: readonly number[];
    integrationOff_min?: readonly (readonly [number, number])[];
  };
  /** The part of the run to draw: a time window and/or a signal range (what is outside is clipped). */
  view?: PlotView;
}

/** A zoomed view of the chromatogram; an absent bound is the data's own. */
export interface PlotView {
  from_min?: number;
  to_min?: number;
  signalMin?: number;
  signalMax?: number;
}

/**
 * The view in which the impurities are legible: the signal axis up to the apex of the tallest peak after
 * the largest one (+40 % headroom for labels), over the given time window. The main peak runs off the top.
 */
export function impurityView(plot: ChromatogramPlot, window: PlotView = {}): PlotView {
  const from = window.from_min ?? Number.NEGATIVE_INFINITY;
  const to = window.to_min ?? Number.POSITIVE_INFINITY;
  const inWindow = plot.peaks.filter((p) => p.rt_min >= from && p.rt_min <= to);
  const largest = inWindow.reduce<(typeof inWindow)[number] | undefined>(
    (a, p) => (a && a.height >= p.height ? a : p),
    undefined,
  );
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < plot.times_min.length; i++) {
    const t = plot.times_min[i]!;
    if (t < from || t > to) continue;
    const inLargest = largest !== undefined && t >= largest.start_min && t <= largest.end_min;
    const v = plot.signal[i]!;
    lo = Math.min(lo, v, plot.baseline[i]!);
    if (!inLargest) hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) return { ...window };
  return { ...window, signalMin: lo, signalMax: hi + 0.4 * (hi - lo) };
}

const FRAME: Frame = { width: 860, height: 380, margin: { top: 34, right: 24, bottom: 42, left: 62 } };

/**
 * Draws a chromatogram as a standalone SVG: signal, integration baseline (dashed), peak boundaries (drop
 * lines from the baseline to the signal) and labels with retention time, area % and the method's name.
 */
export function plotChromatogram(plot: ChromatogramPlot, frame: Frame = FRAME): string {
  const box = innerBox(frame);
  const n = plot.times_min.length;
  const view = plot.view ?? {};
  const t0 = Math.max(n ? plot.times_min[0]! : 0, view.from_min ?? Number.NEGATIVE_INFINITY);
  const t1 = Math.min(n ? plot.times_min[n - 1]! : 1, view.to_min ?? Number.POSITIVE_INFINITY);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = plot.times_min[i]!;
    if (t < t0 || t > t1) continue;
    const v = plot.signal[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  const pad = (hi - lo) * 0.12 || 1;
  // About one tick per minute of a typical run: analysts read retention times off this axis.
  const x = linearScale([t0, t1 > t0 ? t1 : t0 + 1], box.x, 10);
  const zoomed = view.signalMin !== undefined || view.signalMax !== undefined;
  const y = linearScale([view.signalMin ?? lo - pad * 0.2, view.signalMax ?? hi + pad], box.y);
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
  for (const [from, to] of plot.events?.integrationOff_min ?? []) {
    const a = x(Math.max(t0, from));
    const b = x(Math.min(t1, to));
    if (b > a)
      parts.push(
        `<rect x="${px(a)}" y="${px(box.y[1])}" width="${px(b - a)}" height="${px(box.y[0] - box.y[1])}" fill="#a0aec0" fill-opacity="0.18"><title>integration off ${from}–${to} min</title></rect>`,
      );
  }
  // The samples in view, and one either side so that the lines run to the plot's edges (then clipped).
  let first = 0;
  while (first < n - 1 && plot.times_min[first + 1]! < t0) first++;
  let last = n - 1;
  while (last > 0 && plot.times_min[last - 1]! > t1) last--;
  const line = (values: ArrayLike<number>) =>
    Array.from(
      { length: Math.max(0, last - first + 1) },
      (_, k) => `${px(x(plot.times_min[first + k]!))},${px(y(values[first + k]!))}`,
    ).join(" ");
  const peaks = plot.peaks.filter((p) => p.end_min >= t0 && p.start_min <= t1);
  const traces = [
    `<polyline points="${line(plot.signal)}" fill="none" stroke="#1a365d" stroke-width="1.2"/>`,
    `<polyline points="${line(plot.baseline)}" fill="none" stroke="#c05621" stroke-width="1" stroke-dasharray="4 3"><title>integration baseline</title></polyline>`,
  ];
  for (const p of peaks) {
    const xs = x(p.start_min);
    const xe = x(p.end_min);
    traces.push(
      `<line x1="${px(xs)}" x2="${px(xe)}" y1="${px(y(p.baselineStart))}" y2="${px(y(p.baselineEnd))}" stroke="#c05621" stroke-width="1.2"/>`,
      `<line x1="${px(xs)}" x2="${px(xs)}" y1="${px(y(p.baselineStart))}" y2="${px(y(at(p.start_min)))}" stroke="#2f855a" stroke-width="0.8"/>`,
      `<line x1="${px(xe)}" x2="${px(xe)}" y1="${px(y(p.baselineEnd))}" y2="${px(y(at(p.end_min)))}" stroke="#2f855a" stroke-width="0.8"/>`,
    );
  }
  const clip = `<clipPath id="chromatogram-area"><rect x="${px(box.x[0])}" y="${px(box.y[1])}" width="${px(box.x[1] - box.x[0])}" height="${px(box.y[0] - box.y[1])}"/></clipPath>`;
  parts.push(clip, `<g clip-path="url(#chromatogram-area)">${traces.join("")}</g>`);
  for (const time of (plot.events?.baselineNow_min ?? []).filter((time) => time >= t0 && time <= t1)) {
    // A small upward triangle under the signal where the method set a baseline point.
    const cx = x(time);
    const cy = y(at(time));
    parts.push(
      `<path d="M${px(cx)},${px(cy)} l-4,8 h8 z" fill="#c05621"><title>baseline now at ${time} min</title></path>`,
    );
  }
  parts.push(
    ...peakLabels(
      peaks.filter((p) => p.rt_min >= t0 && p.rt_min <= t1),
      x,
      y,
      at,
      box.y[1],
    ),
  );
  parts.push(
    `<text x="${frame.margin.left}" y="20" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(plot.title)}${zoomed ? ' <tspan font-weight="400" fill="#718096">(zoomed: peaks may run off the top)</tspan>' : ""}</text>`,
  );
  return svgDocument(frame, plot.title, parts.join(""));
}

/** Distance kept between neighbouring rotated labels, across their direction, px (10-px text). */
const LABEL_GAP = 12;
/** Approximate advance of one character of 10-px text, px (for the height a rotated label reaches). */
const CHAR_WIDTH = 5.6;

/**
 * Peak labels (RT, area %, name), rotated −60° above each apex. A label closer than {@link LABEL_GAP} to
 * the one before it is pushed right and joined to its apex by a leader line, so that a cluster stays legible; a label
 * that would leave the top of the plot (the tallest peaks) is written level, beside its apex, instead.
 */
function peakLabels(
  peaks: ChromatogramPlot["peaks"],
  x: (t: number) => number,
  y: (v: number) => number,
  at: (t: number) => number,
  top: number,
): string[] {
  const out: string[] = [];
  let previous: { x: number; y: number } | undefined;
  // Unit normal of the −60° text direction (0.5, −0.866) on screen: the gap between parallel labels.
  const [nx, ny] = [Math.sin(Math.PI / 3), 0.5];
  for (const p of [...peaks].sort((a, b) => a.rt_min - b.rt_min)) {
    const text = `${p.name ? `${p.name} ` : ""}${p.rt_min.toFixed(3)} (${p.areaPercent.toFixed(2)} %)`;
    const label = escapeXml(text);
    const apexX = x(p.rt_min);
    const ly = y(at(p.rt_min)) - 6;
    const rise = text.length * CHAR_WIDTH * Math.sin(Math.PI / 3);
    if (ly - rise < top) {
      out.push(
        `<text x="${px(apexX + 6)}" y="${px(Math.max(top + 10, ly + 10))}" font-size="10" fill="#1a202c">${label}</text>`,
      );
      continue;
    }
    const lx = previous ? Math.max(apexX, previous.x + (LABEL_GAP - ny * (ly - previous.y)) / nx) : apexX;
    previous = { x: lx, y: ly };
    if (lx > apexX + 0.5)
      out.push(
        `<line x1="${px(apexX)}" y1="${px(ly + 4)}" x2="${px(lx)}" y2="${px(ly)}" stroke="#718096" stroke-width="0.6"/>`,
      );
    out.push(
      `<text transform="translate(${px(lx)} ${px(ly)}) rotate(-60)" font-size="10" fill="#1a202c">${label}</text>`,
    );
  }
  return out;
}
