/** A picked peak: interpolated position and height. */
export interface PickedPeak {
  ppm: number;
  /** Height of the interpolated maximum, spectrum units. */
  height: number;
  /** Index of the local maximum. */
  index: number;
}

/**
 * Local maxima above `threshold`, each refined by the parabola through it and its two neighbours (the
 * vertex position and height). A maximum must be the largest point within ±`halfWindow` points.
 * @param firstPpm ppm of point 0; @param stepPpm ppm per point (negative for high-ppm-first spectra).
 */
export function pickPeaks(
  y: Float64Array,
  firstPpm: number,
  stepPpm: number,
  threshold: number,
  halfWindow = 1,
): PickedPeak[] {
  const peaks: PickedPeak[] = [];
  const n = y.length;
  for (let i = 1; i < n - 1; i++) {
    const v = y[i]!;
    if (v < threshold || v < y[i - 1]! || v <= y[i + 1]!) continue;
    let isMax = true;
    for (let k = Math.max(0, i - halfWindow); k <= Math.min(n - 1, i + halfWindow) && isMax; k++) {
      if (y[k]! > v) isMax = false;
    }
    if (!isMax) continue;
    const a = y[i - 1]!;
    const c = y[i + 1]!;
    const denom = a - 2 * v + c;
    const delta = denom < 0 ? (0.5 * (a - c)) / denom : 0;
    const height = v - 0.25 * (a - c) * delta;
    peaks.push({ ppm: firstPpm + (i + delta) * stepPpm, height, index: i });
  }
  return peaks;
}
