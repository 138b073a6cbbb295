import { formatProperty, propertyMeta } from "../format.js";
import { Formula } from "./Formula.js";
import { JsonView } from "./JsonView.js";

export interface PropertyValueProps {
  /** Property key ("averageMass", "result.tpsa"); picks label, unit and rounding. */
  name: string;
  value: unknown;
  testId?: string;
}

/** One property value, rounded and with its unit; formulas get subscripts, identifiers a monospace font. */
export function PropertyValue({ name, value, testId }: PropertyValueProps) {
  const meta = propertyMeta(name);
  if (value === null || value === undefined || value === "") {
    return (
      <span className="muted" data-testid={testId}>
        —
      </span>
    );
  }
  if (typeof value === "number") {
    return (
      <span className="num" data-testid={testId}>
        {formatProperty(name, value)}
        {meta.unit && <span className="unit"> {meta.unit}</span>}
      </span>
    );
  }
  if (typeof value === "string") {
    if (meta.formula) return <Formula formula={value} testId={testId} />;
    return (
      <span className={meta.mono ? "mono wrap-anywhere" : undefined} data-testid={testId}>
        {value}
      </span>
    );
  }
  if (typeof value === "boolean") return <span data-testid={testId}>{value ? "yes" : "no"}</span>;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
    return <span data-testid={testId}>{value.map(String).join(", ") || "—"}</span>;
  }
  return <JsonView value={value} summary={Array.isArray(value) ? `${value.length} items` : "details"} />;
}
