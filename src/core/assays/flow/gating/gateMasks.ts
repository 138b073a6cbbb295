/**
 * Gate geometry as functions from event columns to Uint8Array masks (1 = in gate), Gating-ML 2.0 §4.
 * Columns are already compensated and transformed; limits are in the same space.
 */

/** Rectangle / range gate, Gating-ML 2.0 §4.2: min ≤ x < max per dimension; a missing bound is unbounded. */
export function rectangleMask(
  columns: Float64Array[],
  ranges: { min?: number; max?: number }[],
  n: number,
): Uint8Array {
  const mask = new Uint8Array(n).fill(1);
  columns.forEach((col, k) => {
    const min = ranges[k]!.min ?? Number.NEGATIVE_INFINITY;
    const max = ranges[k]!.max ?? Number.POSITIVE_INFINITY;
    // Branch-free (`+(test)` is 0 or 1): unpredictable branches cost several times as much.
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      mask[i] = mask[i]! & +(v >= min) & +(v < max);
    }
  });
  return mask;
}

/**
 * Polygon gate, Gating-ML 2.0 §4.3: even-odd (crossing-number) rule on the closed polygon; an edge counts
 * when one end is above the event and the other at or below it, and the crossing is strictly right of it.
 */
export function polygonMask(x: Float64Array, y: Float64Array, vertices: [number, number][]): Uint8Array {
  const n = x.length;
  const mask = new Uint8Array(n);
  const m = vertices.length;
  // Edges as flat arrays (a → b with b the previous vertex), and the bounding box: events outside it
  // cannot be inside, and most events of a gate's plot are.
  const xa = new Float64Array(m);
  const ya = new Float64Array(m);
  const dx = new Float64Array(m);
  const yb = new Float64Array(m);
  let [x0, x1, y0, y1] = [
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (let a = 0, b = m - 1; a < m; b = a++) {
    const [pxa, pya] = vertices[a]!;
    const [pxb, pyb] = vertices[b]!;
    xa[a] = pxa;
    ya[a] = pya;
    dx[a] = pxb - pxa;
    yb[a] = pyb;
    x0 = Math.min(x0, pxa);
    x1 = Math.max(x1, pxa);
    y0 = Math.min(y0, pya);
    y1 = Math.max(y1, pya);
  }
  for (let i = 0; i < n; i++) {
    const px = x[i]!;
    const py = y[i]!;
    if (!(px >= x0 && px <= x1 && py >= y0 && py <= y1)) continue;
    let inside = 0;
    for (let a = 0; a < m; a++) {
      const yA = ya[a]!;
      const yB = yb[a]!;
      // Same arithmetic as (xb − xa)(py − ya)/(yb − ya) + xa, so boundary events fall as before.
      if (yA > py !== yB > py && px < (dx[a]! * (py - yA)) / (yB - yA) + xa[a]!) inside ^= 1;
    }
    mask[i] = inside;
  }
  return mask;
}

/** Inverts a small symmetric matrix by Gauss-Jordan elimination with partial pivoting. */
export function invertMatrix(matrix: number[][]): number[][] {
  const k = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (a[pivot]![col] === 0) throw new RangeError("matrix is singular");
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    for (let j = 0; j < 2 * k; j++) a[col]![j]! /= p;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const factor = a[r]![col]!;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * k; j++) a[r]![j]! -= factor * a[col]![j]!;
    }
  }
  return a.map((row) => row.slice(k));
}

/** Ellipsoid gate, Gating-ML 2.0 §4.4: in when (x − μ)ᵀ·C⁻¹·(x − μ) ≤ distanceSquare. */
export function ellipsoidMask(
  columns: Float64Array[],
  mean: number[],
  covariance: number[][],
  distanceSquare: number,
  n: number,
): Uint8Array {
  const inv = invertMatrix(covariance);
  const k = columns.length;
  const mask = new Uint8Array(n);
  const diff = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) diff[j] = columns[j]![i]! - mean[j]!;
    let d2 = 0;
    for (let r = 0; r < k; r++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += inv[r]![c]! * diff[c]!;
      d2 += diff[r]! * s;
    }
    mask[i] = d2 <= distanceSquare ? 1 : 0;
  }
  return mask;
}

/** Index of the interval of sorted divider values holding v: values[k-1] ≤ v < values[k]. */
function intervalOf(values: number[], v: number): number {
  let k = 0;
  while (k < values.length && v >= values[k]!) k++;
  return k;
}

/**
 * One quadrant of a quadrant gate, Gating-ML 2.0 §4.5: an event is in the quadrant when, for every
 * referenced divider, it lies in the same interval between divider values as the quadrant's location.
 * A value exactly on a divider belongs to the interval above it (min ≤ x < max).
 */
export function quadrantMask(
  columns: Float64Array[],
  dividerValues: number[][],
  locations: number[],
  n: number,
): Uint8Array {
  const mask = new Uint8Array(n).fill(1);
  columns.forEach((col, k) => {
    const values = [...dividerValues[k]!].sort((p, q) => p - q);
    const target = intervalOf(values, locations[k]!);
    const min = target > 0 ? values[target - 1]! : Number.NEGATIVE_INFINITY;
    const max = target < values.length ? values[target]! : Number.POSITIVE_INFINITY;
    // Branch-free (`+(test)` is 0 or 1): unpredictable branches cost several times as much.
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      mask[i] = mask[i]! & +(v >= min) & +(v < max);
    }
  });
  return mask;
}
