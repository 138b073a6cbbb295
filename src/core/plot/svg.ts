import type { Scale } from "./scales.js";

/** Escapes text for SVG/HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]};`,
  );
}

/** Rounds a coordinate for compact SVG. */
export function px(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : "0";
}

/** The plotting area of a chart: its size and the margins around it. */
export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The inner rectangle of a frame as [x0, x1] and [y0, y1] (y downward). */
export function innerBox(frame: Frame): { x: [number, number]; y: [number, number] } {
  const { width, height, margin } = frame;
  return { x: [margin.left, width - margin.right], y: [height - margin.bottom, margin.top] };
}

/** A bottom axis: line, ticks, labels and a title. */
export function bottomAxis(scale: Scale, frame: Frame, title: string): string {
  const { x, y } = innerBox(frame);
  const ticks = scale
    .ticks()
    .map((t) => {
      const at = px(scale(t));
      return `<line x1="${at}" x2="${at}" y1="${px(y[0])}" y2="${px(y[0] + 5)}"/><text x="${at}" y="${px(y[0] + 18)}" text-anchor="middle" stroke="none">${escapeXml(scale.format(t))}</text>`;
    })
    .join("");
  return `<g class="axis" stroke="#444" fill="#222" font-size="11"><line x1="${px(x[0])}" x2="${px(x[1])}" y1="${px(y[0])}" y2="${px(y[0])}"/>${ticks}<text x="${px((x[0] + x[1]) / 2)}" y="${px(frame.height - 6)}" text-anchor="middle" stroke="none">${escapeXml(title)}</text></g>`;
}

/** A left axis with horizontal grid lines. */
export function leftAxis(scale: Scale, frame: Frame, title: string): string {
  const { x, y } = innerBox(frame);
  const ticks = scale
    .ticks()
    .map((t) => {
      const at = px(scale(t));
      return `<line x1="${px(x[0] - 5)}" x2="${px(x[0])}" y1="${at}" y2="${at}"/><line x1="${px(x[0])}" x2="${px(x[1])}" y1="${at}" y2="${at}" stroke="#e5e5e5"/><text x="${px(x[0] - 8)}" y="${at}" dy="0.32em" text-anchor="end" stroke="none">${escapeXml(scale.format(t))}</text>`;
    })
    .join("");
  const cy = px((y[0] + y[1]) / 2);
  return `<g class="axis" stroke="#444" fill="#222" font-size="11"><line x1="${px(x[0])}" x2="${px(x[0])}" y1="${px(y[0])}" y2="${px(y[1])}"/>${ticks}<text transform="translate(14 ${cy}) rotate(-90)" text-anchor="middle" stroke="none">${escapeXml(title)}</text></g>`;
}

/** Wraps SVG content in a standalone document with a title for accessibility. */
export function svgDocument(frame: Frame, title: string, content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}" role="img" font-family="system-ui, sans-serif"><title>${escapeXml(title)}</title>${content}</svg>`;
}
