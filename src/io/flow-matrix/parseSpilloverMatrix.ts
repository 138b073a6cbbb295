import type { SpectrumMatrix } from "../../core/assays/flow/gating/index.js";
import { FormatError } from "../../core/errors.js";

/**
 * A spillover matrix from text as FlowJo, FlowKit and flowCore write it: a header row of detector names
 * (`$PnN`), then one row per fluorochrome, optionally led by its name (FlowJo, R `write.table`); comma,
 * semicolon, tab or space separated, names optionally quoted. Row i, column j is the fraction of
 * fluorochrome i seen in detector j (FCS 3.1 `$SPILLOVER` orientation). Named rows may come in any order
 * and are put in header order; unnamed rows are taken in header order (FlowKit's CSV).
 * @throws FormatError naming the file, line and what is wrong (a non-square matrix, a non-number, a row
 *   name not among the detectors).
 */
export function parseSpilloverMatrix(text: string, source = "<memory>"): SpectrumMatrix {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ number: i + 1, fields: splitFields(line) }))
    .filter((l) => l.fields.length > 0);
  const header = lines[0];
  if (!header) throw new FormatError(source, "line 1", "a header row of detector names", "an empty file");
  // A leading empty cell (R's write.csv, FlowJo) labels the row-name column.
  const detectors = header.fields[0] === "" ? header.fields.slice(1) : header.fields;
  const n = detectors.length;
  const rows = lines.slice(1);
  if (n === 0 || detectors.some((d) => d === "" || isNumeric(d))) {
    throw new FormatError(source, "line 1", "detector names ($PnN)", `'${header.fields.join(",")}'`);
  }
  if (new Set(detectors).size !== n)
    throw new FormatError(source, "line 1", "distinct detector names", `'${detectors.join(",")}'`);
  if (rows.length !== n)
    throw new FormatError(
      source,
      `line ${header.number + 1}…`,
      `${n} matrix rows (one per detector)`,
      `${rows.length}`,
    );
  const byName = new Map<string, number[]>();
  const unnamed: number[][] = [];
  for (const row of rows) {
    const named = row.fields.length === n + 1;
    if (!named && row.fields.length !== n) {
      throw new FormatError(
        source,
        `line ${row.number}`,
        `${n} values (optionally after a row name)`,
        `${row.fields.length} fields`,
      );
    }
    const cells = named ? row.fields.slice(1) : row.fields;
    const values = cells.map((cell, j) => {
      const v = Number(cell);
      if (cell === "" || !Number.isFinite(v))
        throw new FormatError(
          source,
          `line ${row.number}, column '${detectors[j]}'`,
          "a number",
          `'${cell}'`,
        );
      return v;
    });
    if (!named) {
      unnamed.push(values);
      continue;
    }
    const name = row.fields[0]!;
    if (!detectors.includes(name))
      throw new FormatError(
        source,
        `line ${row.number}`,
        `a row name among ${detectors.join(", ")}`,
        `'${name}'`,
      );
    if (byName.has(name))
      throw new FormatError(source, `line ${row.number}`, "one row per detector", `'${name}' twice`);
    byName.set(name, values);
  }
  if (byName.size > 0 && unnamed.length > 0)
    throw new FormatError(source, "rows", "every row named or none", "a mix");
  const coefficients = byName.size > 0 ? detectors.map((d) => byName.get(d)!) : unnamed;
  return { fluorochromes: [...detectors], detectors: [...detectors], coefficients };
}

/** Fields of one line: quoted or bare, separated by a comma, semicolon or tab, else by spaces. */
function splitFields(line: string): string[] {
  if (line.trim() === "") return [];
  const separator = /[,;\t]/.exec(line.replace(/"[^"]*"/g, ""))?.[0];
  const fields: string[] = [];
  let i = 0;
  const at = (k: number) => line[k] ?? "";
  while (i <= line.length) {
    if (separator === undefined) while (at(i) === " ") i++;
    if (i >= line.length && separator === undefined) break;
    let field = "";
    if (at(i) === '"') {
      i++;
      while (i < line.length && !(at(i) === '"' && at(i + 1) !== '"')) {
        field += at(i) === '"' ? '"' : at(i);
        i += at(i) === '"' ? 2 : 1;
      }
      i++;
      while (i < line.length && at(i) !== (separator ?? " ")) i++;
    } else {
      while (i < line.length && at(i) !== (separator ?? " ")) field += at(i++);
    }
    fields.push(field.trim());
    i++;
  }
  return fields;
}

function isNumeric(text: string): boolean {
  return text.trim() !== "" && Number.isFinite(Number(text));
}

/**
 * A spillover matrix as CSV in FlowJo's layout (an empty corner cell, detector names across, each row led
 * by its fluorochrome's detector), which {@link parseSpilloverMatrix} reads back. Values in the
 * shortest form that reads back to the same double, so the matrix round-trips exactly.
 */
export function formatSpilloverMatrix(matrix: SpectrumMatrix): string {
  const quote = (name: string) => (/[",;\t\s]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name);
  const lines = [["", ...matrix.detectors.map(quote)].join(",")];
  matrix.coefficients.forEach((row, i) => {
    lines.push([quote(matrix.fluorochromes[i] ?? ""), ...row.map((v) => String(v))].join(","));
  });
  return `${lines.join("\n")}\n`;
}
