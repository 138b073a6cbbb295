// Synthetic RP-HPLC chromatograms with exactly known peak areas, for the integration tests and the
// benchmark: the purity and benchmark runs, sampled by simulateChromatogram
// (src/core/analytics/hplc/simulateChromatogram.ts: EMG peaks, drifting baseline, seeded Gaussian noise).
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
import {
  type SyntheticPeak,
  type SyntheticSpec,
  simulateChromatogram,
} from "../src/core/analytics/hplc/index.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";

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
  const run = simulateChromatogram(spec);
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
