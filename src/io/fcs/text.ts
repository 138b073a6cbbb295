const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

/** Keyword/value pairs of one TEXT-like segment and what was odd about it. */
export interface TextSegment {
  keywords: Record<string, string>;
  warnings: string[];
}

/**
 * Splits a TEXT, supplemental TEXT or ANALYSIS segment into keywords (FCS 3.1 §3.2.1–3.2.3).
 * The first byte is the delimiter. Inside a keyword or value a doubled delimiter is one literal
 * delimiter; a doubled delimiter ending a keyword is an empty value (legacy files such as data1.fcs;
 * FCS 3.1 forbids empty values, and keywords containing the delimiter are not seen in practice). Keys are
 * upper-cased and trimmed; values are decoded as UTF-8, else Latin-1, and kept untrimmed.
 * A missing final delimiter and trailing spaces/NULs are tolerated.
 */
export function parseTextSegment(bytes: Uint8Array, begin: number, end: number): TextSegment {
  const warnings: string[] = [];
  const keywords: Record<string, string> = {};
  const delimiter = bytes[begin]!;
  const tokens: string[] = [];
  let parts: Uint8Array[] = [];
  let start = begin + 1;
  let i = begin + 1;
  const flush = (stop: number): void => {
    parts.push(bytes.subarray(start, stop));
    tokens.push(decode(parts));
    parts = [];
  };
  while (i <= end) {
    if (bytes[i] !== delimiter) {
      i++;
      continue;
    }
    const doubled = i + 1 <= end && bytes[i + 1] === delimiter;
    if (doubled && tokens.length % 2 === 0) {
      // `KEY//NEXT`: keyword, then an empty value (keywords never contain the delimiter in practice).
      flush(i);
      tokens.push("");
      i += 2;
      start = i;
      continue;
    }
    if (doubled) {
      parts.push(bytes.subarray(start, i + 1)); // keep one delimiter
      i += 2;
      start = i;
      continue;
    }
    flush(i);
    i++;
    start = i;
  }
  if (start <= end || parts.length > 0) {
    const rest = bytes.subarray(start, end + 1);
    if (parts.length > 0 || !isPadding(rest)) flush(end + 1);
  }
  if (tokens.length % 2 === 1) {
    const last = tokens.pop()!;
    if (last.trim() !== "") warnings.push(`TEXT ends with keyword '${last.trim()}' without a value; ignored`);
  }
  for (let k = 0; k < tokens.length; k += 2) {
    const key = tokens[k]!.trim().toUpperCase();
    if (key === "") continue;
    if (key in keywords) warnings.push(`keyword ${key} appears twice; the first value is kept`);
    else keywords[key] = tokens[k + 1]!;
  }
  return { keywords, warnings };
}

function isPadding(b: Uint8Array): boolean {
  for (const x of b) if (x !== 0x20 && x !== 0 && x !== 0x0a && x !== 0x0d) return false;
  return true;
}

function decode(parts: Uint8Array[]): string {
  const b = parts.length === 1 ? parts[0]! : concat(parts);
  try {
    return utf8.decode(b);
  } catch {
    return latin1.decode(b);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
