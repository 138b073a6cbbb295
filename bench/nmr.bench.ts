// NMR FID to peak list: a seeded synthetic ¹H FID of 65,536 complex points (400.13 MHz, SW 8,000 Hz,
// 40 Lorentzian lines of 1 Hz, Gaussian noise, a Bruker-style digital-filter group delay of 67.98 points)
// processed by processNmr with its defaults: group-delay removal, exponential apodization (0.3 Hz), zero
// filling ×2 (131,072-point FFT), automatic phase, polynomial baseline, noise, peak picking, referencing
// and automatic integration ranges. One core. Goal (issue 7): a 64k-point FID to a peak list in < 50 ms.
import { processNmr, syntheticFid } from "../src/core/analytics/nmr/index.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";
import { timeRuns } from "./timing.js";

const rand = mulberry32(20261207);
const lines = Array.from({ length: 40 }, () => ({ ppm: 0.5 + rand() * 9.5, area: 0.2 + rand(), widthHz: 1 }));
const fid = syntheticFid({
  lines,
  points: 65536,
  spectralWidthHz: 8000,
  frequencyMHz: 400.13,
  carrierPpm: 5,
  noise: 0.002,
  rand,
  groupDelay: 67.9842071533203,
  solvent: "DMSO-d6",
});

const { median, p95, last } = timeRuns(() => processNmr({ fid }), { warmup: 10, runs: 50 });
console.log(
  `nmr: ${fid.re.length}-point FID → ${last.y.length}-point spectrum, ${last.peaks.length} peaks (40 lines), ${last.ranges.length} ranges`,
);
console.log(
  `  median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms   goal < 50 ms ${median < 50 ? "✓" : "✗"}`,
);
