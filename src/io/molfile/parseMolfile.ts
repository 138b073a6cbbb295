import { FormatError } from "../../core/errors.js";

/** An MDL molfile's text with the version its counts line declares. */
export interface Molfile {
  text: string;
  version: "V2000" | "V3000";
}

/**
 * Decodes and checks an MDL molfile (CTfile formats, BIOVIA 2020): a three-line header, a counts line
 * declaring V2000 or V3000, and an `M  END` line. Chemistry is left to RDKit.
 * @throws FormatError naming the file, the line and what was expected.
 */
export function parseMolfile(bytes: Uint8Array, source = "<memory>"): Molfile {
  if (bytes.includes(0)) throw new FormatError(source, "file", "a text molfile", "binary data (NUL bytes)");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError(source, "file", "UTF-8 or ASCII text", "bytes that are not valid UTF-8");
  }
  const lines = text.split(/\r?\n/);
  if (lines.length < 4 || text.trim() === "") {
    throw new FormatError(source, "header", "a 3-line header and a counts line", `${lines.length} line(s)`);
  }
  const counts = lines[3] ?? "";
  const version = /V3000/.test(counts) ? "V3000" : /V2000/.test(counts) ? "V2000" : undefined;
  if (!version) {
    throw new FormatError(
      source,
      "line 4 (counts line)",
      "'V2000' or 'V3000'",
      `'${counts.trim()}'`,
      "Is this an MDL molfile?",
    );
  }
  if (!lines.some((line) => line.startsWith("M  END"))) {
    throw new FormatError(source, "end", "an 'M  END' line", "none", "Is the file truncated?");
  }
  // An SD file's first record is a molfile; keep only that record so RDKit sees one structure.
  const end = text.indexOf("M  END");
  return { text: `${text.slice(0, end)}M  END\n`, version };
}
