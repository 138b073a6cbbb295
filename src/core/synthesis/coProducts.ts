import type { CheckedSpecies } from "./checkRoute.js";

/** One co-product of a step with how many molecules of it the equation releases. */
export interface CoProductCount {
  count: number;
  name: string;
  formula: string;
}

/**
 * A step's co-products as a chemist writes them: identical species counted ("2 H2O"), not repeated
 * ("water, water"), in the order they first appear.
 * @example groupCoProducts([water, water]) // [{ count: 2, name: "water", formula: "H2O" }]
 */
export function groupCoProducts(
  coProducts: readonly Pick<CheckedSpecies, "name" | "formula">[],
): CoProductCount[] {
  const groups: CoProductCount[] = [];
  for (const c of coProducts) {
    const same = groups.find((g) => g.name === c.name && g.formula === c.formula);
    if (same) same.count++;
    else groups.push({ count: 1, name: c.name, formula: c.formula });
  }
  return groups;
}

/** "2 H2O (water) + HCl (hydrogen chloride)". */
export function coProductText(coProducts: readonly Pick<CheckedSpecies, "name" | "formula">[]): string {
  return groupCoProducts(coProducts)
    .map((g) => `${g.count > 1 ? `${g.count} ` : ""}${g.formula} (${g.name})`)
    .join(" + ");
}
