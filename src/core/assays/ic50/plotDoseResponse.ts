import {
  bottomAxis,
  escapeXml,
  type Frame,
  innerBox,
  leftAxis,
  linearScale,
  logScale,
  px,
  svgDocument,
} from "../../plot/index.js";

/** What a dose-response plot shows: points, the fitted 4PL and, optionally, its confidence band. */
export interface DoseResponsePlot {
  title: string;
  /** Concentrations (nM) and % activity of every point; x = 0 points are drawn at the left edge. */
  conc_nM: ArrayLike<number>;
  pctActivity: ArrayLike<number>;
  /** Indices of points flagged as outliers, drawn hollow. */
  outliers?: readonly number[];
  fit?: { bottom: number; top: number; log10Ic50: number; hill: number } | null;
  /** Pointwise 95 % band of the fitted curve at concentrations `conc_nM`. */
  band?: { conc_nM: ArrayLike<number>; lower: ArrayLike<number>; upper: ArrayLike<number> } | null;
  /** IC50 as stated (e.g. "> 10000 nM" for inactive curves). */
  label?: string;
}

const FRAME: Frame = { width: 320, height: 240, margin: { top: 28, right: 12, bottom: 40, left: 48 } };

/** Draws a dose-response curve on log10 concentration as a standalone SVG. */
export function plotDoseResponse(plot: DoseResponsePlot, frame: Frame = FRAME): string {
  const positive = Array.from(plot.conc_nM).filter((c) => c > 0);
  const lo = positive.length ? Math.min(...positive) : 1;
  const hi = positive.length ? Math.max(...positive) : 10;
  const domainX: [number, number] = [
    10 ** Math.floor(Math.log10(lo) - 0.25),
    10 ** Math.ceil(Math.log10(hi) + 0.25),
  ];
  const ys = Array.from(plot.pctActivity).filter(Number.isFinite);
  const domainY: [number, number] = [Math.min(-10, ...ys), Math.max(120, ...ys)];
  const box = innerBox(frame);
  const x = logScale(domainX, box.x);
  const y = linearScale(domainY, box.y);
  const xOf = (c: number) => (c > 0 ? x(c) : box.x[0]);

  const parts: string[] = [bottomAxis(x, frame, "concentration (nM)"), leftAxis(y, frame, "% activity")];
  if (plot.band) {
    const { conc_nM, lower, upper } = plot.band;
    const upperPath = Array.from(conc_nM, (c, i) => `${px(xOf(c))},${px(clampY(y(upper[i] ?? 0), box.y))}`);
    const lowerPath = Array.from(
      conc_nM,
      (c, i) => `${px(xOf(c))},${px(clampY(y(lower[i] ?? 0), box.y))}`,
    ).reverse();
    parts.push(
      `<polygon points="${[...upperPath, ...lowerPath].join(" ")}" fill="#2b6cb0" fill-opacity="0.15" stroke="none"/>`,
    );
  }
  if (plot.fit) {
    const { bottom, top, log10Ic50, hill } = plot.fit;
    const samples = 120;
    const points: string[] = [];
    for (let i = 0; i <= samples; i++) {
      const lx = Math.log10(domainX[0]) + (i / samples) * (Math.log10(domainX[1]) - Math.log10(domainX[0]));
      const value = bottom + (top - bottom) / (1 + 10 ** (hill * (lx - log10Ic50)));
      points.push(`${px(x(10 ** lx))},${px(clampY(y(value), box.y))}`);
    }
    parts.push(`<polyline points="${points.join(" ")}" fill="none" stroke="#2b6cb0" stroke-width="2"/>`);
  }
  const outliers = new Set(plot.outliers ?? []);
  for (let i = 0; i < plot.conc_nM.length; i++) {
    const value = plot.pctActivity[i] ?? Number.NaN;
    if (!Number.isFinite(value)) continue;
    const cx = px(xOf(plot.conc_nM[i] ?? 0));
    const cy = px(y(value));
    parts.push(
      outliers.has(i)
        ? `<circle cx="${cx}" cy="${cy}" r="3.5" fill="white" stroke="#c53030" stroke-width="1.5"><title>outlier</title></circle>`
        : `<circle cx="${cx}" cy="${cy}" r="3" fill="#1a202c" fill-opacity="0.8"/>`,
    );
  }
  parts.push(
    `<text x="${frame.margin.left}" y="16" font-size="12" font-weight="600" fill="#1a202c">${escapeXml(plot.title)}</text>`,
  );
  if (plot.label) {
    parts.push(
      `<text x="${frame.width - frame.margin.right}" y="16" font-size="11" text-anchor="end" fill="#2d3748">${escapeXml(plot.label)}</text>`,
    );
  }
  return svgDocument(frame, plot.title, parts.join(""));
}

function clampY(value: number, [bottom, top]: [number, number]): number {
  return Math.min(bottom, Math.max(top, value));
}
