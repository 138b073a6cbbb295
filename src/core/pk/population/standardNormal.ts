import type { Rng } from "./createRng.js";

/**
 * Fills `out` with independent standard normal draws from `rng` by the Box–Muller transform (both
 * values of each pair are used). `Math.log`, `Math.sqrt`, `Math.cos` and `Math.sin` are fdlibm ports
 * in V8, so the draws are bit-identical across platforms on Node; other engines may differ in the last
 * bit.
 * @returns `out`
 * @example standardNormals(createRng(1), new Float64Array(4))
 */
export function standardNormals(rng: Rng, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(rng()));
    const theta = 2 * Math.PI * rng();
    out[i] = r * Math.cos(theta);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}
