import type { ReactNode } from "react";
import { propertyMeta } from "../format.js";
import { PropertyValue } from "./PropertyValue.js";

export interface PropertyRow {
  key: string;
  value: unknown;
  /** Overrides the label from the property metadata. */
  label?: string;
  /** Extra content under the label (method, source). */
  detail?: ReactNode;
  testId?: string;
}

/** A two-column property/value table with labels, units and method hints. */
export function PropertyTable({
  rows,
  caption,
  testId,
}: {
  rows: PropertyRow[];
  caption?: string;
  testId?: string;
}) {
  return (
    <table className="props" data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <tbody>
        {rows.map((row) => {
          const meta = propertyMeta(row.key);
          return (
            <tr key={row.key} data-property={row.key}>
              <th scope="row">
                {row.label ?? meta.label}
                {(row.detail ?? meta.hint) && <span className="props__hint">{row.detail ?? meta.hint}</span>}
              </th>
              <td>
                <PropertyValue name={row.key} value={row.value} testId={row.testId} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
