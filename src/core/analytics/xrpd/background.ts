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
  let v = new Float64Array(n);
  const offset = Math.min(0, minimum(intensity)); // LLS needs y ≥ 0: shift negative (background-subtracted) data
  for (let i = 0; i < n; i++) v[i] = Math.log(Math.log(Math.sqrt(intensity[i]! - offset + 1) + 1) + 1);
  let w = new Float64Array(n);
  for (let p = m; p >= 1; p--) {
    for (let i = 0; i < n; i++) {
      if (i < p || i >= n - p) {
        w[i] = v[i]!;
        continue;
      }
      const mean = (v[i - p]! + v[i + p]!) / 2;
      w[i] = Math.min(mean, v[i]!);
    }
    [v, w] = [w, v];
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
