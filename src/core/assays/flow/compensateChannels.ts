import { InputError } from "../../errors.js";
import { invertMatrix, type SpectrumMatrix } from "./gating/index.js";

/**
 * Compensates only the wanted fluorochromes (Gating-ML 2.0 §5.2: compensated = observed × S⁻¹), each
 * into one new Float64Array: an apoptosis run needs two columns of a many-colour panel, so the others
 * are never computed. A wanted channel the matrix does not name (by fluorochrome or detector position)
 * is absent from the result.
 * @throws InputError when a detector has no event data or the matrix is singular.
 */
export function compensateChannels(
  matrix: SpectrumMatrix,
  events: Readonly<Record<string, ArrayLike<number>>>,
  wanted: readonly string[],
): Record<string, Float64Array> {
  let inv: number[][];
  try {
    inv = invertMatrix(matrix.coefficients);
  } catch (error) {
    if (error instanceof RangeError)
      throw new InputError(
        `compensation: the spillover matrix of ${matrix.detectors.join(", ")} is singular`,
      );
    throw error;
  }
  const observed = matrix.detectors.map((d) => {
    const col = events[d];
    if (!col) throw new InputError(`compensation: no event data for detector '${d}'`);
    return col;
  });
  const n = observed[0]?.length ?? 0;
  const result: Record<string, Float64Array> = {};
  for (const name of wanted) {
    let j = matrix.fluorochromes.indexOf(name);
    if (j < 0) j = matrix.detectors.indexOf(name);
    if (j < 0) continue;
    // Only the detectors with a non-zero inverse coefficient contribute (most of a large panel's).
    const cols: ArrayLike<number>[] = [];
    const coefs: number[] = [];
    observed.forEach((col, k) => {
      const c = inv[k]![j]!;
      if (c !== 0) {
        cols.push(col);
        coefs.push(c);
      }
    });
    result[name] = combine(cols, coefs, n);
  }
  return result;
}

/** Σ_k cols[k]·coefs[k], one fused pass for up to three terms (the common case), else term by term. */
function combine(cols: ArrayLike<number>[], coefs: number[], n: number): Float64Array {
  const out = new Float64Array(n);
  const [a, b, c] = cols;
  const [ca = 0, cb = 0, cc = 0] = coefs;
  if (cols.length === 1 && a) for (let i = 0; i < n; i++) out[i] = a[i]! * ca;
  else if (cols.length === 2 && a && b) for (let i = 0; i < n; i++) out[i] = a[i]! * ca + b[i]! * cb;
  else if (cols.length === 3 && a && b && c)
    for (let i = 0; i < n; i++) out[i] = a[i]! * ca + b[i]! * cb + c[i]! * cc;
  else
    cols.forEach((col, k) => {
      const coef = coefs[k]!;
      for (let i = 0; i < n; i++) out[i] = out[i]! + col[i]! * coef;
    });
  return out;
}
