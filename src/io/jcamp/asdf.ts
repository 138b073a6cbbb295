import { FormatError } from "../../core/errors.js";
import type { JcampEncoding } from "./types.js";

/** Largest table decoded from one file (DUP can expand a few bytes into millions of values). */
export const MAX_JCAMP_POINTS = 1 << 27;

const KIND_ABS = 0;
const KIND_DIF = 1;
const KIND_DUP = 2;

const ENC_AFFN = 1;
const ENC_PAC = 2;
const ENC_SQZ = 4;
const ENC_DIF = 8;
const ENC_DUP = 16;

/** Where points lie, in file units: lets a failed Y-check be told from a line that starts a new point. */
export interface XGeometry {
  firstX: number;
  deltaX: number;
  xFactor: number;
}

/** What decoding `(X++(Y..Y))` lines gave: raw ordinates (no factor) and the abscissa check points. */
export interface XppYDecoded {
  /** Ordinates as written (YFACTOR not applied). */
  values: Float64Array;
  /** The X check value at the start of each data line (XFACTOR not applied). */
  lineX: number[];
  /** Index in `values` of the point each line's X belongs to. */
  lineIndex: number[];
  /** 1-based file line of each data line. */
  fileLine: number[];
  encodings: JcampEncoding[];
}

/**
 * Decodes the data lines of an `(X++(Y..Y))` table in AFFN, PAC, SQZ, DIF and DUP form (JCAMP-DX 4.24,
 * McDonald & Wilks 1988, §5.9). A line that follows one ending in DIF form starts with a Y-check value
 * (the last ordinate of that line again), which is verified and dropped.
 * @param lines the data lines (after the `##XYDATA=` line).
 * @param firstLine 1-based file line of `lines[0]`.
 * @param expected the point count the file declares, used to stop early on runaway input.
 * @throws FormatError on an unknown character, a failed Y-check or more points than declared.
 */
export function decodeXppY(
  lines: readonly string[],
  firstLine: number,
  source: string,
  expected: number | undefined,
  geometry?: XGeometry,
  warnings?: string[],
): XppYDecoded {
  const limit = expected ?? MAX_JCAMP_POINTS;
  let values = new Float64Array(Math.max(16, Math.min(limit, 1 << 20)));
  let count = 0;
  const push = (v: number, fileLine: number) => {
    if (count >= limit) {
      throw new FormatError(
        source,
        `line ${fileLine}`,
        expected === undefined ? `at most ${MAX_JCAMP_POINTS} points` : `${expected} points as declared`,
        "more ordinates",
        "the point count (##NPOINTS or ##VAR_DIM) is wrong or the data are corrupt",
      );
    }
    if (count === values.length) {
      const grown = new Float64Array(Math.min(limit, values.length * 2));
      grown.set(values);
      values = grown;
    }
    values[count++] = v;
  };
  const kinds: number[] = [];
  const nums: number[] = [];
  const lineX: number[] = [];
  const lineIndex: number[] = [];
  const fileLines: number[] = [];
  let used = 0;
  let last = Number.NaN;
  let lastDif = 0;
  let prevEndedDif = false;
  for (let li = 0; li < lines.length; li++) {
    const fileLine = firstLine + li;
    let line = lines[li]!;
    const comment = line.indexOf("$$");
    if (comment >= 0) line = line.slice(0, comment);
    const n = tokenize(line, fileLine, source, kinds, nums);
    if (n === 0) continue;
    used |= usedEncodings;
    if (kinds[0] !== KIND_ABS) {
      throw new FormatError(
        source,
        `line ${fileLine}`,
        "an abscissa value first",
        `'${line.trim().slice(0, 20)}'`,
      );
    }
    let t = 1;
    let inDif = false;
    let start = count;
    if (prevEndedDif && n > 1 && kinds[1] === KIND_ABS) {
      const check = nums[1]!;
      const tolerance = 1e-9 * Math.max(1, Math.abs(last));
      const xPrev = geometry ? geometry.firstX + (count - 1) * geometry.deltaX : Number.NaN;
      const startsNewPoint =
        geometry !== undefined &&
        Math.abs(nums[0]! * geometry.xFactor - xPrev) > Math.abs(geometry.deltaX) / 2;
      if (!(Math.abs(check - last) <= tolerance) && startsNewPoint) {
        // Some writers (e.g. Spectrafile-IR) omit the Y-check; the abscissa shows a new point begins here.
        warnings?.push(
          `${source}: line ${fileLine}: no Y-check value after a DIF line (its abscissa starts a new point)`,
        );
      } else if (!(Math.abs(check - last) <= tolerance) && n === 2 && isLastDataLine(lines, li)) {
        // A closing line holding only a wrong check value adds no data (Spectrafile-IR writes "31999@").
        warnings?.push(
          `${source}: line ${fileLine}: last Y-check value ${check} differs from ${last}; ignored`,
        );
        start = count - 1;
        t = 2;
      } else if (!(Math.abs(check - last) <= tolerance)) {
        throw new FormatError(
          source,
          `line ${fileLine}`,
          `the Y-check value ${last} (the last ordinate of the line before)`,
          `${check}`,
          "the DIF-compressed data are corrupt or a line is missing",
        );
      } else {
        start = count - 1;
        t = 2;
      }
    }
    lineX.push(nums[0]!);
    lineIndex.push(start);
    fileLines.push(fileLine);
    for (; t < n; t++) {
      const kind = kinds[t]!;
      const v = nums[t]!;
      if (kind === KIND_ABS) {
        last = v;
        inDif = false;
        push(v, fileLine);
      } else if (kind === KIND_DIF) {
        if (Number.isNaN(last) && count === 0) {
          throw new FormatError(source, `line ${fileLine}`, "an absolute ordinate before a DIF value", "DIF");
        }
        lastDif = v;
        last += v;
        inDif = true;
        push(last, fileLine);
      } else {
        if (count === 0 && t === 1) {
          throw new FormatError(source, `line ${fileLine}`, "an ordinate before a DUP count", "DUP");
        }
        for (let r = 1; r < v; r++) {
          if (inDif) last += lastDif;
          push(last, fileLine);
        }
      }
    }
    prevEndedDif = inDif;
  }
  const encodings: JcampEncoding[] = [];
  if (used & ENC_AFFN) encodings.push("AFFN");
  if (used & ENC_PAC) encodings.push("PAC");
  if (used & ENC_SQZ) encodings.push("SQZ");
  if (used & ENC_DIF) encodings.push("DIF");
  if (used & ENC_DUP) encodings.push("DUP");
  return { values: values.slice(0, count), lineX, lineIndex, fileLine: fileLines, encodings };
}

function isLastDataLine(lines: readonly string[], li: number): boolean {
  for (let k = li + 1; k < lines.length; k++) {
    const l = lines[k]!;
    const c = l.indexOf("$$");
    if ((c >= 0 ? l.slice(0, c) : l).trim() !== "") return false;
  }
  return true;
}

/** Encodings seen by the last {@link tokenize} call (bit set). */
let usedEncodings = 0;

/** Digit value of SQZ/DIF/DUP lead characters, indexed by char code; NaN for others. */
const LEAD_VALUE = new Float64Array(128).fill(Number.NaN);
const LEAD_KIND = new Int8Array(128).fill(-1);
{
  LEAD_VALUE[64] = 0; // @
  LEAD_KIND[64] = KIND_ABS;
  LEAD_VALUE[37] = 0; // %
  LEAD_KIND[37] = KIND_DIF;
  for (let d = 1; d <= 9; d++) {
    LEAD_VALUE[64 + d] = d; // A–I
    LEAD_KIND[64 + d] = KIND_ABS;
    LEAD_VALUE[96 + d] = -d; // a–i
    LEAD_KIND[96 + d] = KIND_ABS;
    LEAD_VALUE[73 + d] = d; // J–R
    LEAD_KIND[73 + d] = KIND_DIF;
    LEAD_VALUE[105 + d] = -d; // j–r
    LEAD_KIND[105 + d] = KIND_DIF;
  }
  for (let d = 1; d <= 8; d++) {
    LEAD_VALUE[82 + d] = d; // S–Z
    LEAD_KIND[82 + d] = KIND_DUP;
  }
  LEAD_VALUE[115] = 9; // s
  LEAD_KIND[115] = KIND_DUP;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Splits one data line into tokens (kind, value). AFFN/PAC numbers may carry a decimal point and an
 * exponent written with a sign (`1.5E+03`); `E`/`e` without a sign is the SQZ digit 5/−5.
 * @returns the number of tokens.
 */
function tokenize(line: string, fileLine: number, source: string, kinds: number[], nums: number[]): number {
  let n = 0;
  let used = 0;
  const len = line.length;
  let i = 0;
  while (i < len) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 44 || c === 59) {
      i++;
      continue;
    }
    if (c === 63) {
      // '?': a missing value
      kinds[n] = KIND_ABS;
      nums[n++] = Number.NaN;
      i++;
      continue;
    }
    if (isDigit(c) || c === 43 || c === 45 || c === 46) {
      const start = i;
      const signed = c === 43 || c === 45;
      i++;
      let simple = !signed && c !== 46;
      while (i < len) {
        const d = line.charCodeAt(i);
        if (isDigit(d)) i++;
        else if (d === 46) {
          simple = false;
          i++;
        } else if ((d === 69 || d === 101) && i + 2 <= len && isSignThenDigit(line, i + 1)) {
          simple = false;
          i += 2;
          while (i < len && isDigit(line.charCodeAt(i))) i++;
          break;
        } else break;
      }
      let v: number;
      if (simple && i - start < 16) {
        v = 0;
        for (let k = start; k < i; k++) v = v * 10 + (line.charCodeAt(k) - 48);
      } else v = Number(line.slice(start, i));
      if (Number.isNaN(v)) {
        throw new FormatError(
          source,
          `line ${fileLine}, column ${start + 1}`,
          "a number",
          `'${line.slice(start, i)}'`,
        );
      }
      used |= signed ? ENC_PAC : ENC_AFFN;
      kinds[n] = KIND_ABS;
      nums[n++] = v;
      continue;
    }
    const kind = c < 128 ? LEAD_KIND[c]! : -1;
    if (kind < 0) {
      throw new FormatError(
        source,
        `line ${fileLine}, column ${i + 1}`,
        "an AFFN, PAC, SQZ, DIF or DUP character",
        `'${line[i]}'`,
      );
    }
    const lead = LEAD_VALUE[c]!;
    const negative = lead < 0; // a–i and j–r carry the sign
    const start = i + 1;
    i++;
    let fraction = false;
    while (i < len) {
      const d = line.charCodeAt(i);
      if (isDigit(d)) i++;
      else if (d === 46 && kind !== KIND_DUP) {
        fraction = true;
        i++;
      } else break;
    }
    let magnitude: number;
    if (!fraction && i - start < 15) {
      magnitude = Math.abs(lead);
      for (let k = start; k < i; k++) magnitude = magnitude * 10 + (line.charCodeAt(k) - 48);
    } else magnitude = Number(`${Math.abs(lead)}${line.slice(start, i)}`);
    used |= kind === KIND_ABS ? ENC_SQZ : kind === KIND_DIF ? ENC_DIF : ENC_DUP;
    kinds[n] = kind;
    nums[n++] = negative ? -magnitude : magnitude;
  }
  usedEncodings = used;
  return n;
}

function isSignThenDigit(line: string, i: number): boolean {
  const s = line.charCodeAt(i);
  return (s === 43 || s === 45) && i + 1 < line.length && isDigit(line.charCodeAt(i + 1));
}

/**
 * Reads the numbers of an AFFN table such as `(XY..XY)`, `(XYW..XYW)` or an array parameter value:
 * separators are blanks, commas and semicolons; `?` is a missing value (NaN).
 * @throws FormatError naming the line and column of anything that is not a number.
 */
export function readAffnNumbers(lines: readonly string[], firstLine: number, source: string): number[] {
  const out: number[] = [];
  for (let li = 0; li < lines.length; li++) {
    let line = lines[li]!;
    const comment = line.indexOf("$$");
    if (comment >= 0) line = line.slice(0, comment);
    const re = /[^\s,;]+/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const text = m[0];
      // PAC signs may glue numbers together: "1.0+2.0-3.0".
      const parts = text === "?" ? ["?"] : text.split(/(?<=[0-9.])(?=[+-])/);
      for (const part of parts) {
        const v = part === "?" ? Number.NaN : Number(part);
        if (part !== "?" && Number.isNaN(v)) {
          throw new FormatError(
            source,
            `line ${firstLine + li}, column ${m.index + 1}`,
            "a number",
            `'${text}'`,
          );
        }
        out.push(v);
      }
    }
  }
  return out;
}
