import { csvField } from "./formatConcentrationCsv.js";
import type { SubjectParameterRow } from "./parseSubjectParameters.js";

/**
 * Writes subject parameters as the `params.csv` that {@link parseSubjectParameters} reads: `id`, then
 * one column per name in order of first appearance; a name a row lacks is an empty cell.
 * @example formatSubjectParameters([{ id: "1", values: { CL: 1.86 } }]) // "id,CL\n1,1.86\n"
 */
export function formatSubjectParameters(rows: readonly SubjectParameterRow[]): string {
  const names: string[] = [];
  const known = new Set<string>();
  for (const row of rows) {
    for (const name of Object.keys(row.values)) {
      if (!known.has(name)) {
        known.add(name);
        names.push(name);
      }
    }
  }
  const lines = [["id", ...names].map(csvField).join(",")];
  for (const row of rows) {
    lines.push(
      [csvField(row.id), ...names.map((n) => (n in row.values ? String(row.values[n]) : ""))].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
