import type { PlateFormat } from "./wellId.js";

/**
 * One well's entry in {@link KineticReads}: its reads are `timeS`/`rfu` elements
 * `offset … offset + count − 1`, sorted by time.
 */
export interface KineticWell {
  plate: string;
  /** Canonical well id (`A1`, `AF48`: no zero padding). */
  well: string;
  /** 0-based row (A = 0). */
  row: number;
  /** 0-based column (1 = 0). */
  column: number;
  offset: number;
  count: number;
  /** 1-based line of the source file where this well first appears, for error messages. */
  line: number;
  /** 1-based field (column) of the source file that names this well on that line. */
  field: number;
}

/** One plate of {@link KineticReads}: its wells are `wells[firstWell … firstWell + wellCount − 1]`. */
export interface KineticPlate {
  plate: string;
  /** The file this plate's reads came from (reads of several files can be merged). */
  source: string;
  /** The smallest standard format that holds every well read on this plate. */
  format: PlateFormat;
  firstWell: number;
  wellCount: number;
}

/**
 * Kinetic fluorescence reads of one or more plates, stored by column: one flat `timeS` and one flat `rfu`
 * array with each well's reads contiguous and sorted by time, and an index of wells. Plates are in order
 * of first appearance in the source; wells within a plate are in row-major order (A1, A2, …, B1, …).
 */
export interface KineticReads {
  /** The file (or `<memory>`) the reads came from, or a list of files when merged. */
  source: string;
  plates: KineticPlate[];
  wells: KineticWell[];
  /** Read times in seconds since the start of the kinetic run. */
  timeS: Float64Array;
  /** Relative fluorescence units; `+Infinity` marks a read the reader reported as over range. */
  rfu: Float64Array;
  /** Suspicious but usable things about the input (e.g. over-range markers read as saturated). */
  warnings: string[];
}

/** The reads of one well as views (no copies) into the flat arrays. */
export function wellReads(
  reads: KineticReads,
  well: KineticWell,
): { timeS: Float64Array; rfu: Float64Array } {
  const end = well.offset + well.count;
  return { timeS: reads.timeS.subarray(well.offset, end), rfu: reads.rfu.subarray(well.offset, end) };
}
