/**
 * Small dense linear algebra for least-squares fitting: Cholesky factorisation and solve, the inverse of
 * a small symmetric positive-definite matrix with a conditioning check, and Householder QR for the
 * Levenberg–Marquardt subproblem. Matrices are row-major `Float64Array`s; sizes are a handful of
 * parameters, so clarity wins over blocking.
 */

/**
 * Reciprocal condition number below which a scaled normal matrix counts as singular: the parameters
 * are then not identifiable from the data to more than ~1 significant digit in double precision.
 * @default 1e-14 (≈ 45·ε)
 */
export const SINGULAR_RCOND = 1e-14;

/**
 * Factorises the symmetric positive-definite n×n matrix `a` as L·Lᵀ in place (L in the lower triangle,
 * the strict upper triangle left untouched).
 * @returns false when a pivot is not positive (the matrix is not positive definite in floating point).
 * @example const a = Float64Array.of(4, 2, 2, 3); choleskyDecompose(a, 2); // a = [2, 2, 1, √2]
 */
export function choleskyDecompose(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let diag = a[j * n + j]!;
    for (let k = 0; k < j; k++) diag -= a[j * n + k]! * a[j * n + k]!;
    if (!(diag > 0)) return false;
    const ljj = Math.sqrt(diag);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = sum / ljj;
    }
  }
  return true;
}

/**
 * Solves L·Lᵀ·x = b in place in `b`, with L the factor left by {@link choleskyDecompose}.
 * @example choleskySolve(l, 2, rhs) // rhs now holds the solution
 */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * b[k]!;
    b[i] = sum / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * b[k]!;
    b[i] = sum / l[i * n + i]!;
  }
}

/** Result of {@link invertSpd}: the inverse, or null with the reason when the matrix is singular. */
export interface SpdInverse {
  inverse: Float64Array | null;
  /** Estimate of the reciprocal condition number of the diagonally scaled matrix (0 when singular). */
  rcond: number;
}

/**
 * Inverts a small symmetric positive-definite matrix (e.g. JᵀJ for a covariance matrix). The matrix is
 * first scaled to unit diagonal, so the conditioning check ignores parameter units.
 * @param rcondMin reciprocal condition number below which the matrix counts as singular.
 * @returns `inverse: null` when the matrix is not positive definite or its scaled reciprocal condition
 *   number (estimated from the Cholesky pivots) is below `rcondMin`.
 * @example invertSpd(Float64Array.of(4, 2, 2, 3), 2).inverse // [0.375, −0.25, −0.25, 0.5]
 */
export function invertSpd(a: Float64Array, n: number, rcondMin = SINGULAR_RCOND): SpdInverse {
  const inverse = new Float64Array(n * n);
  const rcond = invertSpdInto(a, n, inverse, new Float64Array(n * n + 2 * n), rcondMin);
  return { inverse: rcond >= rcondMin ? inverse : null, rcond };
}

/**
 * {@link invertSpd} without allocation, for hot paths: writes the inverse into `out` (n×n) using
 * `work` (length ≥ n² + 2n) and returns the scaled reciprocal condition number; the inverse is valid
 * only when that is ≥ `rcondMin` (0 is returned for a matrix that is not positive definite).
 */
export function invertSpdInto(
  a: Float64Array,
  n: number,
  out: Float64Array,
  work: Float64Array,
  rcondMin = SINGULAR_RCOND,
): number {
  const l = work.subarray(0, n * n);
  const scale = work.subarray(n * n, n * n + n);
  const column = work.subarray(n * n + n, n * n + 2 * n);
  for (let i = 0; i < n; i++) {
    const d = a[i * n + i]!;
    if (!(d > 0) || !Number.isFinite(d)) return 0;
    scale[i] = 1 / Math.sqrt(d);
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) l[i * n + j] = a[i * n + j]! * scale[i]! * scale[j]!;
  if (!choleskyDecompose(l, n)) return 0;
  // (min pivot / max pivot)² bounds the reciprocal condition number of the scaled matrix from above
  // and is within a modest factor of it for the small, well-scaled matrices met here.
  let minPivot = Number.POSITIVE_INFINITY;
  let maxPivot = 0;
  for (let i = 0; i < n; i++) {
    const p = l[i * n + i]!;
    if (p < minPivot) minPivot = p;
    if (p > maxPivot) maxPivot = p;
  }
  const rcond = (minPivot / maxPivot) ** 2;
  if (!(rcond >= rcondMin)) return rcond;
  for (let j = 0; j < n; j++) {
    column.fill(0);
    column[j] = 1;
    choleskySolve(l, n, column);
    for (let i = 0; i < n; i++) out[i * n + j] = column[i]! * scale[i]! * scale[j]!;
  }
  return rcond;
}

/**
 * Euclidean norm of `count` entries of `v` starting at `start` with the given `stride`. Summed plainly
 * (Math.hypot is several times slower) and recomputed with scaling only when the plain sum over- or
 * underflowed, the concern MINPACK's `enorm` addresses.
 * @example norm2(Float64Array.of(3, 4)) // 5
 */
export function norm2(v: Float64Array, start = 0, count = v.length - start, stride = 1): number {
  let sum = 0;
  const end = start + count * stride;
  for (let i = start; i < end; i += stride) sum += v[i]! * v[i]!;
  if (sum < Number.POSITIVE_INFINITY && sum > 1e-280) return Math.sqrt(sum);
  let scale = 0;
  for (let i = start; i < end; i += stride) scale = Math.max(scale, Math.abs(v[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  sum = 0;
  for (let i = start; i < end; i += stride) sum += (v[i]! / scale) ** 2;
  return scale * Math.sqrt(sum);
}

/**
 * Householder QR of the row-major rows×cols matrix `a` (rows ≥ cols) in place: R in the upper triangle,
 * the Householder vectors below it (unit leading entry implied), their scalars in `tau`.
 * @example householderQr(a, 5, 3, tau); // then applyQTranspose(a, 5, 3, tau, b)
 */
export function householderQr(a: Float64Array, rows: number, cols: number, tau: Float64Array): void {
  for (let k = 0; k < cols; k++) {
    const norm = norm2(a, k * cols + k, rows - k, cols);
    const akk = a[k * cols + k]!;
    if (norm === 0) {
      tau[k] = 0;
      continue;
    }
    // The sign choice avoids cancellation in akk − beta.
    const beta = akk > 0 ? -norm : norm;
    const v0 = akk - beta;
    for (let i = k + 1; i < rows; i++) a[i * cols + k] = a[i * cols + k]! / v0;
    tau[k] = (beta - akk) / beta;
    a[k * cols + k] = beta;
    for (let j = k + 1; j < cols; j++) {
      let dot = a[k * cols + j]!;
      for (let i = k + 1; i < rows; i++) dot += a[i * cols + k]! * a[i * cols + j]!;
      dot *= tau[k]!;
      a[k * cols + j] = a[k * cols + j]! - dot;
      for (let i = k + 1; i < rows; i++) a[i * cols + j] = a[i * cols + j]! - dot * a[i * cols + k]!;
    }
  }
}

/** Overwrites `b` (length rows) with Qᵀ·b for the Q stored by {@link householderQr}. */
export function applyQTranspose(
  a: Float64Array,
  rows: number,
  cols: number,
  tau: Float64Array,
  b: Float64Array,
): void {
  for (let k = 0; k < cols; k++) {
    if (tau[k] === 0) continue;
    let dot = b[k]!;
    for (let i = k + 1; i < rows; i++) dot += a[i * cols + k]! * b[i]!;
    dot *= tau[k]!;
    b[k] = b[k]! - dot;
    for (let i = k + 1; i < rows; i++) b[i] = b[i]! - dot * a[i * cols + k]!;
  }
}

/**
 * Solves R·x = b in place in `b` for the upper-triangular n×n R stored in the first n rows of the
 * row-major matrix `r` with `stride` columns.
 * @returns false when a diagonal entry is zero (R singular); `b` is then unspecified.
 */
export function solveUpperTriangular(r: Float64Array, stride: number, n: number, b: Float64Array): boolean {
  for (let i = n - 1; i >= 0; i--) {
    const d = r[i * stride + i]!;
    if (d === 0) return false;
    let sum = b[i]!;
    for (let k = i + 1; k < n; k++) sum -= r[i * stride + k]! * b[k]!;
    b[i] = sum / d;
  }
  return true;
}
