/**
 * Molar masses for the synthesis tests, independent of the code under test: the CIAAW 2021 conventional
 * atomic weights (Prohaska et al., Pure Appl. Chem. 2022, 94, 573, Table 2), typed here from the table, of
 * the elements the ixazomib citrate route uses.
 */
export const CIAAW_2021_WEIGHTS: Readonly<Record<string, number>> = {
  H: 1.008,
  B: 10.81,
  C: 12.011,
  N: 14.007,
  O: 15.999,
  F: 18.998,
  Na: 22.99,
  Cl: 35.45,
};

/**
 * g/mol of a Hill formula without charges or brackets, e.g. "C20H23BCl2N2O9".
 * @throws Error for an element without a weight in the table.
 */
export function molarMass(formula: string): number {
  let total = 0;
  for (const [, symbol, count] of formula.matchAll(/([A-Z][a-z]?)(\d*)/g)) {
    const w = CIAAW_2021_WEIGHTS[symbol!];
    if (w === undefined) throw new Error(`no weight for ${symbol}`);
    total += w * (count ? Number(count) : 1);
  }
  return total;
}

/** |a − b| ≤ 1e-9 · max(1, |b|): the plan's consistency tolerance (issue 8). */
export function closeTo1e9(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}
