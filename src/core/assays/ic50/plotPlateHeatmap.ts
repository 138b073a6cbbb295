import { escapeXml, px, svgDocument } from "../../plot/index.js";

/** One well's value on a plate heat map; NaN for an undefined rate. */
export interface HeatmapWell {
  well: string;
  value: number;
  /** Shown on hover, e.g. "A1 max DMSO: 2417.8 RFU/min". */
  label?: string;
}

/** Plate geometry from the number of wells: 96 (8×12), 384 (16×24) or 1536 (32×48). */
export function plateGeometry(wellCount: 96 | 384 | 1536): { rows: number; columns: number } {
  return wellCount === 96
    ? { rows: 8, columns: 12 }
    : wellCount === 384
      ? { rows: 16, columns: 24 }
      : { rows: 32, columns: 48 };
}

/** Row letters of a plate: A…Z, then AA…AF for 1536-well plates. */
export function rowLabel(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `A${String.fromCharCode(65 + index - 26)}`;
}

/**
 * Draws a plate as a grid of wells coloured by value (a perceptually ordered blue→yellow ramp), with
 * undefined wells crossed out.
 */
export function plotPlateHeatmap(
  title: string,
  wells: readonly HeatmapWell[],
  wellCount: 96 | 384 | 1536,
  unit: string,
): string {
  const { rows, columns } = plateGeometry(wellCount);
  const cell = wellCount === 1536 ? 9 : wellCount === 384 ? 16 : 28;
  const left = 28;
  const top = 34;
  const width = left + columns * cell + 90;
  const height = top + rows * cell + 12;
  const values = wells.map((w) => w.value).filter(Number.isFinite);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const parts: string[] = [
    `<text x="${left}" y="16" font-size="12" font-weight="600">${escapeXml(title)}</text>`,
  ];
  const labelEvery = wellCount === 1536 ? 4 : 1;
  for (let c = 0; c < columns; c += labelEvery) {
    parts.push(
      `<text x="${px(left + (c + 0.5) * cell)}" y="${top - 4}" font-size="8" text-anchor="middle">${c + 1}</text>`,
    );
  }
  for (let r = 0; r < rows; r += labelEvery) {
    parts.push(
      `<text x="${left - 4}" y="${px(top + (r + 0.5) * cell)}" dy="0.32em" font-size="8" text-anchor="end">${rowLabel(r)}</text>`,
    );
  }
  for (const w of wells) {
    const position = wellPosition(w.well);
    if (!position || position.row >= rows || position.column >= columns) continue;
    const x = left + position.column * cell;
    const y = top + position.row * cell;
    const tip = `<title>${escapeXml(w.label ?? `${w.well}: ${w.value}`)}</title>`;
    if (!Number.isFinite(w.value)) {
      parts.push(
        `<g><rect x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="#edf2f7"/><path d="M${x} ${y}l${cell - 1} ${cell - 1}M${x + cell - 1} ${y}l${-(cell - 1)} ${cell - 1}" stroke="#a0aec0"/>${tip}</g>`,
      );
    } else {
      const t = max > min ? (w.value - min) / (max - min) : 0.5;
      parts.push(
        `<rect x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${ramp(t)}">${tip}</rect>`,
      );
    }
  }
  const legendX = left + columns * cell + 16;
  for (let i = 0; i < 10; i++) {
    parts.push(
      `<rect x="${legendX}" y="${top + (9 - i) * 12}" width="14" height="12" fill="${ramp(i / 9)}"/>`,
    );
  }
  parts.push(`<text x="${legendX + 18}" y="${top + 9}" font-size="9">${escapeXml(formatLegend(max))}</text>`);
  parts.push(
    `<text x="${legendX + 18}" y="${top + 117}" font-size="9">${escapeXml(formatLegend(min))}</text>`,
  );
  parts.push(`<text x="${legendX}" y="${top + 134}" font-size="9">${escapeXml(unit)}</text>`);
  return svgDocument({ width, height, margin: { top, right: 0, bottom: 0, left } }, title, parts.join(""));
}

/** Parses a well id such as "B7" or "AF48" into zero-based row and column. */
export function wellPosition(well: string): { row: number; column: number } | undefined {
  const match = /^([A-Z]{1,2})(\d{1,2})$/.exec(well);
  if (!match) return undefined;
  const letters = match[1] ?? "";
  const row = letters.length === 1 ? letters.charCodeAt(0) - 65 : 26 + letters.charCodeAt(1) - 65;
  return { row, column: Number(match[2]) - 1 };
}

// Endpoints and midpoint of the viridis colour map; interpolated linearly in sRGB.
const RAMP = [
  [68, 1, 84],
  [33, 145, 140],
  [253, 231, 37],
] as const;

function ramp(t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  const segment = clamped < 0.5 ? 0 : 1;
  const local = clamped < 0.5 ? clamped / 0.5 : (clamped - 0.5) / 0.5;
  const a = RAMP[segment] ?? RAMP[0];
  const b = RAMP[segment + 1] ?? RAMP[2];
  const channel = (i: 0 | 1 | 2) => Math.round(a[i] + (b[i] - a[i]) * local);
  return `rgb(${channel(0)},${channel(1)},${channel(2)})`;
}

function formatLegend(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
