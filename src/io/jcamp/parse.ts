import { FormatError } from "../../core/errors.js";
import { decodeXppY, MAX_JCAMP_POINTS, readAffnNumbers } from "./asdf.js";
import type { JcampBlock, JcampDataTable, JcampDocument, JcampNtuples, JcampRecord } from "./types.js";
import { normaliseJcampLabel, numberOrUndefined } from "./values.js";

/** A raw LDR: label, first-line value and the continuation lines that follow it. */
interface RawRecord {
  rawLabel: string;
  label: string;
  first: string;
  rest: string[];
  line: number;
}

/** Options of {@link parseJcamp}. */
export interface ParseJcampOptions {
  /**
   * `strict`: a `##NPOINTS` that differs from the decoded point count is a FormatError. `data`: the
   * decoded count is used and the disagreement becomes a warning (for writers known to be off by one).
   * @default "strict"
   */
  npoints?: "strict" | "data";
}

const TABLE_LABELS = new Set(["XYDATA", "XYPOINTS", "PEAKTABLE", "DATATABLE"]);

/**
 * Parses a JCAMP-DX file (4.24, 5.x, 6.0): blocks and nested LINK blocks, every labelled data record,
 * `##XYDATA=(X++(Y..Y))` in AFFN/PAC/SQZ/DIF/DUP with the DIF Y-check, `##XYPOINTS`/`##PEAK TABLE`
 * `(XY..XY)`-style tables and `##NTUPLES` pages (real/imaginary FIDs and spectra, 2-D profiles).
 * Also reads JCAMP-style parameter files such as Bruker's `acqus`/`procs`.
 * @param input the file's bytes (read as Latin-1) or its text.
 * @param source the file name used in error messages.
 * @param options lenient reading, named explicitly ({@link ParseJcampOptions}).
 * @throws FormatError naming the file and line: an inconsistent `##NPOINTS`/`##VAR_DIM`, a failed
 *   Y-check, an undecodable character, a table outside any block.
 */
export function parseJcamp(
  input: Uint8Array | string,
  source = "<memory>",
  options: ParseJcampOptions = {},
): JcampDocument {
  const text = typeof input === "string" ? input : new TextDecoder("latin1").decode(input);
  const records = splitRecords(text);
  const warnings: string[] = [];
  const top: JcampBlock[] = [];
  const stack: JcampBlock[] = [];
  let ntuples: JcampNtuples | undefined;
  let page: { value: string; records: Record<string, string> } | undefined;
  let sawAny = false;

  const current = (r: RawRecord): JcampBlock => {
    let block = stack[stack.length - 1];
    if (!block) {
      if (sawAny)
        warnings.push(
          `${source}: line ${r.line}: ##${r.rawLabel} after the last ##END=; read as a new block`,
        );
      block = newBlock("", r.line);
      top.push(block);
      stack.push(block);
    }
    return block;
  };

  for (const r of records) {
    if (r.label === "") continue; // "##= comment"
    if (r.label === "TITLE") {
      const block = newBlock(cleanValue([r.first, ...r.rest]), r.line);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(block);
      else top.push(block);
      stack.push(block);
      ntuples = undefined;
      page = undefined;
      sawAny = true;
      continue;
    }
    if (r.label === "END") {
      if (stack.length === 0) warnings.push(`${source}: line ${r.line}: ##END= without an open block`);
      stack.pop();
      ntuples = undefined;
      page = undefined;
      continue;
    }
    const block = current(r);
    sawAny = true;
    if (TABLE_LABELS.has(r.label)) {
      if (r.label === "DATATABLE") {
        if (!ntuples) {
          throw new FormatError(
            source,
            `line ${r.line}`,
            "##DATA TABLE inside ##NTUPLES",
            "no ##NTUPLES before it",
          );
        }
        ntuples.pages.push(decodePage(r, ntuples, page, source, warnings));
      } else {
        block.tables.push(decodeTable(r, block, source, warnings, options));
      }
      continue;
    }
    const value = cleanValue([r.first, ...r.rest]);
    const record: JcampRecord = { label: r.label, rawLabel: r.rawLabel, value, line: r.line };
    if (r.label === "NTUPLES") {
      ntuples = { dataForm: value, attributes: {}, pages: [] };
      block.ntuples = ntuples;
      page = undefined;
    } else if (r.label === "ENDNTUPLES") {
      ntuples = undefined;
      page = undefined;
    } else if (r.label === "PAGE" && ntuples) {
      page = { value, records: {} };
    } else if (ntuples && page) {
      page.records[r.label] = value;
      continue;
    } else if (ntuples) {
      ntuples.attributes[r.label] = value.split(",").map((s) => s.trim());
    }
    block.records.push(record);
    if (!(r.label in block.meta)) block.meta[r.label] = value;
  }
  if (!sawAny) throw new FormatError(source, "start", "a JCAMP-DX file (##TITLE= …)", "no ## records");
  if (stack.length > 0 && top.length > 0) {
    warnings.push(`${source}: ${stack.length} block(s) without ##END= (the file may be truncated)`);
  }
  return { source, blocks: top, warnings };
}

function newBlock(title: string, line: number): JcampBlock {
  return { title, records: [], meta: {}, tables: [], children: [], line };
}

/** Splits the text into LDRs; lines before the first `##` are ignored. */
function splitRecords(text: string): RawRecord[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: RawRecord[] = [];
  let cur: RawRecord | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let s = 0;
    while (s < line.length && (line.charCodeAt(s) === 32 || line.charCodeAt(s) === 9)) s++;
    if (line.charCodeAt(s) === 35 && line.charCodeAt(s + 1) === 35) {
      const eq = line.indexOf("=", s + 2);
      const rawLabel = (eq < 0 ? line.slice(s + 2) : line.slice(s + 2, eq)).trim();
      cur = {
        rawLabel,
        label: normaliseJcampLabel(rawLabel),
        first: eq < 0 ? "" : line.slice(eq + 1),
        rest: [],
        line: i + 1,
      };
      out.push(cur);
    } else if (cur) cur.rest.push(line);
  }
  return out;
}

/** Joins a value's lines without `$$` comments. */
function cleanValue(lines: string[]): string {
  const kept: string[] = [];
  for (const l of lines) {
    const c = l.indexOf("$$");
    kept.push(c >= 0 ? l.slice(0, c) : l);
  }
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === "") kept.pop();
  return kept
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
}

/** `(X++(Y..Y))` → ["X","Y"]; `(XY..XY)` → ["X","Y"]; symbols of several letters are matched from `known`. */
function symbolsOf(
  variables: string,
  known: readonly string[],
): { symbols: string[]; xpp: boolean } | undefined {
  const xpp = /^\(([A-Z0-9]+)\+\+\(([A-Z0-9]+)\.\.([A-Z0-9]+)\)\)$/.exec(variables);
  if (xpp) return { symbols: [xpp[1]!, xpp[2]!], xpp: true };
  const group = /^\(([A-Z0-9]+)\.\.([A-Z0-9]+)\)$/.exec(variables);
  if (!group) return undefined;
  const letters = group[1]!;
  const symbols: string[] = [];
  let i = 0;
  const sorted = [...known].sort((a, b) => b.length - a.length);
  while (i < letters.length) {
    const hit = sorted.find((s) => s.length > 0 && letters.startsWith(s, i));
    const sym = hit ?? letters[i]!;
    symbols.push(sym);
    i += sym.length;
  }
  return { symbols, xpp: false };
}

/** Splits `(X++(R..R)), XYDATA` into the variable list (spaces removed) and the plot descriptor. */
function splitTableValue(first: string): { variables: string; kind?: string } {
  const c = first.indexOf("$$");
  const v = (c >= 0 ? first.slice(0, c) : first).replace(/\s/g, "").toUpperCase();
  const close = v.lastIndexOf(")");
  if (close < 0) return { variables: v };
  const rest = v.slice(close + 1).replace(/^,/, "");
  return rest ? { variables: v.slice(0, close + 1), kind: rest } : { variables: v.slice(0, close + 1) };
}

function decodeTable(
  r: RawRecord,
  block: JcampBlock,
  source: string,
  warnings: string[],
  options: ParseJcampOptions,
): JcampDataTable {
  const { variables } = splitTableValue(r.first);
  const parsed = symbolsOf(variables, []);
  if (!parsed) {
    throw new FormatError(
      source,
      `line ${r.line}: ##${r.rawLabel}`,
      "(X++(Y..Y)) or (XY..XY)",
      `'${variables}'`,
    );
  }
  const meta = block.meta;
  const xFactor = numberOrUndefined(meta.XFACTOR ?? "") ?? 1;
  const yFactor = numberOrUndefined(meta.YFACTOR ?? "") ?? 1;
  const declared = countClaim(block, "NPOINTS", source);
  const table = r.label as JcampDataTable["table"];
  if (parsed.xpp) {
    const firstX = numberOrUndefined(meta.FIRSTX ?? "");
    const lastX = numberOrUndefined(meta.LASTX ?? "");
    const deltaX = numberOrUndefined(meta.DELTAX ?? "");
    const geometry = firstX !== undefined && deltaX !== undefined ? { firstX, deltaX, xFactor } : undefined;
    const trustData = options.npoints === "data";
    const decoded = decodeXppY(
      r.rest,
      r.line + 1,
      source,
      trustData ? undefined : declared?.value,
      geometry,
      warnings,
    );
    const n = decoded.values.length;
    if (declared && declared.value !== n) {
      const span =
        firstX !== undefined && lastX !== undefined && deltaX
          ? Math.round((lastX - firstX) / deltaX) + 1
          : undefined;
      if (!trustData) {
        throw new FormatError(
          source,
          `line ${declared.line}: ##NPOINTS`,
          `${declared.value} points`,
          `${n} in ##${r.rawLabel} (line ${r.line})`,
          span === n
            ? `FIRSTX, LASTX and DELTAX agree with the data (${n} points): ##NPOINTS is wrong; read with the npoints "data" option to accept it`
            : "the file is truncated or ##NPOINTS is wrong",
        );
      }
      warnings.push(
        `${source}: line ${declared.line}: ##NPOINTS= ${declared.value}, but ##${r.rawLabel} holds ${n} points (used)`,
      );
    }
    const x = abscissa(n, firstX, lastX, deltaX, decoded, xFactor);
    checkAbscissa(x, decoded, xFactor, source, warnings);
    const y = decoded.values;
    for (let i = 0; i < n; i++) y[i] = y[i]! * yFactor;
    const firstY = numberOrUndefined(meta.FIRSTY ?? "");
    if (
      firstY !== undefined &&
      n > 0 &&
      Math.abs(y[0]! - firstY) > 1e-5 * Math.max(Math.abs(firstY), Math.abs(yFactor))
    ) {
      warnings.push(`${source}: line ${r.line}: first ordinate ${y[0]} differs from ##FIRSTY= ${firstY}`);
    }
    return {
      table,
      variables,
      symbols: parsed.symbols,
      x,
      y,
      encodings: decoded.encodings,
      line: r.line,
    };
  }
  const numbers = readAffnNumbers(r.rest, r.line + 1, source);
  const out = groupColumns(numbers, parsed.symbols, r, source);
  const factors = [xFactor, yFactor, 1];
  out.columns.forEach((col, k) => {
    const f = factors[k] ?? 1;
    if (f !== 1) for (let i = 0; i < col.length; i++) col[i] = col[i]! * f;
  });
  if (
    declared &&
    declared.value !== out.columns[0]!.length &&
    !block.tables.some((t) => t.table === "XYDATA")
  ) {
    warnings.push(
      `${source}: line ${r.line}: ##${r.rawLabel} has ${out.columns[0]!.length} entries, ##NPOINTS says ${declared.value}`,
    );
  }
  return tableOf(table, variables, parsed.symbols, out.columns, r.line);
}

function tableOf(
  table: JcampDataTable["table"],
  variables: string,
  symbols: string[],
  columns: Float64Array[],
  line: number,
  extra: Partial<JcampDataTable> = {},
): JcampDataTable {
  const t: JcampDataTable = {
    table,
    variables,
    symbols,
    x: columns[0]!,
    y: columns[1] ?? new Float64Array(columns[0]!.length),
    encodings: ["AFFN"],
    line,
    ...extra,
  };
  if (columns[2]) t.w = columns[2];
  return t;
}

function groupColumns(numbers: number[], symbols: string[], r: RawRecord, source: string) {
  const arity = symbols.length;
  if (numbers.length % arity !== 0) {
    throw new FormatError(
      source,
      `line ${r.line}: ##${r.rawLabel}`,
      `groups of ${arity} numbers`,
      `${numbers.length} numbers`,
      "a group is incomplete; the file may be truncated",
    );
  }
  const n = numbers.length / arity;
  const columns = symbols.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) for (let k = 0; k < arity; k++) columns[k]![i] = numbers[i * arity + k]!;
  return { columns };
}

/** A declared size (`##NPOINTS`), checked to be a sane integer before anything is allocated from it. */
function countClaim(
  block: JcampBlock,
  label: string,
  source: string,
): { value: number; line: number } | undefined {
  const rec = block.records.find((r) => r.label === label);
  if (!rec) return undefined;
  return checkCount(rec.value, rec.line, rec.rawLabel, source);
}

function checkCount(text: string, line: number, rawLabel: string, source: string) {
  const v = Number(text.trim());
  if (!Number.isInteger(v) || v < 0 || v > MAX_JCAMP_POINTS) {
    throw new FormatError(
      source,
      `line ${line}: ##${rawLabel}`,
      `an integer from 0 to ${MAX_JCAMP_POINTS}`,
      `'${text}'`,
    );
  }
  return { value: v, line };
}

/** Evenly spaced abscissa from FIRSTX/LASTX (the standard's definition), else DELTAX, else the line checks. */
function abscissa(
  n: number,
  firstX: number | undefined,
  lastX: number | undefined,
  deltaX: number | undefined,
  decoded: { lineX: number[]; lineIndex: number[] },
  xFactor: number,
): Float64Array {
  const x = new Float64Array(n);
  let x0 = firstX;
  let step: number | undefined;
  if (firstX !== undefined && lastX !== undefined && n > 1) step = (lastX - firstX) / (n - 1);
  else if (firstX !== undefined && deltaX !== undefined) step = deltaX;
  else if (decoded.lineX.length > 0) {
    x0 = decoded.lineX[0]! * xFactor;
    const k = decoded.lineX.length - 1;
    const di = decoded.lineIndex[k]! - decoded.lineIndex[0]!;
    step = di > 0 ? ((decoded.lineX[k]! - decoded.lineX[0]!) * xFactor) / di : (deltaX ?? 1);
  }
  for (let i = 0; i < n; i++) x[i] = (x0 ?? 0) + i * (step ?? 0);
  if (n > 1 && lastX !== undefined && firstX !== undefined) x[n - 1] = lastX;
  return x;
}

/** Warns (once) when a line's X check value is more than half a point away from the computed abscissa. */
function checkAbscissa(
  x: Float64Array,
  decoded: { lineX: number[]; lineIndex: number[]; fileLine: number[] },
  xFactor: number,
  source: string,
  warnings: string[],
): void {
  if (x.length < 2) return;
  const half = Math.abs(x[1]! - x[0]!) / 2 + 1e-9 * Math.abs(x[0]!);
  for (let k = 0; k < decoded.lineX.length; k++) {
    const idx = decoded.lineIndex[k]!;
    if (idx >= x.length) continue;
    const got = decoded.lineX[k]! * xFactor;
    if (Math.abs(got - x[idx]!) > half) {
      warnings.push(
        `${source}: line ${decoded.fileLine[k]}: abscissa check value ${got} differs from the computed ${x[idx]} (point ${idx + 1})`,
      );
      return;
    }
  }
}

function decodePage(
  r: RawRecord,
  nt: JcampNtuples,
  page: { value: string; records: Record<string, string> } | undefined,
  source: string,
  warnings: string[],
): JcampDataTable {
  const { variables, kind } = splitTableValue(r.first);
  const symbolList = (nt.attributes.SYMBOL ?? []).map((s) => s.toUpperCase());
  const parsed = symbolsOf(variables, symbolList);
  if (!parsed) {
    throw new FormatError(
      source,
      `line ${r.line}: ##${r.rawLabel}`,
      "(X++(Y..Y)) or (XY..XY)",
      `'${variables}'`,
    );
  }
  const attr = (label: string, symbol: string): string | undefined => {
    const i = symbolList.indexOf(symbol);
    const list = nt.attributes[label];
    return i >= 0 && list ? list[i] : undefined;
  };
  const num = (label: string, symbol: string) => numberOrUndefined(attr(label, symbol) ?? "");
  const extra: Partial<JcampDataTable> = {
    ...(kind && { kind }),
    ...(page && { page: page.value, pageRecords: page.records }),
  };
  const [xs, ys] = parsed.symbols as [string, string];
  if (!parsed.xpp) {
    const numbers = readAffnNumbers(r.rest, r.line + 1, source);
    const { columns } = groupColumns(numbers, parsed.symbols, r, source);
    parsed.symbols.forEach((s, k) => {
      const f = num("FACTOR", s) ?? 1;
      const col = columns[k]!;
      if (f !== 1) for (let i = 0; i < col.length; i++) col[i] = col[i]! * f;
    });
    return tableOf("DATATABLE", variables, parsed.symbols, columns, r.line, extra);
  }
  const pageCount = page?.records.NPOINTS;
  const dimText = pageCount ?? attr("VARDIM", ys) ?? attr("VARDIM", xs);
  const declared =
    dimText === undefined
      ? undefined
      : checkCount(dimText, r.line, pageCount ? "NPOINTS" : "VAR_DIM", source);
  const decoded = decodeXppY(r.rest, r.line + 1, source, declared?.value);
  const n = decoded.values.length;
  if (declared && declared.value !== n) {
    throw new FormatError(
      source,
      `line ${r.line}: ##${r.rawLabel}${page ? ` (page ${page.value})` : ""}`,
      `${declared.value} points as ${pageCount ? "the page's ##NPOINTS" : "##VAR_DIM"} says`,
      `${n}`,
      "the file is truncated or the declared size is wrong",
    );
  }
  const xFactor = num("FACTOR", xs) ?? 1;
  const yFactor = num("FACTOR", ys) ?? 1;
  const firstX = numberOrUndefined(page?.records.FIRSTX ?? "") ?? num("FIRST", xs);
  const lastX = numberOrUndefined(page?.records.LASTX ?? "") ?? num("LAST", xs);
  const x = abscissa(n, firstX, lastX, undefined, decoded, xFactor);
  checkAbscissa(x, decoded, xFactor, source, warnings);
  const y = decoded.values;
  if (yFactor !== 1) for (let i = 0; i < n; i++) y[i] = y[i]! * yFactor;
  return {
    table: "DATATABLE",
    variables,
    symbols: parsed.symbols,
    x,
    y,
    encodings: decoded.encodings,
    line: r.line,
    ...extra,
  };
}
