// XRPD pattern to peak list and form match: a seeded synthetic 5,000-point pattern (4–54° 2θ at 0.01°,
// Cu Kα1+Kα2 pseudo-Voigt doublets of 40 lines, background hump, counting noise) processed to a peak list
// (SNIP background, Rachinger Kα2 stripping, peak search with pseudo-Voigt refinement, automatic background
// window), then matched against 100 reference forms of 20–40 peaks each (seeded random lists plus the
// true form). One core. Goal (issue 7): < 50 ms for the whole.
import {
  CU_K_ALPHA,
  matchPattern,
  processPattern,
  type ReferenceForm,
  simulatePattern,
} from "../src/core/analytics/xrpd/index.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";

const rand = mulberry32(20261202);
// 40 lines spread over 5–53° 2θ (at least 0.5° apart, so each is its own peak), as d-spacings at Kα1.
const angles: number[] = [];
while (angles.length < 40) {
  const t = 5 + rand() * 48;
  if (angles.every((a) => Math.abs(a - t) >= 0.5)) angles.push(t);
}
const dSpacings = angles.sort((a, b) => a - b).map((t) => 1.5406 / (2 * Math.sin((t * Math.PI) / 360)));
const heights = dSpacings.map(() => 100 + rand() * 4000);
const { pattern } = simulatePattern({
  forms: [{ dSpacings_A: dSpacings, heights }],
  wavelength: CU_K_ALPHA,
  twoThetaStart: 4,
  twoThetaEnd: 53.99,
  step: 0.01,
  fwhm: 0.1,
  eta: 0.4,
  background: { a: 300, b: -3, c: 800 },
  seed: 7,
});
const references: ReferenceForm[] = Array.from({ length: 99 }, (_, r) => ({
  name: `form${r + 1}`,
  peaks: Array.from({ length: 20 + Math.floor(rand() * 21) }, () => ({
    twoTheta: 4 + rand() * 50,
    relIntensity: 1 + rand() * 99,
  })).sort((a, b) => a.twoTheta - b.twoTheta),
}));
const max = Math.max(...heights);
references.push({
  name: "true form",
  peaks: dSpacings.map((d, k) => ({
    twoTheta: (2 * Math.asin(1.5406 / (2 * d)) * 180) / Math.PI,
    relIntensity: (100 * heights[k]!) / max,
  })),
});

function run() {
  const processed = processPattern(pattern);
  const match = matchPattern(processed.peaks, references, [4, 53.99]);
  return { peaks: processed.peaks.length, best: match.bestMatch };
}

for (let i = 0; i < 20; i++) run(); // warm-up (JIT)
const N = 100;
const times: number[] = [];
let last = run();
for (let i = 0; i < N; i++) {
  const t0 = performance.now();
  last = run();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[N >> 1]!;
const p95 = times[Math.floor(N * 0.95)]!;
console.log(
  `xrpd: ${pattern.twoTheta.length} points → ${last.peaks} peaks (40 lines) + match against ${references.length} forms (best: ${last.best})`,
);
console.log(
  `  median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms   goal < 50 ms ${median < 50 ? "✓" : "✗"}`,
);
