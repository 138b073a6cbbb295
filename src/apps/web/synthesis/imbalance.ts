import type { CheckedStep } from "../../../core/synthesis/index.js";

/**
 * Where the two sides of an equation differ, e.g. "Cl 3 → 2; charge 0 → 1"; empty when balanced.
 * @example imbalance(step.balance)
 */
export function imbalance({ elements, charge }: CheckedStep["balance"]): string {
  const parts = Object.entries(elements)
    .filter(([, n]) => n.reactants !== n.products)
    .map(([el, n]) => `${el} ${n.reactants} → ${n.products}`);
  if (charge.reactants !== charge.products) parts.push(`charge ${charge.reactants} → ${charge.products}`);
  return parts.join("; ");
}
