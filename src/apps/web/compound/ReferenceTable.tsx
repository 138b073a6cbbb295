import type { ReferenceRow } from "../api.js";
import { AgreementMark } from "../components/AgreementMark.js";
import { formatComparable, formatGuide } from "../format.js";

function withUnit(text: string, unit: string | null): string {
  return unit ? `${text} ${unit}` : text;
}

/** One table of guide values (physicochemical or pharmacokinetic) against what Ixalab computes. */
export function ReferenceTable({ title, rows }: { title: string; rows: ReferenceRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data reference" data-testid={`reference-${title.toLowerCase()}`}>
        <caption>{title}</caption>
        <colgroup>
          <col style={{ width: "17%" }} />
          <col style={{ width: "15%" }} />
          <col style={{ width: "17%" }} />
          <col style={{ width: "13%" }} />
          <col style={{ width: "16%" }} />
          <col style={{ width: "22%" }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Property</th>
            <th scope="col" className="num">
              Guide value
            </th>
            <th scope="col">Source</th>
            <th scope="col" className="num">
              Computed
            </th>
            <th scope="col">Method</th>
            <th scope="col">Agreement</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.table}:${row.property}`}>
              <th scope="row">{row.property}</th>
              <td className={typeof row.value === "number" ? "num nowrap" : "num"}>
                {withUnit(formatGuide(row.value), row.unit)}
              </td>
              <td className="reference__source">{row.source}</td>
              <td className="num nowrap">
                {row.computed === undefined ? (
                  <span className="muted">—</span>
                ) : (
                  withUnit(
                    formatComparable(row.computed, row.value),
                    typeof row.computed === "number" ? row.unit : null,
                  )
                )}
              </td>
              <td className="reference__method">{row.computedMethod ?? <span className="muted">—</span>}</td>
              <td className="reference__agreement">
                <AgreementMark agrees={row.computed === undefined ? undefined : row.agrees} note={row.note} />
                {row.note && <span className="note">{row.note}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
