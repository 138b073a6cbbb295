import { compact } from "../format.js";
import type { NcaResult } from "./types.js";

function value(v: number | null | undefined, digits = 4): string {
  return v === null || v === undefined ? "—" : compact(v, digits);
}

const COLUMNS = [
  { key: "cmax", label: "Cmax", unit: "ng/mL" },
  { key: "tmax", label: "Tmax", unit: "h" },
  { key: "clast", label: "Clast", unit: "ng/mL" },
  { key: "tlast", label: "Tlast", unit: "h" },
  { key: "auclast", label: "AUClast", unit: "ng·h/mL" },
  { key: "aucinf", label: "AUCinf", unit: "ng·h/mL" },
  { key: "aucPctExtrap", label: "% extrap.", unit: "%" },
  { key: "lambdaZ", label: "λz", unit: "1/h" },
  { key: "halfLife", label: "t½", unit: "h" },
  { key: "r2adj", label: "R² adj.", unit: "" },
  { key: "pointsUsed", label: "Points", unit: "" },
  { key: "clF", label: "CL/F", unit: "L/h" },
  { key: "vzF", label: "Vz/F", unit: "L" },
] as const;

/** The result of pk.nca: one row per subject, warnings under it. */
export function NcaTable({ result }: { result: NcaResult }) {
  if (result.subjects.length === 0) return <p className="empty">No subjects in the data.</p>;
  return (
    <div className="table-wrap">
      <table className="data nca-table" data-testid="nca-table">
        <caption className="visually-hidden">Non-compartmental analysis per subject</caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            {COLUMNS.map((c) => (
              <th scope="col" className="num" key={c.key}>
                {c.label}
                {c.unit && <span className="nca-table__unit">{c.unit}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.subjects.map((s) => (
            <tr key={String(s.id)} data-subject={String(s.id)}>
              <th scope="row">
                {String(s.id)}
                {s.warnings?.length > 0 && (
                  <ul className="nca-table__warnings">
                    {s.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                )}
              </th>
              {COLUMNS.map((c) => (
                <td className="num" key={c.key}>
                  {value(s[c.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
