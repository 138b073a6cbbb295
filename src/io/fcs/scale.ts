import type { FcsDataset } from "./types.js";

/**
 * Channel → scale values of one parameter (the values Gating-ML 2.0 gates and compensation use):
 * integer data with `$PnE f1,f2` and f1 > 0 → `f2 · 10^(f1 · x / $PnR)` (f2 = 0 read as 1; `$PnG`
 * ignored); otherwise linear `x / $PnG` (not for Time). FCS 3.1 §3.2.20 `$PnE`, `$PnG`. Float data with
 * a non-zero `$PnE` is already linear.
 * @param parameterIndex 1-based `n` of `$PnN`.
 */
export function scaleValues(dataset: FcsDataset, parameterIndex: number): Float64Array {
  const p = dataset.parameters[parameterIndex - 1];
  const column = dataset.data[parameterIndex - 1];
  if (!p || !column)
    throw new RangeError(`parameter ${parameterIndex} does not exist (1–${dataset.parameters.length})`);
  const out = new Float64Array(column.length);
  if (p.decades > 0 && p.datatype === "I" && p.range > 0) {
    const f2 = p.offset > 0 ? p.offset : 1;
    const k = p.decades / p.range;
    for (let i = 0; i < column.length; i++) out[i] = f2 * 10 ** (k * column[i]!);
    return out;
  }
  const gain = p.name.toUpperCase() === "TIME" ? 1 : p.gain;
  for (let i = 0; i < column.length; i++) out[i] = column[i]! / gain;
  return out;
}
