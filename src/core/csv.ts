/**
 * One CSV field (RFC 4180): empty for null or undefined, numbers at full precision, quoted when the text
 * holds a comma, quote or line break.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header and the rows, CRLF line ends (RFC 4180). */
export function csvDocument(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header.map(csvField).join(","), ...rows.map((row) => row.map(csvField).join(","))].join("\r\n")}\r\n`;
}
