import { InputError } from "../../errors.js";

/** One mass spectrum: m/z (Th) and intensity columns, centroided (sticks) or profile (continuous). */
export interface MassSpectrum {
  mz: Float64Array;
  intensity: Float64Array;
  centroided: boolean;
  /** Where it came from, for messages: file name and scan id or index. */
  source: string;
  /** Scan id, retention time or title, when the file gives one. */
  label?: string;
  /** Retention time (min), when the file gives one. */
  retentionTimeMin?: number;
}

/**
 * Centroids of a profile spectrum: each local maximum above zero becomes one peak at the
 * intensity-weighted m/z of its points above half the apex height (the FWHM core), with the apex height
 * as intensity. Centroided spectra are returned as they are.
 */
export function centroidSpectrum(spectrum: MassSpectrum): MassSpectrum {
  if (spectrum.centroided) return spectrum;
  const { mz, intensity: y } = spectrum;
  const outMz: number[] = [];
  const outY: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!(v > 0)) continue;
    if (i > 0 && y[i - 1]! >= v) continue;
    // A flat top counts once, at its first point: scan to where it falls.
    let j = i;
    while (j + 1 < y.length && y[j + 1] === v) j++;
    if (j + 1 < y.length && y[j + 1]! > v) continue;
    const half = v / 2;
    let lo = i;
    while (lo > 0 && y[lo - 1]! >= half && y[lo - 1]! <= y[lo]!) lo--;
    let hi = j;
    while (hi + 1 < y.length && y[hi + 1]! >= half && y[hi + 1]! <= y[hi]!) hi++;
    let sw = 0;
    let swm = 0;
    for (let k = lo; k <= hi; k++) {
      sw += y[k]!;
      swm += y[k]! * mz[k]!;
    }
    outMz.push(swm / sw);
    outY.push(v);
    i = j;
  }
  return { ...spectrum, mz: Float64Array.from(outMz), intensity: Float64Array.from(outY), centroided: true };
}

/**
 * Checks that a spectrum has at least one peak with positive intensity and matching column lengths;
 * returns it sorted by m/z.
 * @throws InputError naming the spectrum's source otherwise.
 */
export function checkSpectrum(spectrum: MassSpectrum): MassSpectrum {
  if (spectrum.mz.length !== spectrum.intensity.length) {
    throw new InputError(
      `${spectrum.source}: expected as many intensities as m/z values, found ${spectrum.intensity.length} and ${spectrum.mz.length}`,
    );
  }
  let any = false;
  for (let i = 0; i < spectrum.intensity.length && !any; i++) any = spectrum.intensity[i]! > 0;
  if (!any)
    throw new InputError(`${spectrum.source}: expected at least one peak with intensity > 0, found none`);
  for (let i = 1; i < spectrum.mz.length; i++) {
    if (spectrum.mz[i]! < spectrum.mz[i - 1]!) {
      const order = Array.from(spectrum.mz.keys()).sort((a, b) => spectrum.mz[a]! - spectrum.mz[b]!);
      return {
        ...spectrum,
        mz: Float64Array.from(order, (k) => spectrum.mz[k]!),
        intensity: Float64Array.from(order, (k) => spectrum.intensity[k]!),
      };
    }
  }
  return spectrum;
}

/** Index of the most intense peak within [lo, hi] of a spectrum sorted by m/z, or −1. */
export function mostIntenseIn(spectrum: MassSpectrum, lo: number, hi: number): number {
  const { mz, intensity } = spectrum;
  let a = 0;
  let b = mz.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (mz[mid]! < lo) a = mid + 1;
    else b = mid;
  }
  let best = -1;
  for (let i = a; i < mz.length && mz[i]! <= hi; i++) {
    if (intensity[i]! > 0 && (best < 0 || intensity[i]! > intensity[best]!)) best = i;
  }
  return best;
}
