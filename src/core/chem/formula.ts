/** Element symbol → atom count. */
export type ElementCounts = Record<string, number>;

/**
 * Writes a molecular formula in Hill order: C, then H, then the rest alphabetically; with no carbon,
 * everything alphabetically (H included). A net charge is appended as RDKit does (`+`, `-`, `+2`).
 * @example hillFormula({ C: 2, H: 6, O: 1 }) // "C2H6O"
 */
export function hillFormula(counts: ElementCounts, charge = 0): string {
  const symbols = Object.keys(counts).filter((s) => (counts[s] ?? 0) > 0);
  const hasCarbon = symbols.includes("C");
  symbols.sort((a, b) => hillRank(a, hasCarbon) - hillRank(b, hasCarbon) || (a < b ? -1 : a > b ? 1 : 0));
  const body = symbols.map((s) => (counts[s] === 1 ? s : `${s}${counts[s]}`)).join("");
  if (charge === 0) return body;
  const sign = charge > 0 ? "+" : "-";
  return Math.abs(charge) === 1 ? `${body}${sign}` : `${body}${sign}${Math.abs(charge)}`;
}

function hillRank(symbol: string, hasCarbon: boolean): number {
  if (!hasCarbon) return 0;
  return symbol === "C" ? 0 : symbol === "H" ? 1 : 2;
}

/** Adds `b` times `factor` into a copy of `a`. */
export function addCounts(a: ElementCounts, b: ElementCounts, factor = 1): ElementCounts {
  const out: ElementCounts = { ...a };
  for (const [symbol, n] of Object.entries(b)) out[symbol] = (out[symbol] ?? 0) + n * factor;
  return out;
}
