// Throughput of the FCS parser: a 1,000,000-event, 6-parameter FCS 3.1 float (little-endian) file,
// generated in memory with the writer from seeded values, parsed repeatedly; best and median of the runs.
// Reference (issue 4, same machine): fcsparser + numpy parse this file in 13 ms inside the process.
import { mulberry32 } from "../src/core/random/mulberry32.js";
import { parseFcs, writeFcs } from "../src/io/fcs/index.js";

const EVENTS = 1_000_000;
const NAMES = ["FSC-A", "SSC-A", "FITC-A", "PE-A", "PI-A", "Time"];
const RUNS = 15;

const rand = mulberry32(20250404);
const data = NAMES.map(() => Float32Array.from({ length: EVENTS }, () => rand() * 262144));
const t0 = performance.now();
const bytes = writeFcs({ parameters: NAMES.map((name) => ({ name, range: 262144 })), data });
const writeMs = performance.now() - t0;

const times: number[] = [];
let checksum = 0;
for (let r = 0; r < RUNS; r++) {
  const start = performance.now();
  const { datasets } = parseFcs(bytes, "bench.fcs");
  times.push(performance.now() - start);
  checksum += datasets[0]!.data[2]![r]!;
}
times.sort((a, b) => a - b);
const [best, median] = [times[0]!, times[Math.floor(RUNS / 2)]!];
const mb = bytes.length / 1e6;
console.log(
  `fcsParse: ${EVENTS.toLocaleString("en")} events × ${NAMES.length} parameters, FCS 3.1 F little-endian, ${mb.toFixed(1)} MB (written in ${writeMs.toFixed(0)} ms)`,
);
console.log(
  `  parseFcs best ${best.toFixed(1)} ms, median ${median.toFixed(1)} ms over ${RUNS} runs → ${(EVENTS / (median / 1000) / 1e6).toFixed(1)} M events/s (${(mb / (median / 1000)).toFixed(0)} MB/s)`,
);
console.log(
  `  reference: fcsparser + numpy 13 ms parse inside the process (issue 4) → ${(13 / median).toFixed(2)}× (>1 = faster)`,
);
console.log(`  checksum ${checksum.toFixed(3)}`);
