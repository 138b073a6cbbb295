import { FormatError } from "../../core/errors.js";
import { splitDelimited } from "../csv/splitDelimited.js";

/** One structure of a SMILES list, with the 1-based line it came from and its name when the list gives one. */
export interface SmilesListEntry {
  line: number;
  smiles: string;
  name?: string;
}

/** Header names taken as a structure's name in a CSV/TSV list, in order of preference. */
const NAME_COLUMNS = ["name", "id", "compound", "title"];

/**
 * A line-at-a-time parser for SMILES lists: either a SMILES file (one SMILES per line, optionally
 * followed by whitespace and a name, as in `.smi` files) or a CSV/TSV whose header has a `smiles` column
 * (RFC 4180 quoting). Blank lines and `#` comments are skipped. Stateful: feed lines in order.
 * @throws FormatError naming the file and line for a CSV without a `smiles` column or a broken row.
 */
export function createSmilesListParser(source = "<memory>") {
  let mode:
    | { kind: "plain" }
    | { kind: "table"; delimiter: string; column: number; width: number; nameColumn: number }
    | undefined;
  return (text: string, line: number): SmilesListEntry | undefined => {
    const content = text.replace(/\r$/, "");
    if (content.trim() === "" || content.startsWith("#")) return undefined;
    if (!mode) {
      mode = detectMode(content, source, line);
      if (mode.kind === "table" || /^smiles$/i.test(content.trim())) return undefined;
    }
    if (mode.kind === "plain") {
      // A .smi line: the SMILES, then optionally whitespace and a name (which may hold spaces).
      const [smiles = "", ...rest] = content.trim().split(/\s+/);
      const name = rest.join(" ");
      return name ? { line, smiles, name } : { line, smiles };
    }
    const fields = splitDelimited(content, mode.delimiter, source, line);
    const smiles = fields[mode.column]?.trim() ?? "";
    if (smiles === "") {
      throw new FormatError(source, `line ${line}`, "a value in the 'smiles' column", "an empty field");
    }
    const name = mode.nameColumn >= 0 ? (fields[mode.nameColumn]?.trim() ?? "") : "";
    return name ? { line, smiles, name } : { line, smiles };
  };
}

function detectMode(header: string, source: string, line: number) {
  for (const delimiter of [",", "\t", ";"]) {
    if (!header.includes(delimiter)) continue;
    const fields = splitDelimited(header, delimiter, source, line).map((f) => f.trim().toLowerCase());
    const column = fields.indexOf("smiles");
    const nameColumn = NAME_COLUMNS.map((n) => fields.indexOf(n)).find((i) => i >= 0) ?? -1;
    if (column >= 0) return { kind: "table" as const, delimiter, column, width: fields.length, nameColumn };
    if (!/\s/.test(header.trim())) {
      throw new FormatError(
        source,
        `line ${line} (header)`,
        "a 'smiles' column",
        `columns ${fields.map((f) => `'${f}'`).join(", ")}`,
        "Name the structure column 'smiles', or give one SMILES per line",
      );
    }
  }
  return { kind: "plain" as const };
}
