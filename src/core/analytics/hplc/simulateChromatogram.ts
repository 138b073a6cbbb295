// Synthetic RP-HPLC chromatograms with exactly known peak areas (tests, benchmarks and the demo batch):
// exponentially modified Gaussians (EMG) on a drifting baseline with seeded Gaussian noise. The EMG
// integrates to its area analytically (Grushka, Anal. Chem. 1972, 44, 1733), so the truth needs no
// numerical integration; the samples are the closed form at each time.
import { gaussian, mulberry32 } from "../../random/mulberry32.js";

/** One EMG peak: centre μ and Gaussian σ in minutes, exponential time constant τ (0: pure Gaussian). */
export interface SyntheticPeak {
  name: string;
  mu_min: number;
  sigma_min: number;
  tau_min: number;
  /** Exact area, signal × seconds. */
  area: number;
}

/** A synthetic run: sampling, baseline drift, noise and the peaks. */
export interface SyntheticSpec {
  points: number;
  end_min: number;
  /** Baseline: offset + slope·t + amplitude·sin(2π t / period). */
  drift: { offset: number; slope_per_min: number; amplitude: number; period_min: number };
  noiseSigma: number;
  peaks: SyntheticPeak[];
  seed: number;
}

/** erfcx(z) = exp(z²) erfc(z) for z ≥ 0 (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
function erfcxPositive(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  return (
    t *
    Math.exp(
      -1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  );
}

/** The EMG density of unit area at time t (minutes⁻¹), in the form that never overflows. */
export function emg(t: number, mu: number, sigma: number, tau: number): number {
  const u = (t - mu) / sigma;
  if (tau <= 0) return Math.exp(-0.5 * u * u) / (sigma * Math.sqrt(2 * Math.PI));
  const k = sigma / tau;
  const z = (k - u) / Math.SQRT2;
  if (z >= 0) return (Math.exp(-0.5 * u * u) * erfcxPositive(z)) / (2 * tau);
  // erfc(z) for z < 0 is 2 − erfc(−z), and exp(k²/2 − k·u) is then small.
  const erfc = 2 - Math.exp(-z * z) * erfcxPositive(-z);
  return (Math.exp(0.5 * k * k - k * u) * erfc) / (2 * tau);
}

/**
 * Samples a synthetic chromatogram, deterministic for the spec's seed: times (min) and signal (EMG peaks
 * whose exact areas are `area`, on the drifting baseline, with Gaussian noise of SD `noiseSigma`).
 */
export function simulateChromatogram(spec: SyntheticSpec): { times_min: Float64Array; signal: Float64Array } {
  const rand = mulberry32(spec.seed);
  const times = new Float64Array(spec.points);
  const signal = new Float64Array(spec.points);
  const { offset, slope_per_min, amplitude, period_min } = spec.drift;
  for (let i = 0; i < spec.points; i++) {
    const t = (i * spec.end_min) / (spec.points - 1);
    times[i] = t;
    let y = offset + slope_per_min * t + amplitude * Math.sin((2 * Math.PI * t) / period_min);
    for (const p of spec.peaks) {
      if (Math.abs(t - p.mu_min) < 12 * p.sigma_min + 40 * p.tau_min)
        y += (p.area / 60) * emg(t, p.mu_min, p.sigma_min, p.tau_min);
    }
    signal[i] = y + spec.noiseSigma * gaussian(rand);
  }
  return { times_min: times, signal };
}
