import { FormatError } from "../../core/errors.js";

/** One row of a concentration-series design: an FCS file (relative to the design file) and its dose. */
export interface FlowDesignRow {
  file: string;
  conc_nM: number;
}

/**
 * A concentration-series design CSV: a header with columns `file` and `conc_nM` (any order, other columns
 * ignored, names case-insensitive), then one row per FCS file. Comma or semicolon separated; a file name
 * may be double-quoted.
 * @throws FormatError naming the file, line and column of a missing column, an empty file name or a
 *   concentration that is not a number ≥ 0.
 */
export function parseFlowDesign(text: string, source = "<memory>"): FlowDesignRow[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ number: i + 1, line }))
    .filter((l) => l.line.trim() !== "");
  const header = lines[0];
  if (!header) throw new FormatError(source, "line 1", "a header 'file,conc_nM'", "an empty file");
  const separator = header.line.includes(";") && !header.line.includes(",") ? ";" : ",";
  const split = (line: string) => line.split(separator).map((f) => f.trim().replace(/^"(.*)"$/, "$1"));
  const names = split(header.line).map((n) => n.toLowerCase());
  const fileCol = names.indexOf("file");
  const concCol = names.indexOf("conc_nm");
  if (fileCol < 0 || concCol < 0)
    throw new FormatError(source, "line 1", "columns 'file' and 'conc_nM'", `'${header.line.trim()}'`);
  const rows = lines.slice(1).map(({ number, line }) => {
    const fields = split(line);
    const file = fields[fileCol] ?? "";
    const concText = fields[concCol] ?? "";
    const conc = Number(concText);
    if (file === "")
      throw new FormatError(source, `line ${number}, column 'file'`, "an FCS file name", "nothing");
    if (concText === "" || !Number.isFinite(conc) || conc < 0)
      throw new FormatError(
        source,
        `line ${number}, column 'conc_nM'`,
        "a concentration ≥ 0 (nM)",
        `'${concText}'`,
      );
    return { file, conc_nM: conc };
  });
  if (rows.length === 0) throw new FormatError(source, "rows", "at least one FCS file", "none");
  return rows;
}
