// HPLC chromatogram processing: 1,000 seeded synthetic chromatograms of 9,000 points each (30 min at 0.2 s;
// 5–12 EMG peaks at random positions, heights and tails; a drifting baseline; noise; scripts/
// make-hplc-synthetic.ts benchmarkRun) through analyzeChromatogram with its defaults: slope-sensitivity
// peak detection, straight-segment baselines with valley drops and tangent skims, area %, USP N/T/Rs/S/N.
// The traces are built first; only the processing is timed. One core. Goal (issue 6): < 5 s for the 1,000.
import { benchmarkRun } from "../scripts/make-hplc-synthetic.js";
import {
  analyzeChromatogram,
  type Chromatogram,
  simulateChromatogram,
} from "../src/core/analytics/hplc/index.js";

const COUNT = 1000;
const GOAL_S = 5;
const runs: Chromatogram[] = Array.from({ length: COUNT }, (_, k) => ({
  ...simulateChromatogram(benchmarkRun(20260601 + k)),
  units: "mAU",
  detector: "synthetic",
  format: "chromatogram-csv",
  metadata: {},
}));

// Warm-up (JIT) on a few traces, then the timed pass over all of them.
for (let k = 0; k < 20; k++) analyzeChromatogram(runs[k]!);
let peaks = 0;
const start = performance.now();
for (const run of runs) peaks += analyzeChromatogram(run).peaks.length;
const seconds = (performance.now() - start) / 1000;
const points = COUNT * runs[0]!.signal.length;
console.log(
  `hplc analyze: ${COUNT} chromatograms × ${runs[0]!.signal.length} points in ${seconds.toFixed(2)} s ` +
    `(${(COUNT / seconds).toFixed(0)} chromatograms/s, ${(points / seconds / 1e6).toFixed(1)} M points/s, ` +
    `${peaks} peaks) — goal < ${GOAL_S} s: ${seconds < GOAL_S ? "met" : "NOT met"}`,
);
