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
  /** % β5 inhibition at the same times, drawn against a 0–100 % axis on the right. */
  inhibition_pct?: ArrayLike<number>;
  /** Observed concentrations (a dataset's DV), drawn as points over the profile. */
  observed?: readonly { time_h: number; dv_ng_mL: number }[];
}

const FRAME: Frame = { width: 720, height: 320, margin: { top: 30, right: 48, bottom: 42, left: 56 } };

/** Draws concentration (ng/mL) against time in days as a standalone SVG. */
export function plotConcentrationTime(plot: ConcentrationPlot, frame: Frame = FRAME): string {
  const box = innerBox(frame);
  const lastH = Math.max(
    ...Array.from(plot.times_h),
    ...(plot.band ? Array.from(plot.band.times_h) : []),
    ...(plot.observed ?? []).map((o) => o.time_h),
    1,
  );
  const maxC = Math.max(
    ...Array.from(plot.conc_ng_mL).filter(Number.isFinite),
    ...(plot.observed ?? []).map((o) => o.dv_ng_mL),
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
  for (const o of plot.observed ?? []) {
    parts.push(
      `<circle cx="${px(x(o.time_h / 24))}" cy="${px(y(o.dv_ng_mL))}" r="3" fill="#ffffff" stroke="#1a202c" stroke-width="1.2"><title>observed ${o.dv_ng_mL} ng/mL at ${o.time_h} h</title></circle>`,
    );
  }
  if (plot.inhibition_pct) {
    const pct = linearScale([0, 100], box.y);
    const inhibition = Array.from(
      plot.times_h,
      (t, i) => `${px(x(t / 24))},${px(pct(plot.inhibition_pct?.[i] ?? 0))}`,
    ).join(" ");
    parts.push(
      `<polyline points="${inhibition}" fill="none" stroke="#c05621" stroke-width="1.5" stroke-dasharray="4 2"/>`,
    );
    const right = box.x[1];
    for (const t of [0, 25, 50, 75, 100]) {
      parts.push(
        `<text x="${px(right + 6)}" y="${px(pct(t))}" dy="0.32em" font-size="11" fill="#c05621">${t}</text>`,
      );
    }
    parts.push(
      `<text transform="translate(${px(frame.width - 8)} ${px((box.y[0] + box.y[1]) / 2)}) rotate(90)" text-anchor="middle" font-size="11" fill="#c05621">% β5 inhibition</text>`,
    );
  }
  parts.push(
    `<text x="${frame.margin.left}" y="18" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(plot.title)}</text>`,
  );
  return svgDocument(frame, plot.title, parts.join(""));
}
