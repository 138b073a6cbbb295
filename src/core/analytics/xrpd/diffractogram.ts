/** The X-ray wavelengths of a measurement, in ångström, and where they came from. */
export interface Wavelength {
  kAlpha1_A: number;
  /** Kα2 wavelength; absent for monochromatic (Kα1-only) data or when unknown. */
  kAlpha2_A?: number;
  /** Kα2/Kα1 intensity ratio (≈ 0.5 for Cu). */
  ratio?: number;
  /** e.g. "file: usedWavelength", "user", "anode Cu (standard values)". */
  source: string;
}

/** A powder pattern: intensity against 2θ (degrees, increasing), with its wavelength and file metadata. */
export interface Diffractogram {
  twoTheta: Float64Array;
  intensity: Float64Array;
  /** Null when the file does not say; analyses then need the user's wavelength. */
  wavelength: Wavelength | null;
  metadata: Record<string, string | number>;
  /** Usable but suspicious content (e.g. several ranges joined). */
  warnings: string[];
}

/**
 * Cu Kα lines (Hölzer et al., Phys. Rev. A 56, 4554 (1997): Kα1 1.540593 Å; Bruker/ICDD use 1.5406 and
 * 1.54439). Used only when a file names the anode but gives no wavelength.
 */
export const ANODE_WAVELENGTHS: Readonly<
  Record<string, { kAlpha1_A: number; kAlpha2_A: number; ratio: number }>
> = {
  Cu: { kAlpha1_A: 1.5406, kAlpha2_A: 1.54439, ratio: 0.5 },
  Co: { kAlpha1_A: 1.78897, kAlpha2_A: 1.79285, ratio: 0.5 },
  Mo: { kAlpha1_A: 0.7093, kAlpha2_A: 0.71359, ratio: 0.5 },
  Fe: { kAlpha1_A: 1.93604, kAlpha2_A: 1.93998, ratio: 0.5 },
  Cr: { kAlpha1_A: 2.2897, kAlpha2_A: 2.29361, ratio: 0.5 },
  Ag: { kAlpha1_A: 0.55941, kAlpha2_A: 0.5638, ratio: 0.5 },
};

/** A plausible X-ray wavelength (0.1–5 Å): guards against zeros and garbage in binary headers. */
export function isPlausibleWavelength(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0.1 && value < 5;
}

/** Builds a {@link Wavelength} from file values, dropping implausible Kα2/ratio; null when Kα1 is unusable. */
export function wavelengthFrom(
  kAlpha1: number | undefined,
  kAlpha2: number | undefined,
  ratio: number | undefined,
  source: string,
): Wavelength | null {
  if (!isPlausibleWavelength(kAlpha1)) return null;
  const w: Wavelength = { kAlpha1_A: kAlpha1, source };
  if (isPlausibleWavelength(kAlpha2) && kAlpha2 !== kAlpha1) {
    w.kAlpha2_A = kAlpha2;
    if (ratio !== undefined && Number.isFinite(ratio) && ratio > 0 && ratio < 1) w.ratio = ratio;
  }
  return w;
}
