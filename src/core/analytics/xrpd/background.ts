/**
 * Background under a powder pattern by SNIP (statistics-sensitive non-linear iterative peak clipping:
 * Ryan et al., Nucl. Instrum. Methods B 34, 396 (1988); decreasing clipping window as in Morháč et al.,
 * Nucl. Instrum. Methods A 401, 113 (1997)). The counts are first compressed by the LLS operator
 * v = ln(ln(√(y+1)+1)+1) so that clipping treats strong and weak peaks alike, then clipped with windows
 * from `halfWindow` points down to 1: v[i] ← min(v[i], (v[i−p]+v[i+p])/2), and transformed back.
 * The window should be about twice the widest peak's full width.
 * @example snipBackground(counts, 25) // half window of 25 points (0.5° at 0.02° steps)
 */
export function snipBackground(intensity: Float64Array, halfWindow: number): Float64Array {
  const n = intensity.length;
  const m = Math.max(1, Math.min(Math.floor(halfWindow), Math.floor((n - 1) / 2)));
  // LLS needs y ≥ 0: shift negative (background-subtracted) data.
  const offset = Math.min(0, minimum(intensity));
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.log(Math.log(Math.sqrt(intensity[i]! - offset + 1) + 1) + 1);
  // In place, through a copy of the previous pass (each pass reads only the previous pass's values).
  const previous = new Float64Array(n);
  for (let p = m; p >= 1; p--) {
    previous.set(v);
    for (let i = p; i < n - p; i++) {
      const mean = (previous[i - p]! + previous[i + p]!) / 2;
      if (mean < previous[i]!) v[i] = mean;
    }
  }
  for (let i = 0; i < n; i++) {
    const e = Math.exp(Math.exp(v[i]!) - 1) - 1;
    v[i] = e * e - 1 + offset;
  }
  return v;
}

function minimum(values: Float64Array): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! < min) min = values[i]!;
  return min;
}
