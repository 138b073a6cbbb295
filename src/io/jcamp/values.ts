import { FormatError } from "../../core/errors.js";
import { readAffnNumbers } from "./asdf.js";
import type { JcampBlock } from "./types.js";

/**
 * Normalises a JCAMP label as the standard compares them: upper case, without spaces, dashes, slashes
 * or underscores (JCAMP-DX 4.24 §4.1); `.` (technique-specific) and `$` (user-defined) prefixes kept.
 * `"VAR_NAME"` → `"VARNAME"`, `".OBSERVE FREQUENCY"` → `".OBSERVEFREQUENCY"`.
 */
export function normaliseJcampLabel(label: string): string {
  return label.toUpperCase().replace(/[\s\-/_]/g, "");
}

/** A block's value for a label (given in any spelling), or undefined. */
export function jcampValue(block: JcampBlock, label: string): string | undefined {
  return block.meta[normaliseJcampLabel(label)];
}

/** A block's numeric value for a label, or undefined when absent, empty or not a number. */
export function jcampNumber(block: JcampBlock, label: string): number | undefined {
  const v = jcampValue(block, label);
  return v === undefined ? undefined : numberOrUndefined(v);
}

/** A string value without its `<…>` quotes (Bruker parameter strings). */
export function jcampString(block: JcampBlock, label: string): string | undefined {
  const v = jcampValue(block, label);
  if (v === undefined) return undefined;
  const m = /^<(.*)>$/s.exec(v.trim());
  return m ? m[1] : v.trim();
}

/**
 * An array parameter such as Bruker's `##$D= (0..31)` followed by the values on the next lines.
 * @returns the numbers, or undefined when the label is absent.
 * @throws FormatError when the value is not a `(a..b)` array of numbers of the declared length.
 */
export function jcampArray(block: JcampBlock, label: string, source: string): number[] | undefined {
  const key = normaliseJcampLabel(label);
  const record = block.records.find((r) => r.label === key);
  if (!record) return undefined;
  const m = /^\((\d+)\.\.(\d+)\)\s*([\s\S]*)$/.exec(record.value);
  if (!m) return readAffnNumbers([record.value], record.line, source);
  const expected = Number(m[2]) - Number(m[1]) + 1;
  const text = m[3]!;
  if (text.trim().startsWith("<")) return undefined;
  const values = readAffnNumbers(text.split("\n"), record.line + 1, source);
  if (values.length !== expected) {
    throw new FormatError(
      source,
      `line ${record.line}: ##${record.rawLabel}`,
      `${expected} values`,
      `${values.length}`,
    );
  }
  return values;
}

/** Parses a plain JCAMP number (`1.5`, `-2E+03`), undefined for anything else. */
export function numberOrUndefined(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** All blocks of a document depth first (a LINK block before its children). */
export function flattenJcampBlocks(blocks: readonly JcampBlock[]): JcampBlock[] {
  const out: JcampBlock[] = [];
  const visit = (b: JcampBlock) => {
    out.push(b);
    for (const c of b.children) visit(c);
  };
  for (const b of blocks) visit(b);
  return out;
}
