import { parseDecimal } from "./parseDecimal.js";
import { splitDelimited } from "./splitDelimited.js";

/**
 * A forward-only cursor over the lines and fields of delimited text, built for speed on large files:
 * fields are positions into one string, not substrings, until asked for. Lines end at `\n` or `\r\n`.
 * Fields are trimmed of spaces (and tabs, unless tab is the delimiter). A line with a double quote is
 * split by RFC 4180 rules ({@link splitDelimited}); quoted fields cannot span lines.
 *
 * A class because it is a position in a text with a lifecycle (advance, split, read), like a stream.
 * @example
 * const cursor = new DelimitedCursor("a,b\n1,2\n", "x.csv");
 * while (cursor.nextLine()) { cursor.split(","); cursor.field(0); }
 */
export class DelimitedCursor {
  /** 1-based number of the current line (0 before the first {@link nextLine}). */
  line = 0;
  /** Number of fields of the current line after {@link split}. */
  count = 0;
  /** The string the field positions point into: the whole text, or a rebuilt line for quoted lines. */
  buffer: string;
  /** Start and end (exclusive) of each field in {@link buffer}, after trimming. */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  private lineStart = 0;
  private lineEnd = 0;
  private position = 0;
  private nextQuote: number;

  constructor(
    readonly text: string,
    readonly source: string,
  ) {
    this.buffer = text;
    this.nextQuote = text.indexOf('"');
  }

  /** Moves to the next line; false at the end of the text. */
  nextLine(): boolean {
    const text = this.text;
    if (this.position >= text.length) return false;
    const nl = text.indexOf("\n", this.position);
    const end = nl < 0 ? text.length : nl;
    this.lineStart = this.position;
    this.lineEnd = end > this.position && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    this.position = nl < 0 ? text.length : nl + 1;
    this.line++;
    this.count = 0;
    return true;
  }

  /** The current line's text, without its line ending. */
  lineText(): string {
    return this.text.slice(this.lineStart, this.lineEnd);
  }

  /** True when the current line holds only spaces, tabs and delimiters, or starts with `#`. */
  isBlankOrComment(delimiter: string): boolean {
    const d = delimiter.charCodeAt(0);
    for (let i = this.lineStart; i < this.lineEnd; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 35 && i === this.lineStart) return true;
      if (c !== 32 && c !== 9 && c !== d) return false;
    }
    return true;
  }

  /** Splits the current line into fields. @throws FormatError for an unclosed quote. */
  split(delimiter: string): void {
    while (this.nextQuote >= 0 && this.nextQuote < this.lineStart) {
      this.nextQuote = this.text.indexOf('"', this.lineStart);
    }
    if (this.nextQuote >= 0 && this.nextQuote < this.lineEnd) {
      this.splitQuoted(delimiter);
      return;
    }
    this.buffer = this.text;
    const d = delimiter.charCodeAt(0);
    let start = this.lineStart;
    let n = 0;
    for (;;) {
      let end = start;
      const lineEnd = this.lineEnd;
      const text = this.text;
      while (end < lineEnd && text.charCodeAt(end) !== d) end++;
      this.push(n++, start, end, d);
      if (end >= lineEnd) break;
      start = end + 1;
    }
    this.count = n;
  }

  private splitQuoted(delimiter: string): void {
    const fields = splitDelimited(this.lineText(), delimiter, this.source, this.line);
    this.buffer = fields.join("");
    const d = delimiter.charCodeAt(0);
    let at = 0;
    for (let i = 0; i < fields.length; i++) {
      const length = fields[i]!.length;
      this.push(i, at, at + length, d);
      at += length;
    }
    this.count = fields.length;
  }

  private push(i: number, start: number, end: number, delimiter: number): void {
    if (i >= this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      const ends = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    const b = this.buffer;
    let s = start;
    let e = end;
    while (s < e && isPadding(b.charCodeAt(s), delimiter)) s++;
    while (e > s && isPadding(b.charCodeAt(e - 1), delimiter)) e--;
    this.starts[i] = s;
    this.ends[i] = e;
  }

  /** Field i of the current line (trimmed); "" when the line has fewer fields. */
  field(i: number): string {
    return i < this.count ? this.buffer.slice(this.starts[i], this.ends[i]) : "";
  }

  /** True when field i is empty or absent. */
  isEmpty(i: number): boolean {
    return i >= this.count || this.starts[i] === this.ends[i];
  }

  /** Field i as a decimal number ({@link parseDecimal}); `NaN` when it is not one or absent. */
  number(i: number): number {
    return i < this.count ? parseDecimal(this.buffer, this.starts[i]!, this.ends[i]!) : Number.NaN;
  }

  /** True when field i equals `value` exactly, compared in place without making a substring. */
  fieldEquals(i: number, value: string): boolean {
    const s = this.starts[i]!;
    return this.ends[i]! - s === value.length && this.buffer.startsWith(value, s);
  }
}

function isPadding(c: number, delimiter: number): boolean {
  return (c === 32 || c === 9) && c !== delimiter;
}
