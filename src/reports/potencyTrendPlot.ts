import type { PotencyTrend } from "../core/assays/ic50/potencyTrend.js";
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
} from "../core/plot/index.js";

const FRAME: Frame = { width: 760, height: 320, margin: { top: 34, right: 24, bottom: 44, left: 64 } };

/**
 * The potency control chart as SVG: one point per run (in run order) on a log IC50 axis, the 95 % CI as a
 * bar, the geometric mean and the ±3 SD limits as lines; runs outside the limits in red, qualified IC50s
 * as open triangles at their bound.
 */
export function plotPotencyTrend(compound: string, trend: PotencyTrend, frame: Frame = FRAME): string {
  const box = innerBox(frame);
  const values = trend.points.flatMap((p) => [p.ic50_nM, ...(p.ci95_nM ?? [])]).filter((v) => v > 0);
  for (const v of [trend.lower_nM, trend.upper_nM]) if (v !== null) values.push(v);
  const lo = values.length ? Math.min(...values) / 2 : 0.1;
  const hi = values.length ? Math.max(...values) * 2 : 100;
  const x = linearScale(
    [0.5, Math.max(1.5, trend.points.length + 0.5)],
    box.x,
    Math.min(10, trend.points.length),
  );
  const y = logScale([lo, hi], box.y);
  const parts = [bottomAxis(x, frame, "run (oldest first)"), leftAxis(y, frame, "IC50 (nM)")];
  const hline = (v: number | null, dash: string, label: string, colour: string) => {
    if (v === null) return;
    parts.push(
      `<line x1="${px(box.x[0])}" x2="${px(box.x[1])}" y1="${px(y(v))}" y2="${px(y(v))}" stroke="${colour}" stroke-width="1" ${dash}><title>${escapeXml(label)}</title></line>`,
      `<text x="${px(box.x[1] - 4)}" y="${px(y(v) - 4)}" text-anchor="end" font-size="10" fill="${colour}">${escapeXml(label)}</text>`,
    );
  };
  hline(trend.geometricMean_nM, "", `geometric mean ${fmt(trend.geometricMean_nM)} nM`, "#2b6cb0");
  hline(trend.upper_nM, 'stroke-dasharray="5 3"', `+3 SD ${fmt(trend.upper_nM)} nM`, "#c05621");
  hline(trend.lower_nM, 'stroke-dasharray="5 3"', `−3 SD ${fmt(trend.lower_nM)} nM`, "#c05621");
  trend.points.forEach((p, i) => {
    const cx = x(i + 1);
    const colour = p.outOfLimits ? "#c53030" : "#1a365d";
    if (p.ci95_nM && p.qualifier === null)
      parts.push(
        `<line x1="${px(cx)}" x2="${px(cx)}" y1="${px(y(p.ci95_nM[0]))}" y2="${px(y(p.ci95_nM[1]))}" stroke="${colour}" stroke-width="1"/>`,
      );
    const title = `<title>${escapeXml(`${p.createdAt.slice(0, 10)} · ${p.qualifier ?? ""}${fmt(p.ic50_nM)} nM · analysis ${p.analysisId.slice(0, 8)}`)}</title>`;
    parts.push(
      p.qualifier === null
        ? `<circle cx="${px(cx)}" cy="${px(y(p.ic50_nM))}" r="3.5" fill="${colour}">${title}</circle>`
        : `<path d="M${px(cx)},${px(y(p.ic50_nM) - 5)} l4,8 h-8 z" fill="none" stroke="${colour}">${title}</path>`,
    );
  });
  const title = `${compound}: IC50 across ${trend.points.length} run${trend.points.length === 1 ? "" : "s"}`;
  parts.push(
    `<text x="${frame.margin.left}" y="20" font-size="13" font-weight="600" fill="#1a202c">${escapeXml(title)}</text>`,
  );
  return svgDocument(frame, title, parts.join(""));
}

function fmt(v: number | null): string {
  return v === null ? "—" : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toPrecision(3);
}
