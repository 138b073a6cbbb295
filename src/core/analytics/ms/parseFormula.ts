import { ELEMENT_SYMBOLS } from "../../chem/elements.js";
import type { ElementCounts } from "../../chem/formula.js";
import { InputError } from "../../errors.js";

const KNOWN_ELEMENTS = new Set(ELEMENT_SYMBOLS.slice(1));
/** Biggest atom count accepted for one element: larger is a typo, not a molecule Ixalab handles. */
const MAX_COUNT = 100_000;

/** A formula or ion notation that does not parse; `column` (1-based) is where it stops making sense. */
export class FormulaError extends InputError {
  override name = "FormulaError";
  constructor(
    readonly text: string,
    readonly column: number,
    readonly expected: string,
    readonly what = "formula",
  ) {
    const found = column > text.length ? "the end" : `'${text[column - 1]}'`;
    super(
      `${what} '${text}': column ${column}: expected ${expected}, found ${found}\n  ${text}\n  ${" ".repeat(column - 1)}^`,
    );
  }
}

/**
 * Parses a molecular formula: element symbols with counts, groups in `( )` or `[ ]` with a multiplier,
 * and parts joined by `.`/`·`/`*` with an optional leading multiplier (hydrates, salts: `C6H8O7.H2O`).
 * Symbols are case-sensitive (`Co` is cobalt, `CO` carbon + oxygen).
 * @throws FormulaError pointing a caret at the first character that does not fit.
 * @example parseFormula("C14H19BCl2N2O4") // { C: 14, H: 19, B: 1, Cl: 2, N: 2, O: 4 }
 */
export function parseFormula(text: string, what = "formula"): ElementCounts {
  const parser = new FormulaParser(text, what);
  return parser.parseWhole();
}

class FormulaParser {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly what: string,
  ) {}

  parseWhole(): ElementCounts {
    if (this.text.trim() === "") throw this.fail("an element symbol");
    const total: ElementCounts = {};
    for (;;) {
      const multiplier = this.count() ?? 1;
      const part = this.sequence(null);
      if (Object.keys(part).length === 0) throw this.fail("an element symbol");
      addInto(total, part, multiplier);
      if (this.at >= this.text.length) break;
      const c = this.text[this.at]!;
      if (c === "." || c === "·" || c === "*") this.at++;
      else throw this.fail("an element symbol, a count, '(' or '.'");
    }
    return total;
  }

  /** Elements and groups until `close` (or the end / a part separator when null). */
  private sequence(close: string | null): ElementCounts {
    const out: ElementCounts = {};
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined || c === close || (close === null && (c === "." || c === "·" || c === "*")))
        return out;
      if (c === "(" || c === "[") {
        const open = this.at;
        this.at++;
        const inner = this.sequence(c === "(" ? ")" : "]");
        if (this.text[this.at] !== (c === "(" ? ")" : "]")) throw this.fail(`'${c === "(" ? ")" : "]"}'`);
        if (Object.keys(inner).length === 0) {
          this.at = open + 1;
          throw this.fail("an element symbol");
        }
        this.at++;
        addInto(out, inner, this.count() ?? 1);
        continue;
      }
      if (c >= "A" && c <= "Z") {
        const start = this.at;
        const next = this.text[this.at + 1];
        let symbol = c;
        if (next !== undefined && next >= "a" && next <= "z") symbol += next;
        if (!KNOWN_ELEMENTS.has(symbol)) {
          // "Cx": C is fine but x is not; "Xq": nothing fits from the capital on.
          if (symbol.length === 2 && KNOWN_ELEMENTS.has(c)) this.at = start + 1;
          throw this.fail("an element symbol (C, H, B, Cl, N, O, …)");
        }
        this.at += symbol.length;
        out[symbol] = (out[symbol] ?? 0) + (this.count() ?? 1);
        continue;
      }
      throw this.fail(
        close ? `an element symbol, a count or '${close}'` : "an element symbol, a count or '('",
      );
    }
  }

  /** A decimal count at the cursor, or null when there is none. */
  private count(): number | null {
    const start = this.at;
    while (this.at < this.text.length && this.text[this.at]! >= "0" && this.text[this.at]! <= "9") this.at++;
    if (this.at === start) return null;
    const n = Number(this.text.slice(start, this.at));
    if (n > MAX_COUNT) {
      this.at = start;
      throw this.fail(`a count of at most ${MAX_COUNT}`);
    }
    return n;
  }

  private fail(expected: string): FormulaError {
    return new FormulaError(this.text, this.at + 1, expected, this.what);
  }
}

function addInto(target: ElementCounts, part: ElementCounts, factor: number): void {
  for (const [symbol, n] of Object.entries(part)) target[symbol] = (target[symbol] ?? 0) + n * factor;
}
