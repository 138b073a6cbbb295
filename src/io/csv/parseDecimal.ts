/** Exact powers of ten: 10^k is a double without rounding for k ≤ 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Mantissas below this are exact doubles, and ×10 + 9 still is. */
const MANTISSA_LIMIT = 2 ** 53 / 10 - 1;

const NUMBER_SYNTAX = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses the decimal number in `text[start … end − 1]` (already trimmed): optional sign, digits with an
 * optional decimal point, optional exponent. Returns `NaN` for anything else — empty text, `NaN`,
 * `Infinity`, hex, thousands separators, decimal commas — and for values that overflow.
 *
 * Short plain decimals, which is what instruments write, are read without allocating a string: the
 * digits form an integer mantissa m < 2⁵³ and the value is m / 10^k, a single correctly rounded division
 * of two exact doubles (Clinger's fast path), so it equals `Number(text)` to the bit. Anything longer or
 * with an exponent goes through `Number`.
 * @example parseDecimal("t,12.5,x", 2, 6) // 12.5
 */
export function parseDecimal(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (mantissa > MANTISSA_LIMIT) return slowPath(text, start, end);
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) fraction = 0;
    else return slowPath(text, start, end);
  }
  if (digits === 0) return Number.NaN;
  const k = Math.max(fraction, 0);
  if (k > 22) return slowPath(text, start, end);
  const value = k === 0 ? mantissa : mantissa / POW10[k]!;
  return negative ? -value : value;
}

function slowPath(text: string, start: number, end: number): number {
  const token = text.slice(start, end);
  if (!NUMBER_SYNTAX.test(token)) return Number.NaN;
  const value = Number(token);
  return Number.isFinite(value) ? value : Number.NaN;
}
