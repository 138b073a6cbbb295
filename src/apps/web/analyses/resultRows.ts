import type { PropertyRow } from "../components/PropertyTable.js";
import { humanize, PROPERTY_META } from "../format.js";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const KNOWN_ORDER = Object.keys(PROPERTY_META);

/**
 * Known properties in their usual order (formula, masses, descriptors, identifiers), others after them
 * as given. Stored results come back from JSONB with their keys reordered, so the order is restored here.
 */
function inDisplayOrder(object: Record<string, unknown>): [string, unknown][] {
  const rank = (key: string) => {
    const index = KNOWN_ORDER.indexOf(key);
    return index < 0 ? KNOWN_ORDER.length : index;
  };
  return Object.entries(object).sort(([a], [b]) => rank(a) - rank(b));
}

/**
 * Rows for a result object: nested objects are flattened ("properties.tpsa"), so a result shaped either
 * `{ formula, tpsa }` or `{ properties: { formula, tpsa } }` reads as one property table.
 */
export function resultRows(result: Record<string, unknown>, prefix = "", depth = 0): PropertyRow[] {
  const rows: PropertyRow[] = [];
  for (const [key, value] of inDisplayOrder(result)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && depth < 2) {
      rows.push(...resultRows(value, path, depth + 1));
      continue;
    }
    const known = key in PROPERTY_META;
    const label = known || !prefix ? undefined : path.split(".").map(humanize).join(" › ");
    rows.push({ key: path, value, label, testId: `result-${key}` });
  }
  return rows;
}

/** True when a result is an object whose properties are best shown as a table. */
export function isTabular(result: unknown): result is Record<string, unknown> {
  return isPlainObject(result) && Object.keys(result).length > 0;
}
