// Synthetic RP-HPLC chromatograms with exactly known peak areas, for the integration tests and the
// benchmark: exponentially modified Gaussians (EMG) on a drifting baseline with seeded Gaussian noise.
//
//   npx tsx scripts/make-hplc-synthetic.ts [outDir=.tmp/hplc] [--seed 20260601]
//
// writes purity.csv (time_min,signal) and purity.truth.json (every peak's centre, σ, τ and exact area in
// signal·s, and its area % of the sum). The EMG integrates to its area analytically (Grushka 1972), so the
// truth needs no numerical integration; the samples are the closed form at each time. Generated data is
// not committed (.tmp/ is ignored): the tests call the same functions with the same seed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gaussian, mulberry32 } from "../src/core/random/mulberry32.js";

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

/** Samples a synthetic chromatogram: times (min) and signal. */
export function synthesize(spec: SyntheticSpec): { times_min: Float64Array; signal: Float64Array } {
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

/**
 * The purity test run: 9,000 points over 30 min (0.2 s), a main peak (tailing EMG), a pair at Rs ≈ 1.2
 * (the later one a shoulder of half the height), four impurities at 0.05–0.5 % of the main peak, a drifting
 * baseline and noise. Areas in mAU·s.
 */
export function purityRun(seed = 20260601): SyntheticSpec {
  const mainArea = 60 * 62.7; // ≈ 500 mAU tall at σ = 0.05 min
  const sigma = 0.05;
  // Rs = 1.18 Δ / (W½,1 + W½,2) with W½ = 2.3548 σ (Gaussians): Δ = 1.2 · 2 · 2.3548 σ / 1.18.
  const pairDelta = (1.2 * 2 * 2.3548 * sigma) / 1.18;
  return {
    points: 9000,
    end_min: 30,
    drift: { offset: 2, slope_per_min: 0.15, amplitude: 1.5, period_min: 40 },
    noiseSigma: 0.004,
    seed,
    peaks: [
      { name: "imp-0.05", mu_min: 6, sigma_min: sigma, tau_min: 0.01, area: 0.00055 * mainArea },
      { name: "imp-0.1", mu_min: 9, sigma_min: sigma, tau_min: 0.01, area: 0.001 * mainArea },
      { name: "pair-1", mu_min: 11, sigma_min: sigma, tau_min: 0, area: 0.02 * mainArea },
      { name: "shoulder", mu_min: 11 + pairDelta, sigma_min: sigma, tau_min: 0, area: 0.01 * mainArea },
      { name: "main", mu_min: 15, sigma_min: sigma, tau_min: 0.03, area: mainArea },
      { name: "imp-0.2", mu_min: 21, sigma_min: sigma, tau_min: 0.01, area: 0.002 * mainArea },
      { name: "imp-0.5", mu_min: 25, sigma_min: sigma, tau_min: 0.01, area: 0.005 * mainArea },
    ],
  };
}

/** A varied run for the benchmark: 5–12 peaks at seeded positions, heights and tails. */
export function benchmarkRun(seed: number): SyntheticSpec {
  const rand = mulberry32(seed);
  const count = 5 + Math.floor(rand() * 8);
  const peaks: SyntheticPeak[] = [];
  for (let k = 0; k < count; k++) {
    peaks.push({
      name: `p${k}`,
      mu_min: 2 + rand() * 26,
      sigma_min: 0.03 + rand() * 0.05,
      tau_min: rand() * 0.04,
      area: 60 * (0.05 + rand() ** 3 * 60),
    });
  }
  return {
    points: 9000,
    end_min: 30,
    drift: {
      offset: rand() * 5,
      slope_per_min: rand() * 0.3 - 0.15,
      amplitude: rand() * 2,
      period_min: 20 + rand() * 40,
    },
    noiseSigma: 0.002 + rand() * 0.01,
    seed,
    peaks,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const i = args.indexOf("--seed");
  const seed = i >= 0 ? Number(args.splice(i, 2)[1]) : 20260601;
  const outDir = args[0] ?? ".tmp/hplc";
  mkdirSync(outDir, { recursive: true });
  const spec = purityRun(seed);
  const run = synthesize(spec);
  const rows = ["time_min,signal"];
  for (let k = 0; k < run.times_min.length; k++)
    rows.push(`${run.times_min[k]!.toPrecision(10)},${run.signal[k]!.toPrecision(10)}`);
  writeFileSync(join(outDir, "purity.csv"), `${rows.join("\n")}\n`);
  const total = spec.peaks.reduce((s, p) => s + p.area, 0);
  const truth = spec.peaks.map((p) => ({ ...p, areaPercent: (100 * p.area) / total }));
  writeFileSync(join(outDir, "purity.truth.json"), `${JSON.stringify({ spec, truth }, null, 2)}\n`);
  process.stdout.write(
    `wrote ${join(outDir, "purity.csv")} (${run.times_min.length} points, ${spec.peaks.length} peaks)\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
