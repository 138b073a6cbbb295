// Throughput of the IC50 curve fit (fitCurve, the full robust procedure of DEFINITIONS.md §4: 12-start
// grid + polishing, standard errors, Wald CI, classification) on seeded synthetic ten-point curves:
// ten distinct 3-fold dilutions from 10 µM, 4PL with random IC50 (1 nM–1 µM), hill 0.6–2.5, plateaus
// near 100 % and 0 %, Gaussian noise SD 2–5 % activity. One core, no worker threads.
// Reference figures from the issue (same machine class): scipy curve_fit ~3,000 ten-point curves/s with
// one start; R nlsLM ~820/s. Goal ≥ 30,000 curves/s. scripts/bench-scipy-curve-fit.py re-measures scipy.
import { fitCurve } from "../src/core/assays/ic50/fit.js";
import { gaussian, mulberry32 } from "../src/core/random/mulberry32.js";

const N_CURVES = 20_000;
const ROUNDS = 5;

const rand = mulberry32(20240611);
const conc = Float64Array.from({ length: 10 }, (_, k) => 10_000 / 3 ** k);
const curves: Float64Array[] = [];
for (let c = 0; c < N_CURVES; c++) {
  const lx = rand() * 3;
  const hill = 0.6 + rand() * 1.9;
  const top = 100 + gaussian(rand) * 3;
  const bottom = gaussian(rand) * 3;
  const sd = 2 + rand() * 3;
  curves.push(
    Float64Array.from(
      conc,
      (x) => bottom + (top - bottom) / (1 + 10 ** (hill * (Math.log10(x) - lx))) + gaussian(rand) * sd,
    ),
  );
}

const classes = new Map<string, number>();
for (let c = 0; c < 2000; c++) fitCurve(conc, curves[c]!); // warm-up (JIT)
let bestWall = 0;
let bestCpu = 0;
let iterations = 0;
for (let round = 0; round < ROUNDS; round++) {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  for (const y of curves) {
    const fit = fitCurve(conc, y);
    if (round === 0) {
      classes.set(fit.class, (classes.get(fit.class) ?? 0) + 1);
      iterations += fit.iterations;
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  bestWall = Math.max(bestWall, N_CURVES / ((performance.now() - wallStart) / 1000));
  // CPU time of this process: the figure for one core even when other work shares the machine.
  bestCpu = Math.max(bestCpu, N_CURVES / ((cpu.user + cpu.system) / 1e6));
}
const format = (x: number) => Math.round(x).toLocaleString("en-US");
console.log(
  `ic50 fit: ${N_CURVES} ten-point curves × ${ROUNDS} rounds, full robust procedure (12 starts + polish), one core`,
);
console.log(
  `  ${format(bestWall)} curves/s wall clock, ${format(bestCpu)} curves/s per CPU second (best round)`,
);
console.log(`  mean LM iterations per curve: ${(iterations / N_CURVES).toFixed(1)}`);
console.log(`  classes: ${JSON.stringify(Object.fromEntries(classes))}`);
console.log(
  "  reference (issue): scipy curve_fit ~3,000 curves/s (one start), R nlsLM ~820/s; goal ≥ 30,000",
);
