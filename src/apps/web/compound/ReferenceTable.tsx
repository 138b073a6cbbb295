import type { ReactNode } from "react";
import type { ReferenceRow } from "../api.js";
import { AgreementMark } from "../components/AgreementMark.js";
import { Formula } from "../components/Formula.js";
import { formatComparable, formatGuide } from "../format.js";

function withUnit(text: string, unit: string | null): string {
  return unit ? `${text} ${unit}` : text;
}

/** A guide or computed value; molecular formulas get subscripts. */
function show(row: ReferenceRow, text: string): ReactNode {
  return /formula/i.test(row.property) ? <Formula formula={text} /> : text;
}

/**
 * One table of guide values (physicochemical or pharmacokinetic) beside what Ixalab computes. Each row is
 * a different quantity, so values are left-aligned: there is no common decimal point to align on.
 */
export function ReferenceTable({ title, rows }: { title: string; rows: ReferenceRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data reference" data-testid={`reference-${title.toLowerCase()}`}>
        <caption>{title}</caption>
        <colgroup>
          <col className="reference__col-property" />
          <col className="reference__col-guide" />
          <col className="reference__col-source" />
          <col className="reference__col-computed" />
          <col className="reference__col-mark" />
          <col className="reference__col-method" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Property</th>
            <th scope="col">Guide value</th>
            <th scope="col">Source</th>
            <th scope="col">Computed</th>
            <th scope="col">
              <span className="visually-hidden">Agreement</span>
              <span aria-hidden="true">Agrees</span>
            </th>
            <th scope="col">Method</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.table}:${row.property}`}>
              <th scope="row">{row.property}</th>
              <td data-label="Guide value">
                <div>
                  <span
                    className={
                      typeof row.value === "number" || /formula/i.test(row.property)
                        ? "reference__value"
                        : "reference__text"
                    }
                  >
                    {show(row, withUnit(formatGuide(row.value), row.unit))}
                  </span>
                  {row.note && <span className="note">{row.note}</span>}
                </div>
              </td>
              <td className="reference__source" data-label="Source">
                {row.source}
              </td>
              <td data-label="Computed">
                {row.computed === undefined ? (
                  <span className="muted">—</span>
                ) : (
                  <span className="reference__value">
                    {show(
                      row,
                      withUnit(
                        formatComparable(row.computed, row.value),
                        typeof row.computed === "number" ? row.unit : null,
                      ),
                    )}
                  </span>
                )}
              </td>
              <td className="reference__mark" data-label="Agreement">
                <AgreementMark agrees={row.computed === undefined ? undefined : row.agrees} note={row.note} />
              </td>
              <td className="reference__method" data-label="Method">
                {row.computedMethod ?? <span className="muted">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
