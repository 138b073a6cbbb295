import type { ReactNode } from "react";
import { fixed } from "../format.js";
import type { PkSummary } from "./types.js";

/** Reference values of ixazomib from the project guide (population PK, Gupta 2017). */
const GUIDE = { halfLife_d: 9.5, vss_L: 543, tmax_h: 1 } as const;

function Guide({ children }: { children: ReactNode }) {
  return (
    <td className="pk-summary__guide">
      {children} <span className="pk-summary__tag">guide</span>
    </td>
  );
}

/** Tmax and Cmax after the first dose and over the regimen, AUC, terminal t½ and Vss of a simulated typical subject, with the guide's values beside them. */
export function PkSummaryTable({
  summary,
  firstDose,
}: {
  summary: PkSummary;
  firstDose?: { cmax_ng_mL: number; tmax_h: number } | undefined;
}) {
  return (
    <div className="table-wrap">
      <table className="data pk-summary" data-testid="pk-summary">
        <caption className="visually-hidden">PK summary of the typical subject</caption>
        <thead>
          <tr>
            <th scope="col">Quantity</th>
            <th scope="col">Simulated</th>
            <th scope="col">Reference</th>
          </tr>
        </thead>
        <tbody>
          {firstDose && (
            <tr>
              <th scope="row">
                T<sub>max</sub>, C<sub>max</sub> after the first dose
              </th>
              <td data-testid="pk-first-dose">
                {fixed(firstDose.tmax_h, 2)} <span className="unit">h</span>, {fixed(firstDose.cmax_ng_mL, 2)}{" "}
                <span className="unit">ng/mL</span>
              </td>
              <Guide>
                T<sub>max</sub> {GUIDE.tmax_h} <span className="unit">h</span> (median, sampled)
              </Guide>
            </tr>
          )}
          <tr>
            <th scope="row">
              C<sub>max</sub>
              <span className="props__hint">highest over the regimen</span>
            </th>
            <td data-testid="pk-cmax">
              {fixed(summary.cmax_ng_mL, 2)} <span className="unit">ng/mL</span>{" "}
              <span className="muted" data-testid="pk-tmax">
                at {fixed(summary.tmax_h, 1)} <span className="unit">h</span> (day{" "}
                {Math.floor(summary.tmax_h / 24) + 1})
              </span>
            </td>
            <td className="muted">—</td>
          </tr>
          <tr>
            <th scope="row">AUC</th>
            <td data-testid="pk-auc">
              {fixed(summary.auc_ng_h_mL, 0)} <span className="unit">ng·h/mL</span>
            </td>
            <td className="muted">—</td>
          </tr>
          <tr>
            <th scope="row">Terminal t½</th>
            <td data-testid="pk-halflife">
              {fixed(summary.terminalHalfLife_h, 1)} <span className="unit">h</span>{" "}
              <span className="muted">
                ({fixed(summary.terminalHalfLife_h / 24, 2)} <span className="unit">d</span>)
              </span>
            </td>
            <Guide>
              {GUIDE.halfLife_d} <span className="unit">d</span>
            </Guide>
          </tr>
          <tr>
            <th scope="row">
              V<sub>ss</sub>
            </th>
            <td data-testid="pk-vss">
              {fixed(summary.vss_L, 1)} <span className="unit">L</span>
            </td>
            <Guide>
              {GUIDE.vss_L} <span className="unit">L</span>
            </Guide>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
