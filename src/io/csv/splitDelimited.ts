import { FormatError } from "../../core/errors.js";

/**
 * Splits one delimited line with RFC 4180 double-quote rules (a field that starts with `"`, after
 * optional spaces, is quoted; `""` inside it is a literal quote). Unquoted fields are not trimmed.
 * @throws FormatError naming the source and line when a quoted field is not closed on the line.
 * @example splitDelimited('a,"b,c"', ",", "x.csv", 1) // ["a", "b,c"]
 */
export function splitDelimited(text: string, delimiter: string, source: string, line: number): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === "") {
      // Spaces before an opening quote (`a, "b, c"`) are common in hand-edited files; drop them.
      quoted = true;
      field = "";
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) throw new FormatError(source, `line ${line}`, "a closing double quote", "end of line");
  fields.push(field);
  return fields;
}
