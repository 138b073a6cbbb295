import {
  bottomAxis,
  escapeXml,
  type Frame,
  leftAxis,
  linearScale,
  px,
  svgDocument,
} from "../core/plot/index.js";

/** A powder pattern plot: the measured profile, its background, the peak list and reference sticks. */
export interface XrpdPlot {
  title: string;
  twoTheta: ArrayLike<number>;
  intensity: ArrayLike<number>;
  background?: ArrayLike<number>;
  peaks: readonly { twoTheta: number; relIntensity: number }[];
  /** Reference forms drawn as sticks under the pattern (height ∝ relative intensity). */
  references?: readonly {
    name: string;
    peaks: readonly { twoTheta: number; relIntensity: number }[];
    highlight?: boolean;
  }[];
}

const WIDTH = 760;
const MAIN_HEIGHT = 330;
const ROW = 46;
const COLOURS = ["#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b", "#975a16", "#4a5568", "#c53030"];

/** Draws intensity against 2θ with background and peak marks, and reference sticks below, as an SVG. */
export function plotDiffractogram(plot: XrpdPlot): string {
  const refs = plot.references ?? [];
  const frame: Frame = {
    width: WIDTH,
    height: MAIN_HEIGHT + refs.length * ROW,
    margin: { top: 30, right: 120, bottom: 42, left: 64 },
  };
  const x0 = frame.margin.left;
  const x1 = frame.width - frame.margin.right;
  const axisY = frame.height - frame.margin.bottom;
  const mainBottom = axisY - refs.length * ROW;
  const n = plot.twoTheta.length;
  const first = plot.twoTheta[0] ?? 0;
  const last = plot.twoTheta[n - 1] ?? 1;
  const x = linearScale([first, last], [x0, x1]);
  let max = 1;
  let min = 0;
  for (let i = 0; i < n; i++) {
    const v = plot.intensity[i] ?? 0;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const y = linearScale([min, max * 1.08], [mainBottom, frame.margin.top]);
  const parts: string[] = [bottomAxis(x, frame, "2θ (°)")];
  // The left axis spans the pattern panel only.
  parts.push(
    leftAxis(y, { ...frame, margin: { ...frame.margin, bottom: frame.height - mainBottom } }, "intensity"),
  );
  parts.push(
    `<polyline points="${polyline(plot.twoTheta, plot.intensity, x, y)}" fill="none" stroke="#2b6cb0" stroke-width="1"/>`,
  );
  if (plot.background) {
    parts.push(
      `<polyline points="${polyline(plot.twoTheta, plot.background, x, y)}" fill="none" stroke="#718096" stroke-width="1" stroke-dasharray="4 3"><title>background</title></polyline>`,
    );
  }
  // Peak marks above the profile; the ten strongest get their 2θ.
  const labelled = new Set(
    [...plot.peaks]
      .sort((a, b) => b.relIntensity - a.relIntensity)
      .slice(0, 10)
      .map((p) => p.twoTheta),
  );
  for (const p of plot.peaks) {
    const at = x(p.twoTheta);
    const top = y(valueAt(plot.twoTheta, plot.intensity, p.twoTheta)) - 4;
    parts.push(
      `<path d="M${px(at)},${px(top)} l-3,-6 h6 z" fill="#c53030"><title>${p.twoTheta.toFixed(3)}° (${p.relIntensity.toFixed(1)} %)</title></path>`,
    );
    if (labelled.has(p.twoTheta)) {
      parts.push(
        `<text x="${px(at)}" y="${px(top - 9)}" font-size="9" text-anchor="middle" fill="#742a2a">${p.twoTheta.toFixed(2)}</text>`,
      );
    }
  }
  refs.forEach((ref, r) => {
    const base = mainBottom + (r + 1) * ROW - 6;
    const colour = COLOURS[r % COLOURS.length]!;
    parts.push(`<line x1="${x0}" x2="${x1}" y1="${px(base)}" y2="${px(base)}" stroke="#cbd5e0"/>`);
    for (const p of ref.peaks) {
      if (p.twoTheta < first || p.twoTheta > last) continue;
      const h = (ROW - 12) * Math.min(1, p.relIntensity / 100);
      parts.push(
        `<line x1="${px(x(p.twoTheta))}" x2="${px(x(p.twoTheta))}" y1="${px(base)}" y2="${px(base - h)}" stroke="${colour}" stroke-width="1.5"/>`,
      );
    }
    parts.push(
      `<text x="${x1 + 6}" y="${px(base - 8)}" font-size="11" fill="${colour}"${ref.highlight ? ' font-weight="700"' : ""}>${escapeXml(ref.name)}</text>`,
    );
  });
  parts.push(
    `<text x="${x0}" y="18" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(plot.title)}</text>`,
  );
  return svgDocument(frame, plot.title, parts.join(""));
}

function polyline(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  const out: string[] = [];
  for (let i = 0; i < xs.length; i++) out.push(`${px(x(xs[i]!))},${px(y(ys[i] ?? 0))}`);
  return out.join(" ");
}

/** The profile value nearest 2θ (xs ascending). */
function valueAt(xs: ArrayLike<number>, ys: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < at) lo = mid;
    else hi = mid;
  }
  const pick = Math.abs(xs[lo]! - at) < Math.abs(xs[hi]! - at) ? lo : hi;
  return Math.max(ys[pick] ?? 0, ys[Math.max(0, pick - 1)] ?? 0, ys[Math.min(xs.length - 1, pick + 1)] ?? 0);
}

/** The plot of a stored `xrpd.peaks` or `xrpd.match` result. */
export function plotXrpdResult(
  result: {
    profile: { twoTheta: number[]; intensity: number[]; background: number[] };
    peaks: readonly { twoTheta: number; relIntensity: number }[];
    references?: readonly { name: string; peaks: readonly { twoTheta: number; relIntensity: number }[] }[];
    bestMatch?: string | null;
    otherFormsPresent?: readonly string[];
  },
  title: string,
): string {
  const present = new Set([result.bestMatch, ...(result.otherFormsPresent ?? [])]);
  return plotDiffractogram({
    title,
    twoTheta: result.profile.twoTheta,
    intensity: result.profile.intensity,
    background: result.profile.background,
    peaks: result.peaks,
    ...(result.references && {
      references: result.references.map((r) => ({ ...r, highlight: present.has(r.name) })),
    }),
  });
}
