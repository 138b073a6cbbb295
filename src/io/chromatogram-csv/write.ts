import type { Chromatogram } from "../../core/analytics/hplc/chromatogram.js";

/**
 * Writes a chromatogram as `time_min,signal` CSV that {@link parseChromatogramCsv} reads back; values with
 * up to 10 significant digits, which round-trips areas to better than 1e-9 relative.
 */
export function writeChromatogramCsv(chromatogram: Pick<Chromatogram, "times_min" | "signal">): string {
  const rows = ["time_min,signal"];
  const { times_min, signal } = chromatogram;
  for (let i = 0; i < times_min.length; i++) {
    rows.push(`${Number(times_min[i]!.toPrecision(10))},${Number(signal[i]!.toPrecision(10))}`);
  }
  return `${rows.join("\n")}\n`;
}
