import { InputError } from "../../errors.js";

/**
 * The lower-triangular L with L·Lᵀ = `matrix` (symmetric, positive semi-definite, row-major n×n). A
 * zero variance (a fixed parameter) gives a zero column, so semi-definite Ω with all-zero rows works.
 * @returns L, row-major n×n
 * @throws InputError when the matrix has the wrong size, is not symmetric (relative 1e-10) or not
 *   positive semi-definite
 * @example choleskyLower([4, 2, 2, 2], 2) // [2, 0, 1, 1]
 */
export function choleskyLower(matrix: readonly number[], n: number): Float64Array {
  if (matrix.length !== n * n) {
    throw new InputError(`covariance matrix: expected ${n}×${n} = ${n * n} values, found ${matrix.length}`);
  }
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const a = matrix[i * n + j]!;
      const b = matrix[j * n + i]!;
      if (Math.abs(a - b) > 1e-10 * Math.max(Math.abs(a), Math.abs(b), 1e-300)) {
        throw new InputError(`covariance matrix: not symmetric at (${i + 1}, ${j + 1}): ${a} vs ${b}`);
      }
    }
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        // Round-off may leave a tiny negative pivot on a semi-definite matrix.
        const tolerance = 1e-12 * Math.max(1, Math.abs(matrix[i * n + i]!));
        if (sum < -tolerance) {
          throw new InputError(
            `covariance matrix: not positive semi-definite (pivot ${i + 1} is ${sum}); check the variances and covariances`,
          );
        }
        l[i * n + i] = sum > 0 ? Math.sqrt(sum) : 0;
      } else {
        const d = l[j * n + j]!;
        if (d === 0) {
          if (Math.abs(sum) > 1e-12) {
            throw new InputError(
              `covariance matrix: not positive semi-definite (covariance (${i + 1}, ${j + 1}) with a zero variance)`,
            );
          }
          l[i * n + j] = 0;
        } else l[i * n + j] = sum / d;
      }
    }
  }
  return l;
}
