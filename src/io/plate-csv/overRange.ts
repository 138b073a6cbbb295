/**
 * Words plate-reader software writes instead of a number for a read above the detector's range
 * (Tecan `OVER`, BMG `OVRFLW`, SpectraMax `Sat`/`#SAT`, …). They are read as `+Infinity`, which is
 * ≥ any `detector_max`, so the rate window stops before them exactly as for a numeric saturated read.
 */
export const OVER_RANGE_MARKERS: readonly string[] = [
  "OVER",
  "OVRFLW",
  "OVERFLOW",
  "SAT",
  "#SAT",
  "SATURATED",
];

const MARKERS = new Set(OVER_RANGE_MARKERS);

/** True when a cell's text is an over-range marker (case-insensitive). */
export function isOverRangeMarker(text: string): boolean {
  return text.length <= 10 && MARKERS.has(text.toUpperCase());
}

/** Counts over-range cells and words the warning. */
export class OverRangeTally {
  count = 0;
  private first = "";

  /** Records one marker at a place such as `line 7, column 4`. */
  add(text: string, where: string): void {
    if (this.count++ === 0) this.first = `'${text}' at ${where}`;
  }

  /** The warning, if any marker was seen. */
  warning(source: string): string[] {
    if (this.count === 0) return [];
    return [
      `${source}: ${this.count} read(s) marked as over range (first ${this.first}) are taken as saturated (≥ detector_max)`,
    ];
  }
}
