/**
 * Order statistics of large event columns in O(n) by Hoare's selection, reordering the array they are
 * given: a million-event median or percentile needs no full sort.
 */

/** R's `median`: the middle order statistic, or the mean of the two middle ones. Reorders `values`. */
export function medianInPlace(values: Float64Array): number {
  const m = values.length;
  if (m === 0) return Number.NaN;
  const h = m >> 1;
  select(values, h);
  return m % 2 === 1 ? values[h]! : (maxBefore(values, h) + values[h]!) / 2;
}

/**
 * The p-th percentile with linear interpolation between order statistics (R's `quantile` type 7, as
 * numpy's default). Reorders `values`.
 */
export function percentileInPlace(values: Float64Array, percentile: number): number {
  const m = values.length;
  if (m === 0) return Number.NaN;
  const h = ((m - 1) * percentile) / 100;
  const lo = Math.floor(h);
  select(values, lo);
  const low = values[lo]!;
  if (lo + 1 >= m || h === lo) return low;
  // After selecting lo, everything after it is ≥ values[lo]: the next order statistic is their minimum.
  let next = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < m; i++) if (values[i]! < next) next = values[i]!;
  return low + (h - lo) * (next - low);
}

function maxBefore(values: Float64Array, end: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < end; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/** Puts the k-th smallest value at index k, no larger ones before it and no smaller ones after. */
function select(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
