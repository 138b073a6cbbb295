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

/** A concentration–time plot: one profile, and optionally a population band (e.g. 5th–95th percentile). */
export interface ConcentrationPlot {
  title: string;
  times_h: ArrayLike<number>;
  conc_ng_mL: ArrayLike<number>;
  band?: {
    times_h: ArrayLike<number>;
    lower: ArrayLike<number>;
    upper: ArrayLike<number>;
    label: string;
  } | null;
}

const FRAME: Frame = { width: 720, height: 320, margin: { top: 30, right: 16, bottom: 42, left: 56 } };

/** Draws concentration (ng/mL) against time in days as a standalone SVG. */
export function plotConcentrationTime(plot: ConcentrationPlot, frame: Frame = FRAME): string {
  const box = innerBox(frame);
  const lastH = Math.max(...Array.from(plot.times_h), ...(plot.band ? Array.from(plot.band.times_h) : []), 1);
  const maxC = Math.max(
    ...Array.from(plot.conc_ng_mL).filter(Number.isFinite),
    ...(plot.band ? Array.from(plot.band.upper) : []),
    1e-9,
  );
  const x = linearScale([0, lastH / 24], box.x);
  const y = linearScale([0, maxC * 1.05], box.y);
  const parts = [bottomAxis(x, frame, "time (days)"), leftAxis(y, frame, "concentration (ng/mL)")];
  if (plot.band) {
    const { times_h, lower, upper } = plot.band;
    const top = Array.from(times_h, (t, i) => `${px(x(t / 24))},${px(y(upper[i] ?? 0))}`);
    const bottom = Array.from(times_h, (t, i) => `${px(x(t / 24))},${px(y(lower[i] ?? 0))}`).reverse();
    parts.push(
      `<polygon points="${[...top, ...bottom].join(" ")}" fill="#2b6cb0" fill-opacity="0.18" stroke="none"><title>${escapeXml(plot.band.label)}</title></polygon>`,
    );
  }
  const line = Array.from(plot.times_h, (t, i) => `${px(x(t / 24))},${px(y(plot.conc_ng_mL[i] ?? 0))}`).join(
    " ",
  );
  parts.push(`<polyline points="${line}" fill="none" stroke="#2b6cb0" stroke-width="1.5"/>`);
  parts.push(
    `<text x="${frame.margin.left}" y="18" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(plot.title)}</text>`,
  );
  return svgDocument(frame, plot.title, parts.join(""));
}
