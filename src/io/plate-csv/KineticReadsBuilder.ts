import type { KineticPlate, KineticReads, KineticWell } from "../../core/assays/ic50/plates.js";
import { formatWellId, plateFormatFor } from "../../core/assays/ic50/plates.js";
import { FormatError } from "../../core/errors.js";

/** Well codes are row × 48 + column: row-major order on every plate format up to 1536 wells. */
const CODE_COLUMNS = 48;

/**
 * Collects reads row by row, in any order, and builds the columnar {@link KineticReads}: reads grouped by
 * well (counting sort), each well's reads sorted by time, duplicate times refused. Parsers share it so
 * long and wide files end up identical.
 */
export class KineticReadsBuilder {
  private plateIds: string[] = [];
  private plateIndexOf = new Map<string, number>();
  private entryIndexOf = new Map<number, number>();
  private entryPlate: number[] = [];
  private entryCode: number[] = [];
  private entryLine: number[] = [];
  private entryField: number[] = [];
  private rowEntry: Int32Array;
  private rowTime: Float64Array;
  private rowRfu: Float64Array;
  private rowLine: Int32Array;
  private n = 0;

  /**
   * @param source file name for error messages
   * @param timeColumn 1-based column and name of the time field, for duplicate-read errors
   * @param capacity expected number of reads (grows if exceeded)
   */
  constructor(
    private readonly source: string,
    private readonly timeColumn: { field: number; name: string },
    capacity: number,
  ) {
    const c = Math.max(16, capacity);
    this.rowEntry = new Int32Array(c);
    this.rowTime = new Float64Array(c);
    this.rowRfu = new Float64Array(c);
    this.rowLine = new Int32Array(c);
  }

  /** The index of a plate id, registering it on first sight. */
  plateIndex(plate: string): number {
    let index = this.plateIndexOf.get(plate);
    if (index === undefined) {
      index = this.plateIds.length;
      this.plateIds.push(plate);
      this.plateIndexOf.set(plate, index);
    }
    return index;
  }

  /** The index of a (plate, well), registering it with the line and 1-based field that first name it. */
  wellEntry(plateIndex: number, row: number, column: number, line: number, field: number): number {
    const code = row * CODE_COLUMNS + column;
    const key = plateIndex * 2048 + code;
    let entry = this.entryIndexOf.get(key);
    if (entry === undefined) {
      entry = this.entryPlate.length;
      this.entryIndexOf.set(key, entry);
      this.entryPlate.push(plateIndex);
      this.entryCode.push(code);
      this.entryLine.push(line);
      this.entryField.push(field);
    }
    return entry;
  }

  /** Adds one read of a registered well. */
  add(entry: number, timeS: number, rfu: number, line: number): void {
    if (this.n === this.rowEntry.length) this.grow();
    const i = this.n++;
    this.rowEntry[i] = entry;
    this.rowTime[i] = timeS;
    this.rowRfu[i] = rfu;
    this.rowLine[i] = line;
  }

  /** Number of reads added so far. */
  get size(): number {
    return this.n;
  }

  private grow(): void {
    const c = this.rowEntry.length * 2;
    const entry = new Int32Array(c);
    entry.set(this.rowEntry);
    this.rowEntry = entry;
    const time = new Float64Array(c);
    time.set(this.rowTime);
    this.rowTime = time;
    const rfu = new Float64Array(c);
    rfu.set(this.rowRfu);
    this.rowRfu = rfu;
    const line = new Int32Array(c);
    line.set(this.rowLine);
    this.rowLine = line;
  }

  /**
   * Builds the reads: plates in order of first appearance, wells row-major, reads by time.
   * @throws FormatError naming the later line of two reads of one well at the same time
   */
  build(warnings: string[] = []): KineticReads {
    const nEntries = this.entryPlate.length;
    const order = Array.from({ length: nEntries }, (_, i) => i).sort(
      (a, b) => this.entryPlate[a]! - this.entryPlate[b]! || this.entryCode[a]! - this.entryCode[b]!,
    );
    const counts = new Int32Array(nEntries);
    for (let i = 0; i < this.n; i++) counts[this.rowEntry[i]!]!++;
    const offsets = new Int32Array(nEntries);
    let total = 0;
    for (const e of order) {
      offsets[e] = total;
      total += counts[e]!;
    }
    const timeS = new Float64Array(total);
    const rfu = new Float64Array(total);
    const lines = new Int32Array(total);
    const cursor = offsets.slice();
    for (let i = 0; i < this.n; i++) {
      const at = cursor[this.rowEntry[i]!]!++;
      timeS[at] = this.rowTime[i]!;
      rfu[at] = this.rowRfu[i]!;
      lines[at] = this.rowLine[i]!;
    }
    const wells: KineticWell[] = [];
    const plates: KineticPlate[] = [];
    for (const e of order) {
      const offset = offsets[e]!;
      const count = counts[e]!;
      sortByTime(timeS, rfu, lines, offset, count);
      const plateIndex = this.entryPlate[e]!;
      const code = this.entryCode[e]!;
      const row = Math.floor(code / CODE_COLUMNS);
      const column = code % CODE_COLUMNS;
      const well = formatWellId(row, column);
      const plate = this.plateIds[plateIndex]!;
      for (let i = offset + 1; i < offset + count; i++) {
        if (timeS[i] === timeS[i - 1]) this.duplicate(plate, well, timeS[i]!, lines[i - 1]!, lines[i]!);
      }
      let last = plates[plates.length - 1];
      if (!last || last.plate !== plate) {
        last = { plate, source: this.source, format: 96, firstWell: wells.length, wellCount: 0 };
        plates.push(last);
      }
      last.wellCount++;
      wells.push({
        plate,
        well,
        row,
        column,
        offset,
        count,
        line: this.entryLine[e]!,
        field: this.entryField[e]!,
      });
    }
    for (const p of plates) {
      let maxRow = 0;
      let maxColumn = 0;
      for (let w = p.firstWell; w < p.firstWell + p.wellCount; w++) {
        maxRow = Math.max(maxRow, wells[w]!.row);
        maxColumn = Math.max(maxColumn, wells[w]!.column);
      }
      p.format = plateFormatFor(maxRow, maxColumn);
    }
    return { source: this.source, plates, wells, timeS, rfu, warnings };
  }

  private duplicate(plate: string, well: string, time: number, lineA: number, lineB: number): never {
    const [first, second] = lineA < lineB ? [lineA, lineB] : [lineB, lineA];
    throw new FormatError(
      this.source,
      `line ${second}, column ${this.timeColumn.field} (${this.timeColumn.name})`,
      "one read per plate, well and time",
      `a second read of plate ${plate} well ${well} at ${time} s (the first is on line ${first})`,
      "Remove the duplicate read",
    );
  }
}

/** Sorts one well's reads by time in place; reads written in time order (the usual case) cost one pass. */
function sortByTime(
  t: Float64Array,
  y: Float64Array,
  lines: Int32Array,
  offset: number,
  count: number,
): void {
  let sorted = true;
  for (let i = offset + 1; i < offset + count; i++) {
    if (t[i]! < t[i - 1]!) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  const idx = Array.from({ length: count }, (_, i) => offset + i).sort(
    (a, b) => t[a]! - t[b]! || lines[a]! - lines[b]!,
  );
  const tc = idx.map((i) => t[i]!);
  const yc = idx.map((i) => y[i]!);
  const lc = idx.map((i) => lines[i]!);
  t.set(tc, offset);
  y.set(yc, offset);
  lines.set(lc, offset);
}
