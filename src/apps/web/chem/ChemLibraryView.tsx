import { useEffect, useMemo } from "react";
import { csvDocument } from "../../../core/csv.js";
import type { ChemLibraryResult, LibraryRow } from "../../../kinds/chemLibrary.js";
import { Formula } from "../components/Formula.js";
import { fixed } from "../format.js";

/** The chem.library result, or undefined for other kinds or unexpected shapes. */
export function chemLibraryResultOf(kind: string, result: unknown): ChemLibraryResult | undefined {
  if (kind !== "chem.library" || typeof result !== "object" || result === null) return undefined;
  return Array.isArray((result as ChemLibraryResult).rows) ? (result as ChemLibraryResult) : undefined;
}

const COLUMNS = [
  "line",
  "name",
  "smiles",
  "formula",
  "averageMass",
  "clogp",
  "tpsa",
  "lipinskiHbd",
  "lipinskiHba",
  "rotatableBonds",
  "rings",
  "inchiKey",
  "ruleOfFiveViolations",
  "error",
] as const;

/** RFC 4180 CSV of the library rows, full precision: what goes on into a spreadsheet or a notebook. */
export function libraryCsv(rows: readonly LibraryRow[]): string {
  return csvDocument(
    COLUMNS,
    rows.map((r) => COLUMNS.map((c) => (r as Record<string, unknown>)[c])),
  );
}

/** A structure library's properties: counts, the table, and the CSV to take away. */
export function ChemLibraryView({ result }: { result: ChemLibraryResult }) {
  const href = useMemo(
    () => URL.createObjectURL(new Blob([libraryCsv(result.rows)], { type: "text/csv" })),
    [result.rows],
  );
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <div data-testid="chem-library-result">
      <p className="result-summary">
        <span>
          <strong>{result.structures}</strong> structures
        </span>
        <span>
          <strong className={result.failed > 0 ? "bad" : undefined}>{result.failed}</strong> unreadable
        </span>
        <span>
          <strong>{result.ruleOfFiveFailures}</strong> with more than one rule-of-five violation
        </span>
        <a className="button button--small" href={href} download="library-properties.csv">
          Export CSV
        </a>
      </p>
      <div className="table-wrap">
        <table className="data" data-testid="chem-library">
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Name</th>
              <th scope="col">Formula</th>
              <th scope="col" className="num">
                MW (g/mol)
              </th>
              <th scope="col" className="num">
                cLogP
              </th>
              <th scope="col" className="num">
                TPSA (Å²)
              </th>
              <th scope="col" className="num">
                HBD
              </th>
              <th scope="col" className="num">
                HBA
              </th>
              <th scope="col" className="num">
                Rot. bonds
              </th>
              <th scope="col" className="num">
                Ro5 violations
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.line}>
                <td className="num">{r.line}</td>
                <th scope="row">{r.name ?? <span className="mono muted">{r.smiles}</span>}</th>
                {"error" in r ? (
                  <td colSpan={8} className="bad">
                    {r.error}
                  </td>
                ) : (
                  <>
                    <td>
                      <Formula formula={r.formula} />
                    </td>
                    <td className="num">{fixed(r.averageMass, 2)}</td>
                    <td className="num">{fixed(r.clogp, 2)}</td>
                    <td className="num">{fixed(r.tpsa, 1)}</td>
                    <td className="num">{r.lipinskiHbd}</td>
                    <td className="num">{r.lipinskiHba}</td>
                    <td className="num">{r.rotatableBonds}</td>
                    <td className="num">
                      <strong className={r.ruleOfFiveViolations > 1 ? "bad" : undefined}>
                        {r.ruleOfFiveViolations}
                      </strong>
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
