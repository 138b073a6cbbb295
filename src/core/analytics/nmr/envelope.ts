/** A thinned copy of a spectrum for plots: positions and values, in the spectrum's point order. */
export interface SpectrumEnvelope {
  ppm: Float64Array;
  y: Float64Array;
}

/**
 * Thins a uniformly sampled spectrum to at most 2 × `buckets` points for plotting: each bucket of
 * ⌈n / buckets⌉ consecutive points keeps its lowest and its highest point, in point order, so a line
 * narrower than a bucket keeps its full height (a plain stride would miss most NMR line tops).
 * @param firstPpm ppm of point 0; @param stepPpm ppm per point.
 * @example spectrumEnvelope(y, 12, -0.001, 2000) // ≤ 4000 points from any length
 */
export function spectrumEnvelope(
  y: Float64Array,
  firstPpm: number,
  stepPpm: number,
  buckets: number,
): SpectrumEnvelope {
  const n = y.length;
  const size = Math.max(1, Math.ceil(n / Math.max(1, buckets)));
  const count = Math.ceil(n / size);
  const outPpm = new Float64Array(2 * count);
  const outY = new Float64Array(2 * count);
  let k = 0;
  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      const v = y[i]!;
      if (v < y[lo]!) lo = i;
      else if (v > y[hi]!) hi = i;
    }
    const a = Math.min(lo, hi);
    const b = Math.max(lo, hi);
    outPpm[k] = firstPpm + a * stepPpm;
    outY[k++] = y[a]!;
    if (b !== a) {
      outPpm[k] = firstPpm + b * stepPpm;
      outY[k++] = y[b]!;
    }
  }
  return { ppm: outPpm.subarray(0, k), y: outY.subarray(0, k) };
}
