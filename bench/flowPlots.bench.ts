// Density plot pieces on 1,000,000 seeded events: axis choice, 2-D histogram (256 × 256 bins, logicle and
// asinh), and the whole density SVG (histogram + embedded PNG). Reference: numpy.histogram2d over the same
// kind of non-uniform edges (scripts/bench-flow-density-numpy.py; 107 ms on this machine).
import { countApoptosis } from "../src/core/assays/flow/apoptosis.js";
import { binEdges, chooseAxisScale, histogram2d } from "../src/core/assays/flow/density.js";
import { gaussian, mulberry32 } from "../src/core/random/mulberry32.js";
import { plotApoptosisDensity } from "../src/reports/flowPlots.js";

const N = 1_000_000;
const rand = mulberry32(20260601);
const annexin = new Float64Array(N);
const pi = new Float64Array(N);
for (let i = 0; i < N; i++) {
  annexin[i] = (rand() < 0.4 ? 8000 : 150) * 10 ** (0.3 * gaussian(rand)) + 80 * gaussian(rand);
  pi[i] = (rand() < 0.3 ? 12000 : 120) * 10 ** (0.3 * gaussian(rand)) + 80 * gaussian(rand);
}

function best(label: string, run: () => unknown, rounds = 5): number {
  run();
  let ms = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    run();
    ms = Math.min(ms, performance.now() - t0);
  }
  console.log(`${label}: ${ms.toFixed(1)} ms (${(N / ms / 1000).toFixed(1)} M events/s)`);
  return ms;
}

for (const kind of ["logicle", "asinh"] as const) {
  const xs = chooseAxisScale(annexin, { kind });
  const ys = chooseAxisScale(pi, { kind });
  const xe = binEdges(xs, 256);
  const ye = binEdges(ys, 256);
  best(`chooseAxisScale ×2 (${kind})`, () => [
    chooseAxisScale(annexin, { kind }),
    chooseAxisScale(pi, { kind }),
  ]);
  best(`histogram2d 256×256 (${kind})`, () => histogram2d(annexin, pi, xe, ye));
}
const populations = countApoptosis(annexin, pi, [1000, 1000]).populations;
let size = 0;
best("plotApoptosisDensity SVG (logicle, 256×256, PNG)", () => {
  size = plotApoptosisDensity({
    annexin,
    pi,
    thresholds: { annexin: 1000, pi: 1000 },
    channels: { annexin: "FITC-A", pi: "PE-A" },
    populations,
  }).length;
});
console.log(`density SVG size: ${(size / 1024).toFixed(1)} KiB for ${N} events`);
console.log("reference: numpy.histogram2d, 1M events, 256×256 non-uniform edges: 107 ms (9.4 M events/s)");
