import { fftShifted, nextPowerOfTwo } from "./fft.js";
import type { NmrFid } from "./types.js";

/** Options of {@link transformFid}. */
export interface TransformOptions {
  /** Exponential line broadening, Hz (Bruker LB, WDW EM). */
  lineBroadeningHz: number;
  /** Gaussian broadening, Hz (full width at half height of the Gaussian window's line shape); 0 = none. */
  gaussianHz: number;
  /** Zero filling: the FFT size is this × the next power of two ≥ the FID length. */
  zeroFill: number;
  /** Use at most this many FID points (0 = all): a shorter FID for a quick low-resolution spectrum. */
  maxPoints: number;
}

/** A complex spectrum on an evenly spaced axis, high ppm first, before phasing. */
export interface ComplexSpectrum {
  re: Float64Array;
  im: Float64Array;
  /** ppm of point 0 and the (negative) ppm step per point. */
  firstPpm: number;
  stepPpm: number;
}

/**
 * FID → complex spectrum: the digital filter's integer delay is removed by dropping that many leading
 * points, the FID is apodized (exponential × Gaussian) with its first point halved (which removes the
 * DC offset the discrete FFT would otherwise add), zero-filled, Fourier transformed, and the fractional
 * group delay is undone by the linear phase exp(2πi·d·k/N) (k the signed frequency index), as nmrglue's
 * `rm_dig_filter(post_proc=True)`. The axis is from the carrier and spectral width.
 */
export function transformFid(fid: NmrFid, options: TransformOptions): ComplexSpectrum {
  const skip = Math.max(0, Math.floor(fid.groupDelay));
  const frac = fid.groupDelay - skip;
  const total = fid.re.length - skip;
  const n = options.maxPoints > 0 ? Math.min(total, options.maxPoints) : total;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const dt = 1 / fid.spectralWidthHz;
  const lb = Math.PI * options.lineBroadeningHz * dt;
  // Gaussian window exp(−(π·g·t)²/(4 ln 2)) turns a line into a Gaussian of FWHM g Hz.
  const gb = options.gaussianHz > 0 ? (Math.PI * options.gaussianHz * dt) ** 2 / (4 * Math.LN2) : 0;
  for (let i = 0; i < n; i++) {
    const w = Math.exp(-lb * i - gb * i * i);
    re[i] = fid.re[i + skip]! * w;
    im[i] = fid.im[i + skip]! * w;
  }
  if (n > 0) {
    re[0] = re[0]! * 0.5;
    im[0] = im[0]! * 0.5;
  }
  const size = nextPowerOfTwo(n) * Math.max(1, Math.round(options.zeroFill));
  const spec = fftShifted(re, im, size);
  const half = size / 2;
  if (frac !== 0) {
    for (let j = 0; j < size; j++) {
      const a = (2 * Math.PI * frac * (j - half)) / size;
      const c = Math.cos(a);
      const s = Math.sin(a);
      const r = spec.re[j]!;
      const q = spec.im[j]!;
      spec.re[j] = r * c - q * s;
      spec.im[j] = r * s + q * c;
    }
  }
  // Index j of the shifted FFT holds offset (j − N/2)·SW/N Hz from the carrier in the FFT's sign
  // convention; `reverse` says whether that runs opposite to the chemical shift.
  const swPpm = fid.spectralWidthHz / fid.referenceFrequencyMHz;
  const stepPpm = -swPpm / size;
  const firstPpm = fid.carrierPpm + swPpm / 2;
  if (!fid.reverse) {
    spec.re.reverse();
    spec.im.reverse();
    // after reversing, point 0 is the highest FFT frequency (+SW/2 − 1 step)
    return { re: spec.re, im: spec.im, firstPpm: firstPpm + stepPpm, stepPpm };
  }
  return { re: spec.re, im: spec.im, firstPpm, stepPpm };
}

/** A Float64Array of ppm values for a spectrum of `n` points. */
export function ppmAxis(n: number, firstPpm: number, stepPpm: number): Float64Array {
  const ppm = new Float64Array(n);
  for (let i = 0; i < n; i++) ppm[i] = firstPpm + i * stepPpm;
  return ppm;
}
