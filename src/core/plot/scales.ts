/** A map from data values to pixel positions, with the ticks to label its axis. */
export interface Scale {
  (value: number): number;
  ticks(): number[];
  format(value: number): string;
}

/**
 * A linear scale from `domain` to `range` with "nice" ticks at 1, 2 or 5 × 10ⁿ steps.
 * @example linearScale([0, 100], [300, 20])(50) // 160
 */
export function linearScale(domain: [number, number], range: [number, number], tickCount = 5): Scale {
  const [d0, d1] = domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain;
  const [r0, r1] = range;
  const scale = ((v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0)) as Scale;
  const step = niceStep((d1 - d0) / tickCount);
  scale.ticks = () => {
    const out: number[] = [];
    for (let t = Math.ceil(d0 / step) * step; t <= d1 + step * 1e-9; t += step)
      out.push(Number(t.toPrecision(12)));
    return out;
  };
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  scale.format = (v) => v.toFixed(decimals);
  return scale;
}

/**
 * A log10 scale with ticks at each power of ten (domain values must be > 0).
 * @example logScale([1, 1000], [0, 300])(10) // 100
 */
export function logScale(domain: [number, number], range: [number, number]): Scale {
  const l0 = Math.log10(domain[0]);
  const l1 = domain[1] === domain[0] ? l0 + 1 : Math.log10(domain[1]);
  const [r0, r1] = range;
  const scale = ((v: number) => r0 + ((Math.log10(v) - l0) / (l1 - l0)) * (r1 - r0)) as Scale;
  scale.ticks = () => {
    const out: number[] = [];
    for (let e = Math.ceil(l0 - 1e-9); e <= l1 + 1e-9; e++) out.push(10 ** e);
    return out;
  };
  scale.format = formatPowerOfTen;
  return scale;
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** 0.01 → "0.01", 1000 → "1000", 1e6 → "10⁶". */
export function formatPowerOfTen(value: number): string {
  const exponent = Math.round(Math.log10(value));
  if (exponent >= -3 && exponent <= 3) return String(Number(value.toPrecision(6)));
  const superscript = String(exponent).replace(
    /[-0-9]/g,
    (c) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)] ?? c,
  );
  return `10${superscript}`;
}
