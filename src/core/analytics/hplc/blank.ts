import { InputError } from "../../errors.js";
import type { Chromatogram } from "./chromatogram.js";

/**
 * Subtracts a blank run (the same gradient without sample) from a chromatogram: the usual answer to
 * gradient humps and system peaks, which no baseline drawn under the sample's own trace can tell from
 * peaks. The blank is linearly interpolated onto the sample's times, so the two runs may be sampled
 * differently; it must cover the sample's whole time range and be in the same units.
 * @throws InputError when the blank is shorter than the sample's run or in other units.
 */
export function subtractBlank(sample: Chromatogram, blank: Chromatogram): Chromatogram {
  const t = sample.times_min;
  const bt = blank.times_min;
  const n = t.length;
  const m = bt.length;
  if (m < 2) throw new InputError(`blank: expected at least 2 points, found ${m}`);
  // Within half a sampling interval of the ends counts as covering them (the runs start and stop alike).
  const slack = 0.5 * ((bt[m - 1]! - bt[0]!) / (m - 1));
  if (bt[0]! > t[0]! + slack || bt[m - 1]! < t[n - 1]! - slack) {
    throw new InputError(
      `blank: it covers ${bt[0]!.toFixed(3)}–${bt[m - 1]!.toFixed(3)} min, the sample ${t[0]!.toFixed(3)}–${t[n - 1]!.toFixed(3)} min; expected a blank run at least as long`,
    );
  }
  if (sample.units && blank.units && sample.units.toLowerCase() !== blank.units.toLowerCase()) {
    throw new InputError(`blank: its signal is in ${blank.units}, the sample's in ${sample.units}`);
  }
  const signal = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const time = t[i]!;
    while (j < m - 2 && bt[j + 1]! < time) j++;
    const span = bt[j + 1]! - bt[j]!;
    const f = Math.min(1, Math.max(0, (time - bt[j]!) / span));
    signal[i] = sample.signal[i]! - (blank.signal[j]! + f * (blank.signal[j + 1]! - blank.signal[j]!));
  }
  return { ...sample, signal };
}
