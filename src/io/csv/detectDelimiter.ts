/**
 * The delimiter of a delimited-text table from its header line: whichever of tab, comma and semicolon
 * occurs most often outside double quotes (comma when none does).
 * @example detectDelimiter("Time\tA1\tA2") // "\t"
 */
export function detectDelimiter(header: string): string {
  let tabs = 0;
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 9) tabs++;
    else if (c === 44) commas++;
    else if (c === 59) semicolons++;
  }
  if (tabs >= commas && tabs >= semicolons && tabs > 0) return "\t";
  if (semicolons > commas) return ";";
  return ",";
}
