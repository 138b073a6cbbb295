import { useMemo } from "react";
import { compact, fixed } from "../format.js";
import { aucPercentiles } from "./pkMath.js";
import type { PkPopulationResult } from "./types.js";

const LEVELS = [5, 50, 95] as const;

function hours(h: number): string {
  return Number.isInteger(h / 24) ? `${compact(h)} h (day ${compact(h / 24 + 1)})` : `${compact(h)} h`;
}

/** Population AUC per window: 5th, 50th and 95th percentiles over the subjects, computed here. */
export function PkAucTable({ result }: { result: PkPopulationResult }) {
  const rows = useMemo(
    () => aucPercentiles(result.aucWindows, result.subjects, LEVELS),
    [result.aucWindows, result.subjects],
  );
  return (
    <div className="table-wrap">
      <table className="data" data-testid="pk-auc-table">
        <caption>AUC (ng·h/mL) over {result.subjects.length} subjects</caption>
        <thead>
          <tr>
            <th scope="col">Window</th>
            {LEVELS.map((level) => (
              <th scope="col" className="num" key={level}>
                P{level}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.window[0]}-${row.window[1]}`} data-testid="pk-auc-window">
              <th scope="row">
                {hours(row.window[0])} – {hours(row.window[1])}
              </th>
              {row.values.map((value, i) => (
                <td className="num" key={LEVELS[i]}>
                  {fixed(value, 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
