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
import { type ChromatogramPlot, impurityView, type PlotView } from "./hplcPlots.js";

/** One run of an overlay: its trace, integration baseline and peaks (to find its main peak). */
export interface OverlayRun {
  label: string;
  times_min: ArrayLike<number>;
  signal: ArrayLike<number>;
  baseline: ArrayLike<number>;
  peaks: ChromatogramPlot["peaks"];
}

/** Several runs on one time axis, each minus its own integration baseline. */
export interface ChromatogramOverlay {
  title: string;
  units: string;
  runs: readonly OverlayRun[];
  scale?: "full" | "impurities";
  from_min?: number;
  to_min?: number;
}

/** Okabe–Ito colours: told apart with the common colour-vision deficiencies. */
export const OVERLAY_COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];

const FRAME: Frame = { width: 860, height: 400, margin: { top: 34, right: 24, bottom: 42, left: 62 } };

/**
 * Draws the runs' baseline-corrected signals over each other (signal − integration baseline, so drift and
 * offsets do not separate them): impurity profiles of batches or injections compared peak by peak. On the
 * impurity scale the axis ends above the tallest point outside each run's largest peak.
 * @throws RangeError for more runs than there are colours (the caller checks the count first).
 */
export function plotChromatogramOverlay(overlay: ChromatogramOverlay, frame: Frame = FRAME): string {
  if (overlay.runs.length > OVERLAY_COLOURS.length)
    throw new RangeError(`at most ${OVERLAY_COLOURS.length} runs in an overlay`);
  const box = innerBox(frame);
  const corrected = overlay.runs.map((run) => ({
    ...run,
    signal: Float64Array.from(run.signal, (v, i) => v - run.baseline[i]!),
    baseline: new Float64Array(run.times_min.length),
  }));
  let t0 = Number.POSITIVE_INFINITY;
  let t1 = Number.NEGATIVE_INFINITY;
  for (const run of corrected) {
    const n = run.times_min.length;
    if (n === 0) continue;
    t0 = Math.min(t0, run.times_min[0]!);
    t1 = Math.max(t1, run.times_min[n - 1]!);
  }
  if (!Number.isFinite(t0)) [t0, t1] = [0, 1];
  t0 = Math.max(t0, overlay.from_min ?? Number.NEGATIVE_INFINITY);
  t1 = Math.min(t1, overlay.to_min ?? Number.POSITIVE_INFINITY);
  if (!(t1 > t0)) t1 = t0 + 1;
  const window: PlotView = { from_min: t0, to_min: t1 };
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const run of corrected) {
    if (overlay.scale === "impurities") {
      const view = impurityView({ title: "", units: "", ...run }, window);
      if (view.signalMin !== undefined) lo = Math.min(lo, view.signalMin);
      if (view.signalMax !== undefined) hi = Math.max(hi, view.signalMax);
      continue;
    }
    for (let i = 0; i < run.times_min.length; i++) {
      const t = run.times_min[i]!;
      if (t < t0 || t > t1) continue;
      lo = Math.min(lo, run.signal[i]!);
      hi = Math.max(hi, run.signal[i]!);
    }
  }
  if (!(hi > lo)) [lo, hi] = [0, 1];
  const pad = overlay.scale === "impurities" ? 0 : (hi - lo) * 0.08;
  const x = linearScale([t0, t1], box.x, 10);
  const y = linearScale([lo - pad * 0.3, hi + pad], box.y);
  const parts = [
    bottomAxis(x, frame, "retention time (min)"),
    leftAxis(y, frame, `signal − baseline (${overlay.units || "a.u."})`),
    `<clipPath id="overlay-area"><rect x="${px(box.x[0])}" y="${px(box.y[1])}" width="${px(box.x[1] - box.x[0])}" height="${px(box.y[0] - box.y[1])}"/></clipPath>`,
  ];
  const lines = corrected.map((run, k) => {
    const points: string[] = [];
    const n = run.times_min.length;
    for (let i = 0; i < n; i++) {
      const t = run.times_min[i]!;
      // One sample either side of the window, so the line runs to the edges (then clipped).
      if ((i + 1 < n && run.times_min[i + 1]! < t0) || (i > 0 && run.times_min[i - 1]! > t1)) continue;
      points.push(`${px(x(t))},${px(y(run.signal[i]!))}`);
    }
    return `<polyline points="${points.join(" ")}" fill="none" stroke="${OVERLAY_COLOURS[k]}" stroke-width="1.1" stroke-opacity="0.9"><title>${escapeXml(run.label)}</title></polyline>`;
  });
  parts.push(`<g clip-path="url(#overlay-area)">${lines.join("")}</g>`);
  const lx = box.x[1] - 250;
  parts.push(
    `<rect x="${px(lx - 6)}" y="${px(box.y[1] + 4)}" width="254" height="${px(15 * overlay.runs.length + 6)}" fill="#ffffff" fill-opacity="0.85"/>`,
  );
  overlay.runs.forEach((run, k) => {
    const ly = box.y[1] + 14 + 15 * k;
    parts.push(
      `<line x1="${px(lx)}" x2="${px(lx + 22)}" y1="${px(ly)}" y2="${px(ly)}" stroke="${OVERLAY_COLOURS[k]}" stroke-width="2.5"/>`,
      `<text x="${px(lx + 28)}" y="${px(ly)}" dy="0.32em" font-size="11" fill="#1a202c">${escapeXml(run.label)}</text>`,
    );
  });
  const zoomed = overlay.scale === "impurities";
  parts.push(
    `<text x="${frame.margin.left}" y="20" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(overlay.title)}${zoomed ? ' <tspan font-weight="400" fill="#718096">(impurity scale: main peaks run off the top)</tspan>' : ""}</text>`,
  );
  return svgDocument(frame, overlay.title, parts.join(""));
}
