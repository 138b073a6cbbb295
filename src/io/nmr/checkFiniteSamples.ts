import { FormatError } from "../../core/errors.js";

/**
 * Refuses NaN and ±Infinity among the points a reader decoded from floating-point NMR data: no instrument
 * writes them, so they mark corrupt bytes, and one of them turns the whole Fourier transform into NaN.
 * @throws FormatError naming the file, the array and the first such point.
 * @example checkFiniteSamples(fid.re, "r.jdf", "real FID points")
 */
export function checkFiniteSamples(values: Float64Array, source: string, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      throw new FormatError(
        source,
        `${what}, point ${i + 1}`,
        "a finite number",
        String(values[i]),
        "The data are corrupt",
      );
    }
  }
}
