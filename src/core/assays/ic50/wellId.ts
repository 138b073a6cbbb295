/**
 * Microplate formats of ANSI/SLAS 4-2004 (footprint) and well naming as plate readers write it:
 * rows A–Z then AA–AF (1536 wells have 32 rows), columns 1–48.
 */
export type PlateFormat = 96 | 384 | 1536;

/** Rows and columns of each standard plate format. */
export const PLATE_FORMATS: Readonly<Record<PlateFormat, { rows: number; columns: number }>> = {
  96: { rows: 8, columns: 12 },
  384: { rows: 16, columns: 24 },
  1536: { rows: 32, columns: 48 },
};

/** A well position, 0-based: row 0 is `A`, column 0 is `1`. */
export interface WellPosition {
  row: number;
  column: number;
}

/** The largest plate Ixalab knows (1536 wells): 32 rows × 48 columns. */
const MAX_ROWS = 32;
const MAX_COLUMNS = 48;

/**
 * Reads a well id such as `A1`, `a01`, `P24` or `AF48` (row letters, then a column number, zero padding
 * allowed). Returns undefined for anything that is not a well of a 96-, 384- or 1536-well plate.
 * @example parseWellId("B07") // { row: 1, column: 6 }
 */
export function parseWellId(text: string): WellPosition | undefined {
  const s = text.trim();
  let i = 0;
  let row = -1;
  const c0 = upper(s.charCodeAt(0));
  const c1 = upper(s.charCodeAt(1));
  if (c0 >= 65 && c0 <= 90) {
    if (c1 >= 65 && c1 <= 90) {
      // Two letters only in the 1536 format, and only AA–AF after Z.
      if (c0 !== 65 || c1 > 70) return undefined;
      row = 26 + (c1 - 65);
      i = 2;
    } else {
      row = c0 - 65;
      i = 1;
    }
  } else return undefined;
  if (i >= s.length || s.length - i > 3) return undefined;
  let column = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    column = column * 10 + d;
  }
  if (column < 1 || column > MAX_COLUMNS || row >= MAX_ROWS) return undefined;
  return { row, column: column - 1 };
}

function upper(code: number): number {
  return code >= 97 && code <= 122 ? code - 32 : code;
}

/** The row letters of a 0-based row index: 0 → `A`, 25 → `Z`, 26 → `AA`, 31 → `AF`. */
export function rowLetters(row: number): string {
  return row < 26 ? String.fromCharCode(65 + row) : `A${String.fromCharCode(65 + row - 26)}`;
}

/**
 * The canonical id of a 0-based well position, without zero padding.
 * @example formatWellId(1, 6) // "B7"
 */
export function formatWellId(row: number, column: number): string {
  return `${rowLetters(row)}${column + 1}`;
}

/**
 * The smallest standard plate format that holds a well at the given 0-based row and column.
 * @example plateFormatFor(15, 23) // 384
 */
export function plateFormatFor(maxRow: number, maxColumn: number): PlateFormat {
  if (maxRow < 8 && maxColumn < 12) return 96;
  if (maxRow < 16 && maxColumn < 24) return 384;
  return 1536;
}

/** The format whose grid has exactly these dimensions, or undefined. */
export function plateFormatOfGrid(rows: number, columns: number): PlateFormat | undefined {
  for (const format of [96, 384, 1536] as const) {
    const dims = PLATE_FORMATS[format];
    if (dims.rows === rows && dims.columns === columns) return format;
  }
  return undefined;
}
