import { gaussian } from "../../random/mulberry32.js";
import { isotopePattern } from "./isotopePattern.js";
import type { MassSpectrum } from "./spectrum.js";

/** Options of {@link simulateSpectrum}. */
export interface SimulateSpectrumOptions {
  /** Ion types present, each with a relative abundance. */
  ions: readonly { adduct: string; abundance: number }[];
  /** Seeded uniform [0, 1) generator (e.g. mulberry32). */
  rand: () => number;
  /** Mass calibration error applied to every m/z (ppm). @default 0 */
  ppmShift?: number;
  /** Relative SD of each peak's intensity (multiplicative Gaussian noise). @default 0.02 */
  intensityNoise?: number;
  /** Random background peaks (uniform in m/z, 0–0.5 % of the base peak). @default 50 */
  noisePeaks?: number;
  /** Resolving power the sticks are merged at. @default 100000 */
  resolution?: number;
  /** Intensity of the base peak. @default 1e6 */
  scale?: number;
}

/**
 * A synthetic centroid spectrum of a formula's ions, for tests and benchmarks: each ion's isotope
 * pattern at the given resolution, shifted by `ppmShift`, with multiplicative intensity noise and
 * background peaks. Deterministic for a seeded `rand`.
 */
export function simulateSpectrum(formula: string, options: SimulateSpectrumOptions): MassSpectrum {
  const shift = 1 + (options.ppmShift ?? 0) / 1e6;
  const noise = options.intensityNoise ?? 0.02;
  const scale = options.scale ?? 1e6;
  const peaks: [number, number][] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const { adduct, abundance } of options.ions) {
    const pattern = isotopePattern(formula, {
      adduct,
      resolution: options.resolution ?? 100_000,
      minRelative: 0.05,
    });
    for (const p of pattern.peaks) {
      const y = ((scale * abundance * p.relative) / 100) * Math.max(0, 1 + noise * gaussian(options.rand));
      peaks.push([p.mz * shift, y]);
      lo = Math.min(lo, p.mz);
      hi = Math.max(hi, p.mz);
    }
  }
  const n = options.noisePeaks ?? 50;
  for (let i = 0; i < n; i++) {
    peaks.push([lo - 5 + (hi - lo + 10) * options.rand(), scale * 0.005 * options.rand()]);
  }
  peaks.sort((a, b) => a[0] - b[0]);
  return {
    mz: Float64Array.from(peaks, (p) => p[0]),
    intensity: Float64Array.from(peaks, (p) => p[1]),
    centroided: true,
    source: "simulated",
  };
}

/** A spectrum as centroid CSV text (`mz,intensity`), for files in tests and examples. */
export function spectrumToCsv(spectrum: MassSpectrum): string {
  const rows = ["mz,intensity"];
  for (let i = 0; i < spectrum.mz.length; i++)
    rows.push(`${spectrum.mz[i]!.toFixed(6)},${spectrum.intensity[i]!.toFixed(2)}`);
  return `${rows.join("\n")}\n`;
}
