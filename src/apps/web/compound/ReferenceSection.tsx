import type { ReferenceRow } from "../api.js";
import { capitalize } from "../format.js";
import { ReferenceTable } from "./ReferenceTable.js";

const TABLE_ORDER = ["physicochemical", "pharmacokinetic"];

function groupByTable(rows: ReferenceRow[]): [string, ReferenceRow[]][] {
  const groups = new Map<string, ReferenceRow[]>();
  for (const row of rows) {
    const group = groups.get(row.table);
    if (group) group.push(row);
    else groups.set(row.table, [row]);
  }
  const rank = (table: string) => {
    const index = TABLE_ORDER.indexOf(table);
    return index < 0 ? TABLE_ORDER.length : index;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

/** The guide's reference values, one table per kind, each checked against the computed value. */
export function ReferenceSection({ rows }: { rows: ReferenceRow[] }) {
  return (
    <section className="card" aria-labelledby="reference-heading">
      <h2 id="reference-heading">Reference values</h2>
      {rows.length === 0 ? (
        <p className="muted">No reference values are recorded for this compound.</p>
      ) : (
        <>
          <p className="card__lead">
            Published values with their source, beside the value computed from the structure.{" "}
            <span className="legend">
              <span className="mark mark--agrees" aria-hidden="true">
                ✓
              </span>{" "}
              agrees ·{" "}
              <span className="mark mark--differs" aria-hidden="true">
                ✗
              </span>{" "}
              differs ·{" "}
              <span className="mark mark--none" aria-hidden="true">
                —
              </span>{" "}
              not computable
            </span>
          </p>
          {groupByTable(rows).map(([table, group]) => (
            <ReferenceTable key={table} title={capitalize(table)} rows={group} />
          ))}
        </>
      )}
    </section>
  );
}
