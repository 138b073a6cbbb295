import type { ReferenceForm, StickPeak } from "../../core/analytics/xrpd/match.js";
import { FormatError } from "../../core/errors.js";
import { decodeText, detectDelimiter, splitDelimited } from "../csv/index.js";

const TWO_THETA = /^(two_?theta|2_?theta|2θ|2th|pos(ition)?)(\s*\(.*\))?$/i;
const INTENSITY = /^(rel_?intensity|relative_?intensity|i_?rel|i\/i0|intensity|int|i)(\s*\(.*\))?$/i;
const FORM = /^(form|phase|reference|name)$/i;

/**
 * Parses a reference peak list CSV: a header with `twoTheta` and `relIntensity` columns (any order; also
 * `2theta`, `intensity`), one peak per row. With a `form` column the file holds several forms, one per
 * distinct value; otherwise the one form is named `defaultName` (the file name without extension).
 * @throws FormatError naming the row and column of a value that is not a number.
 */
export function parseReferenceCsv(
  bytes: Uint8Array | string,
  source: string,
  defaultName: string,
): ReferenceForm[] {
  const text = decodeText(bytes, source);
  const numbered = text
    .split(/\r?\n/)
    .map((l, i) => ({ l, n: i + 1 }))
    .filter(({ l }) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  const lines = numbered.map(({ l }) => l);
  const lineNo = (k: number) => numbered[k]!.n;
  if (lines.length < 2)
    throw new FormatError(source, "file", "a header and at least one peak row", `${lines.length} line(s)`);
  const delimiter = detectDelimiter(lines[0]!);
  const header = splitDelimited(lines[0]!, delimiter, source, lineNo(0)).map((h) => h.trim());
  const x = header.findIndex((h) => TWO_THETA.test(h));
  const y = header.findIndex((h) => INTENSITY.test(h));
  const f = header.findIndex((h) => FORM.test(h));
  if (x < 0 || y < 0)
    throw new FormatError(
      source,
      `line ${lineNo(0)} (header)`,
      "columns twoTheta and relIntensity",
      `'${lines[0]!.slice(0, 80)}'`,
    );
  const forms = new Map<string, StickPeak[]>();
  for (let i = 1; i < lines.length; i++) {
    const cells = splitDelimited(lines[i]!, delimiter, source, lineNo(i)).map((c) => c.trim());
    const twoTheta = Number(cells[x]);
    const relIntensity = Number(cells[y]);
    if (cells[x] === "" || !Number.isFinite(twoTheta) || twoTheta <= 0 || twoTheta >= 180)
      throw new FormatError(
        source,
        `line ${lineNo(i)}, column ${header[x]}`,
        "a 2θ angle in degrees (0–180)",
        `'${cells[x] ?? ""}'`,
      );
    if (cells[y] === "" || !Number.isFinite(relIntensity) || relIntensity < 0)
      throw new FormatError(
        source,
        `line ${lineNo(i)}, column ${header[y]}`,
        "a relative intensity ≥ 0",
        `'${cells[y] ?? ""}'`,
      );
    const name = f >= 0 ? cells[f] || defaultName : defaultName;
    const list = forms.get(name) ?? [];
    list.push({ twoTheta, relIntensity });
    forms.set(name, list);
  }
  return [...forms].map(([name, peaks]) => ({ name, peaks: peaks.sort((a, b) => a.twoTheta - b.twoTheta) }));
}

/** The reference name a file gives: its base name without the extension. */
export function referenceNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}
