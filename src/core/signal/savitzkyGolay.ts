/**
 * Savitzky–Golay convolution weights for a quadratic (= cubic, for the smoothed value) least-squares fit
 * over `2·half + 1` equally spaced points (Savitzky & Golay 1964, Anal. Chem. 36, 1627, table I).
 * `derivative` 0 gives smoothing weights, 1 the first-derivative weights per sample spacing.
 */
export function savitzkyGolayWeights(half: number, derivative: 0 | 1 = 0): Float64Array {
  const m = Math.max(1, Math.floor(half));
  const w = new Float64Array(2 * m + 1);
  if (derivative === 0) {
    // Quadratic smoothing: c_k = (3m² + 3m − 1 − 5k²) · 3 / ((2m − 1)(2m + 1)(2m + 3)).
    const norm = ((2 * m - 1) * (2 * m + 1) * (2 * m + 3)) / 3;
    for (let k = -m; k <= m; k++) w[k + m] = (3 * m * m + 3 * m - 1 - 5 * k * k) / norm;
  } else {
    // Linear/quadratic first derivative: c_k = k / Σk² = 3k / (m(m + 1)(2m + 1)).
    const norm = (m * (m + 1) * (2 * m + 1)) / 3;
    for (let k = -m; k <= m; k++) w[k + m] = k / norm;
  }
  return w;
}

/**
 * Savitzky–Golay filter of equally spaced samples: smoothed values (`derivative` 0) or first derivative
 * per sample (`derivative` 1). The ends, where the window does not fit, use a window shrunk to fit, so the
 * output has the input's length.
 * @param half half-width of the window in samples (window = 2·half + 1).
 * @param out optional output buffer of the input's length.
 * @example savitzkyGolay(Float64Array.of(0, 1, 4, 9, 16), 1) // [0, 1, 4, 9, 16]: quadratics pass unchanged… inside
 */
export function savitzkyGolay(
  y: Float64Array,
  half: number,
  derivative: 0 | 1 = 0,
  out: Float64Array = new Float64Array(y.length),
): Float64Array {
  const n = y.length;
  const m = Math.min(Math.max(1, Math.floor(half)), Math.floor((n - 1) / 2));
  if (m < 1) {
    out.set(y);
    if (derivative === 1) out.fill(0);
    return out;
  }
  const w = savitzkyGolayWeights(m, derivative);
  for (let i = m; i < n - m; i++) {
    let sum = 0;
    for (let k = -m; k <= m; k++) sum += w[k + m]! * y[i + k]!;
    out[i] = sum;
  }
  for (let i = 0; i < m; i++) {
    out[i] = edgeValue(y, i, i, derivative);
    out[n - 1 - i] = edgeValue(y, n - 1 - i, i, derivative);
  }
  return out;
}

/** The filter value at an end sample with the largest symmetric window that fits (plain copy at the ends). */
function edgeValue(y: Float64Array, i: number, half: number, derivative: 0 | 1): number {
  if (half === 0) {
    if (derivative === 0) return y[i]!;
    const n = y.length;
    return i === 0 ? y[1]! - y[0]! : y[n - 1]! - y[n - 2]!;
  }
  const w = savitzkyGolayWeights(half, derivative);
  let sum = 0;
  for (let k = -half; k <= half; k++) sum += w[k + half]! * y[i + k]!;
  return sum;
}
