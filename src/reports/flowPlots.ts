/**
 * Flow cytometry figures as standalone SVG: the Annexin V × PI pseudocolour density with its quadrants,
 * and a channel histogram, both on logicle or asinh axes labelled in scale units.
 */
import type { ApoptosisCounts } from "../core/assays/flow/apoptosis.js";
import {
  type AxisScale,
  axisPosition,
  binEdges,
  chooseAxisScale,
  decadeLabel,
  decadeTicks,
  type Histogram2d,
  histogram1d,
  histogram2d,
} from "../core/assays/flow/density.js";
import {
  bottomAxis,
  escapeXml,
  type Frame,
  innerBox,
  leftAxis,
  linearScale,
  px,
  type Scale,
  svgDocument,
} from "../core/plot/index.js";
import { encodeIndexedPng } from "./flowPng.js";
import { densityLevel, pseudocolourPalette } from "./pseudocolour.js";

/** What {@link plotApoptosisDensity} draws. */
export interface ApoptosisDensityPlot {
  annexin: ArrayLike<number>;
  pi: ArrayLike<number>;
  keep?: Uint8Array;
  thresholds: { annexin: number; pi: number };
  channels: { annexin: string; pi: string };
  populations: ApoptosisCounts["populations"];
  title?: string;
  /** @default "logicle" */
  transform?: "logicle" | "asinh";
  /** Bins per axis. @default 256 */
  bins?: number;
}

/** Defaults of the flow plots. */
export const FLOW_PLOT_DEFAULTS = { transform: "logicle", bins: 256 } as const;

const DENSITY_FRAME: Frame = {
  width: 504,
  height: 498,
  margin: { top: 30, right: 20, bottom: 48, left: 64 },
};
const HISTOGRAM_FRAME: Frame = {
  width: 560,
  height: 300,
  margin: { top: 30, right: 20, bottom: 48, left: 64 },
};

/** Palette index of each cell: 0 when empty, else 1–255 on a log scale of the count up to the maximum. */
export function densityLevels(histogram: Histogram2d): Uint8Array {
  const { xBins, yBins, counts, maxCount } = histogram;
  const pixels = new Uint8Array(xBins * yBins);
  for (let r = 0; r < yBins; r++) {
    // Image row 0 is the top of the plot: the highest y bin.
    const row = (yBins - 1 - r) * xBins;
    for (let c = 0; c < xBins; c++) {
      pixels[r * xBins + c] = densityLevel(counts[row + c]!, maxCount);
    }
  }
  return pixels;
}

/** A plot scale over a display axis: data values to pixels, with decade ticks. */
export function displayScale(scale: AxisScale, range: [number, number]): Scale {
  const [r0, r1] = range;
  const map = ((v: number) => r0 + axisPosition(scale, v) * (r1 - r0)) as Scale;
  const ticks = decadeTicks(scale);
  map.ticks = () => ticks.map((t) => t.value);
  map.format = decadeLabel;
  return map;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, Math.min(lo, hi)), Math.max(lo, hi));
}

/**
 * The Annexin V × PI density (2-D histogram, pseudocolour on a log count scale, one embedded PNG) with
 * the quadrant lines at the thresholds and the four populations' percentages in their corners: live
 * lower-left, early apoptotic lower-right, late apoptotic upper-right, necrotic upper-left.
 */
export function plotApoptosisDensity(plot: ApoptosisDensityPlot, frame: Frame = DENSITY_FRAME): string {
  const kind = plot.transform ?? FLOW_PLOT_DEFAULTS.transform;
  const bins = plot.bins ?? FLOW_PLOT_DEFAULTS.bins;
  const xScale = chooseAxisScale(plot.annexin, { kind }, plot.keep);
  const yScale = chooseAxisScale(plot.pi, { kind }, plot.keep);
  const histogram = histogram2d(
    plot.annexin,
    plot.pi,
    binEdges(xScale, bins),
    binEdges(yScale, bins),
    plot.keep,
  );
  const box = innerBox(frame);
  const x = displayScale(xScale, box.x);
  const y = displayScale(yScale, box.y);
  const png = encodeIndexedPng(bins, bins, densityLevels(histogram), pseudocolourPalette());
  const [x0, x1] = box.x;
  const [y0, y1] = box.y;
  const title = plot.title ?? `Annexin V × PI: ${histogram.binned} events`;
  const parts = [
    bottomAxis(x, frame, `${plot.channels.annexin} · Annexin V (${kind})`),
    leftAxis(y, frame, `${plot.channels.pi} · PI (${kind})`),
    `<image x="${px(x0)}" y="${px(y1)}" width="${px(x1 - x0)}" height="${px(y0 - y1)}" preserveAspectRatio="none" style="image-rendering:pixelated" href="data:image/png;base64,${toBase64(png)}"/>`,
  ];
  const qx = clamp(x(plot.thresholds.annexin), x0, x1);
  const qy = clamp(y(plot.thresholds.pi), y0, y1);
  parts.push(
    `<g class="quadrants" stroke="#111" stroke-width="1.2"><line x1="${px(qx)}" x2="${px(qx)}" y1="${px(y0)}" y2="${px(y1)}"/><line x1="${px(x0)}" x2="${px(x1)}" y1="${px(qy)}" y2="${px(qy)}"/></g>`,
  );
  const p = plot.populations;
  const corner = (key: string, name: string, percent: number, left: boolean, top: boolean) =>
    `<text data-population="${key}" x="${px(left ? x0 + 6 : x1 - 6)}" y="${px(top ? y1 + 16 : y0 - 8)}" text-anchor="${left ? "start" : "end"}">${escapeXml(name)} ${percent.toFixed(1)} %</text>`;
  parts.push(
    `<g class="percentages" font-size="12" font-weight="600" fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">`,
    corner("necrotic", "necrotic", p.necrotic.percent, true, true),
    corner("lateApoptotic", "late apoptotic", p.lateApoptotic.percent, false, true),
    corner("live", "live", p.live.percent, true, false),
    corner("earlyApoptotic", "early apoptotic", p.earlyApoptotic.percent, false, false),
    "</g>",
    `<rect x="${px(x0)}" y="${px(y1)}" width="${px(x1 - x0)}" height="${px(y0 - y1)}" fill="none" stroke="#444"/>`,
    `<text x="${frame.margin.left}" y="18" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(title)}</text>`,
  );
  return svgDocument(frame, title, parts.join(""));
}

/** Options of {@link plotChannelHistogram}. */
export interface ChannelHistogramOptions {
  channel: string;
  title?: string;
  /** @default "logicle" */
  transform?: "logicle" | "asinh";
  keep?: Uint8Array;
  /** A threshold to mark with a vertical line (data units). */
  threshold?: number;
  /** @default 256 */
  bins?: number;
}

/** A histogram of one channel's values on a logicle or asinh axis (event counts per bin). */
export function plotChannelHistogram(
  values: ArrayLike<number>,
  options: ChannelHistogramOptions,
  frame: Frame = HISTOGRAM_FRAME,
): string {
  const kind = options.transform ?? FLOW_PLOT_DEFAULTS.transform;
  const bins = options.bins ?? FLOW_PLOT_DEFAULTS.bins;
  const scale = chooseAxisScale(values, { kind }, options.keep);
  const edges = binEdges(scale, bins);
  const histogram = histogram1d(values, edges, options.keep);
  const box = innerBox(frame);
  const x = displayScale(scale, box.x);
  const y = linearScale([0, Math.max(histogram.maxCount, 1) * 1.05], box.y);
  const [x0, x1] = box.x;
  const width = (x1 - x0) / bins;
  const points = [`${px(x0)},${px(y(0))}`];
  histogram.counts.forEach((n, i) => {
    points.push(`${px(x0 + i * width)},${px(y(n))}`, `${px(x0 + (i + 1) * width)},${px(y(n))}`);
  });
  points.push(`${px(x1)},${px(y(0))}`);
  const title = options.title ?? `${options.channel}: ${histogram.binned} events`;
  const parts = [
    bottomAxis(x, frame, `${options.channel} (${kind})`),
    leftAxis(y, frame, "events"),
    `<polygon points="${points.join(" ")}" fill="#2b6cb0" fill-opacity="0.35" stroke="#2b6cb0" stroke-width="1"/>`,
  ];
  if (options.threshold !== undefined && Number.isFinite(options.threshold)) {
    const at = px(clamp(x(options.threshold), x0, x1));
    parts.push(
      `<line class="threshold" x1="${at}" x2="${at}" y1="${px(box.y[0])}" y2="${px(box.y[1])}" stroke="#c05621" stroke-width="1.5" stroke-dasharray="4 2"/>`,
    );
  }
  parts.push(
    `<text x="${frame.margin.left}" y="18" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(title)}</text>`,
  );
  return svgDocument(frame, title, parts.join(""));
}
