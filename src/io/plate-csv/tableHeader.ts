import { FormatError } from "../../core/errors.js";
import { DelimitedCursor } from "../csv/DelimitedCursor.js";
import { decodeText } from "../csv/decodeText.js";
import { detectDelimiter } from "../csv/detectDelimiter.js";

/** A table's header: its delimiter and the 0-based index of each required column. */
export interface TableHeader {
  cursor: DelimitedCursor;
  delimiter: string;
  /** Header names as written (trimmed). */
  names: string[];
  /** Index of each required column, by its canonical (lower-case) name. */
  index: Record<string, number>;
  /** 1-based line of the header. */
  line: number;
}

/**
 * Decodes the text, skips leading blank and `#` comment lines, detects the delimiter and finds the
 * required columns by name (case-insensitive; extra columns are allowed).
 * @throws FormatError for an empty file or a header without a required column
 */
export function readTableHeader(
  input: string | Uint8Array,
  source: string,
  required: readonly string[],
): TableHeader {
  const text = decodeText(input, source);
  const cursor = new DelimitedCursor(text, source);
  const expectedHeader = `a header line '${required.join(",")}'`;
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(",")) continue;
    const delimiter = detectDelimiter(cursor.lineText());
    cursor.split(delimiter);
    const names = Array.from({ length: cursor.count }, (_, i) => cursor.field(i));
    const lower = names.map((n) => n.toLowerCase());
    const index: Record<string, number> = {};
    const missing: string[] = [];
    for (const name of required) {
      const at = lower.indexOf(name.toLowerCase());
      if (at < 0) missing.push(name);
      else index[name] = at;
    }
    if (missing.length > 0) {
      throw new FormatError(
        source,
        `line ${cursor.line} (header)`,
        `columns ${required.map((r) => `'${r}'`).join(", ")}`,
        `columns ${names.map((n) => `'${n}'`).join(", ")}`,
        `Add the missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `'${m}'`).join(", ")}`,
      );
    }
    return { cursor, delimiter, names, index, line: cursor.line };
  }
  throw new FormatError(source, "file", expectedHeader, "an empty file");
}

/** `line 12, column 4 (rfu)`: where a field is, for FormatError. `field` is 0-based. */
export function at(line: number, field: number, name: string): string {
  return `line ${line}, column ${field + 1} (${name})`;
}

/** How a field's text is quoted in messages: `'abc'`, or "an empty field". */
export function shown(text: string): string {
  return text === "" ? "an empty field" : `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}

/** The expected-field-count error for a short row. */
export function tooFewFields(source: string, line: number, expected: number, found: number): FormatError {
  return new FormatError(source, `line ${line}`, `${expected} fields`, `${found}`, "Is a delimiter missing?");
}
