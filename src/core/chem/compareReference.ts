/** How a reference value is checked against a computed one. */
export interface ReferenceComparison {
  /** Name of the computed quantity (a key of the values passed to {@link compareReference}). */
  computed: string;
  /**
   * Absolute tolerance, or "last-digit": half a unit in the last decimal the reference states
   * (517.12 → ±0.005). Strings are compared exactly.
   */
  tolerance?: number | "last-digit";
}

/** A published value of a property, as the guide or another source states it. */
export interface ReferenceValue {
  table: string;
  property: string;
  value: number | string;
  unit: string | null;
  source: string;
  note?: string;
  compare?: ReferenceComparison;
}

/** A reference value with, where Ixalab can compute the property, the computed value and the verdict. */
export interface CheckedReferenceValue extends Omit<ReferenceValue, "compare"> {
  computed?: number | string;
  computedMethod?: string;
  agrees?: boolean;
}

/** A computed quantity and the method that produced it. */
export interface ComputedQuantity {
  value: number | string;
  method: string;
}

/**
 * Puts computed values beside reference values and says whether each pair agrees within its tolerance.
 * Entries with no comparison, or whose quantity is not among `computed`, are passed through unchecked.
 */
export function compareReference(
  entries: readonly ReferenceValue[],
  computed: Readonly<Record<string, ComputedQuantity>>,
): CheckedReferenceValue[] {
  return entries.map(({ compare, ...entry }) => {
    const quantity = compare ? computed[compare.computed] : undefined;
    if (!compare || !quantity) return entry;
    return {
      ...entry,
      computed: quantity.value,
      computedMethod: quantity.method,
      agrees: valuesAgree(entry.value, quantity.value, compare.tolerance ?? 0),
    };
  });
}

function valuesAgree(
  reference: number | string,
  computed: number | string,
  tolerance: number | "last-digit",
) {
  if (typeof reference === "string" || typeof computed === "string")
    return String(reference) === String(computed);
  const allowed = tolerance === "last-digit" ? halfLastDigit(reference) : tolerance;
  // A relative epsilon keeps 517.12 vs 517.125 (exactly half a digit apart) from failing on rounding.
  return Math.abs(reference - computed) <= allowed * (1 + 1e-9);
}

/** Half a unit in the last decimal place of a number as written in JSON (517.12 → 0.005, 58 → 0.5). */
export function halfLastDigit(value: number): number {
  const decimals = /\.(\d+)$/.exec(String(value))?.[1]?.length ?? 0;
  return 0.5 * 10 ** -decimals;
}
