import type { ElementCounts } from "../../chem/formula.js";
import { InputError } from "../../errors.js";
import { FormulaError, parseFormula } from "./parseFormula.js";

/** An ion type in the bracket notation, e.g. `[M+H]+`, `[2M+Na]+`, `[M+2H]2+`, `[M+H-H2O]+`. */
export interface Adduct {
  /** The notation written back with ASCII signs, e.g. `[M+H-H2O]+`. */
  name: string;
  /** How many molecules M the ion holds (`[2M+H]+` → 2). */
  multimer: number;
  /** Signed net charge (`[M-H]-` → −1, `[M+2H]2+` → 2). */
  charge: number;
  /** Atoms added (positive) or removed (negative) to k·M. */
  delta: ElementCounts;
}

/** Common names accepted without brackets, for convenience in forms. */
const ALIASES: Readonly<Record<string, string>> = { "M+": "[M]+", "M-": "[M]-", M: "[M]" };

/**
 * Parses an ion type in the bracket notation `[kM±n·X±…]z±`: any multimer k, any formula X with a
 * multiplier, several terms, and the charge after the bracket (`+`, `2+`, `-`, `3-`). Unicode minus
 * signs (−) are read as `-`. `[M]` (no charge) is the neutral molecule.
 * @throws FormulaError pointing a caret at the first character that does not fit.
 * @example parseAdduct("[M+H-H2O]+") // { name: "[M+H-H2O]+", multimer: 1, charge: 1, delta: { H: -1, O: -1 } }
 */
export function parseAdduct(notation: string): Adduct {
  const original = notation.trim();
  const text = (ALIASES[original] ?? original).replace(/[−–]/g, "-");
  const fail = (at: number, expected: string) => new FormulaError(text, at + 1, expected, "ion");
  let at = 0;
  if (text[at] !== "[") throw fail(at, "'[' (ion notation such as [M+H]+, [M-H]-, [M+Na]+)");
  at++;
  let digits = "";
  while (/[0-9]/.test(text[at] ?? "")) digits += text[at++];
  const multimer = digits === "" ? 1 : Number(digits);
  if (multimer < 1) throw fail(at - 1, "a multimer count of at least 1");
  if (text[at] !== "M") throw fail(at, "'M'");
  at++;
  const delta: ElementCounts = {};
  const terms: string[] = [];
  while (text[at] === "+" || text[at] === "-") {
    const sign = text[at] === "+" ? 1 : -1;
    at++;
    const start = at;
    while (at < text.length && text[at] !== "+" && text[at] !== "-" && text[at] !== "]") at++;
    const term = text.slice(start, at);
    if (term === "") throw fail(start, "a formula such as H, Na, NH4 or H2O");
    let counts: ElementCounts;
    try {
      counts = parseFormula(term);
    } catch (error) {
      if (error instanceof FormulaError) throw fail(start + error.column - 1, error.expected);
      throw error;
    }
    for (const [symbol, n] of Object.entries(counts)) delta[symbol] = (delta[symbol] ?? 0) + sign * n;
    terms.push(`${sign > 0 ? "+" : "-"}${term}`);
  }
  if (text[at] !== "]") throw fail(at, "'+', '-' or ']'");
  at++;
  let chargeDigits = "";
  while (/[0-9]/.test(text[at] ?? "")) chargeDigits += text[at++];
  let charge = 0;
  if (text[at] === "+" || text[at] === "-") {
    const size = chargeDigits === "" ? 1 : Number(chargeDigits);
    if (size < 1) throw fail(at - 1, "a charge of at least 1");
    charge = text[at] === "+" ? size : -size;
    at++;
  } else if (chargeDigits !== "") {
    throw fail(at, "the charge sign '+' or '-'");
  }
  if (at !== text.length) throw fail(at, "the end of the ion notation");
  const chargeText =
    charge === 0 ? "" : `${Math.abs(charge) === 1 ? "" : Math.abs(charge)}${charge > 0 ? "+" : "-"}`;
  const name = `[${multimer === 1 ? "" : multimer}M${terms.join("")}]${chargeText}`;
  return { name, multimer, charge, delta };
}

/**
 * The ion's elemental composition: k·M plus the adduct's atoms.
 * @throws InputError when the adduct removes atoms the molecule does not have (e.g. `[M-H2O]` of CH4).
 */
export function ionCounts(molecule: ElementCounts, adduct: Adduct): ElementCounts {
  const out: ElementCounts = {};
  for (const [symbol, n] of Object.entries(molecule)) out[symbol] = n * adduct.multimer;
  for (const [symbol, n] of Object.entries(adduct.delta)) out[symbol] = (out[symbol] ?? 0) + n;
  for (const [symbol, n] of Object.entries(out)) {
    if (n < 0)
      throw new InputError(
        `ion ${adduct.name}: removes ${-(adduct.delta[symbol] ?? 0)} ${symbol} but the molecule${adduct.multimer > 1 ? "s have" : " has"} ${(molecule[symbol] ?? 0) * adduct.multimer}`,
      );
    if (n === 0) delete out[symbol];
  }
  return out;
}
