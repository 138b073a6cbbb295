import { InputError } from "../../../errors.js";
import { invertMatrix } from "./gateMasks.js";
import type { SpectrumMatrix } from "./types.js";

/**
 * Compensates event columns with a spectrum matrix, Gating-ML 2.0 §5.2: compensated = observed × S⁻¹,
 * observed taken from the detectors, results named after the fluorochromes (and, for convenience,
 * also after the detector in the same position).
 */
export function compensate(
  matrix: SpectrumMatrix,
  events: Record<string, Float64Array>,
): Record<string, Float64Array> {
  const inv = invertMatrix(matrix.coefficients);
  const observed = matrix.detectors.map((d) => {
    const col = events[d];
    if (!col) throw new InputError(`compensation: no event data for detector '${d}'`);
    return col;
  });
  const n = observed[0]?.length ?? 0;
  const result: Record<string, Float64Array> = {};
  matrix.fluorochromes.forEach((name, j) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < observed.length; k++) s += observed[k]![i]! * inv[k]![j]!;
      out[i] = s;
    }
    result[name] = out;
    const detector = matrix.detectors[j];
    if (detector !== undefined && !(detector in result)) result[detector] = out;
  });
  return result;
}
