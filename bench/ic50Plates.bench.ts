// Throughput of the IC50 plate side on the seeded 40-plate, 384-well screen (15,360 wells × 31 reads):
// parsing the long kinetic CSV, the layout and the plate table, then rates, control statistics, Z' and
// % activity. Reference (issue 3): an R pipeline takes 23 s for the whole screen, 12-start fits included.
// The screen comes from scripts/make-ic50-screen.ts (generated into .tmp/screen40 when missing).
//
//   npx tsx bench/ic50Plates.bench.ts [dir=.tmp/screen40]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analysePlates } from "../src/core/assays/ic50/plates.js";
import { parseKineticsLong, parsePlateLayout, parsePlateTable } from "../src/io/plate-csv/index.js";

const dir = process.argv[2] ?? ".tmp/screen40";
if (!existsSync(join(dir, "kinetics.csv"))) {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/make-ic50-screen.ts", dir], {
    stdio: "inherit",
  });
}
const kineticsBytes = new Uint8Array(readFileSync(join(dir, "kinetics.csv")));
const layoutBytes = new Uint8Array(readFileSync(join(dir, "layout.csv")));
const platesBytes = new Uint8Array(readFileSync(join(dir, "plates.csv")));

const ROUNDS = 7;
const timings = {
  parse: [] as number[],
  layout: [] as number[],
  analyse: [] as number[],
  linear: [] as number[],
};
let rows = 0;
let wells = 0;
let nPlates = 0;
for (let round = 0; round < ROUNDS + 1; round++) {
  const t0 = performance.now();
  const reads = parseKineticsLong(kineticsBytes, "kinetics.csv");
  const t1 = performance.now();
  const layout = parsePlateLayout(layoutBytes, "layout.csv");
  const plates = parsePlateTable(platesBytes, "plates.csv");
  const t2 = performance.now();
  const analysis = analysePlates(reads, layout, plates);
  const t3 = performance.now();
  analysePlates(reads, layout, plates, { linearRange: true });
  const t4 = performance.now();
  if (round === 0) continue; // warm-up: JIT compilation
  timings.parse.push(t1 - t0);
  timings.layout.push(t2 - t1);
  timings.analyse.push(t3 - t2);
  timings.linear.push(t4 - t3);
  rows = reads.timeS.length;
  wells = analysis.wells.length;
  nPlates = analysis.plates.length;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! / 1000;
const parseS = median(timings.parse);
const layoutS = median(timings.layout);
const analyseS = median(timings.analyse);
const linearS = median(timings.linear);
const totalS = parseS + layoutS + analyseS;
const mb = kineticsBytes.length / 1e6;
console.log(
  `ic50 plates: ${nPlates} plates, ${wells} wells, ${rows} reads (${mb.toFixed(1)} MB), median of ${ROUNDS}`,
);
console.log(
  `  parse kinetics  ${(parseS * 1000).toFixed(1)} ms = ${(rows / parseS / 1e6).toFixed(2)} M rows/s (${(mb / parseS).toFixed(0)} MB/s)`,
);
console.log(`  layout + plates ${(layoutS * 1000).toFixed(1)} ms`);
console.log(
  `  rates + QC      ${(analyseS * 1000).toFixed(1)} ms = ${(wells / analyseS / 1e6).toFixed(2)} M wells/s`,
);
console.log(
  `  + linear range  ${(linearS * 1000).toFixed(1)} ms = ${(wells / linearS / 1e6).toFixed(2)} M wells/s (optional)`,
);
console.log(
  `  total           ${(totalS * 1000).toFixed(1)} ms = ${(wells / totalS).toFixed(0)} wells/s; reference: R pipeline 23 s for the screen including 12-start fits`,
);
