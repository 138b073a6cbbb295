// Flow cytometry throughput on the issue-4 benchmark file: 1,000,000 events × 6 parameters, FCS 3.1 float
// (little-endian) with a 2-colour $SPILLOVER, generated from a seeded PRNG (scripts/make-flow-bench-file.ts).
// Prints best and median of repeated runs (ms) and events/s for parse, compensation, logicle and gating,
// and the in-process apoptosis pipeline (parse + compensate + count), next to the issue's reference
// figures for fcsparser + numpy on this machine. Whole-process time: scripts/bench-flow-process.sh.

import { makeFlowBenchFile } from "../scripts/make-flow-bench-file.js";
import { countApoptosis } from "../src/core/assays/flow/apoptosis.js";
import { compensateChannels } from "../src/core/assays/flow/compensateChannels.js";
import { logicle, polygonMask, quadrantMask, rectangleMask } from "../src/core/assays/flow/gating/index.js";
import { parseFcs, scaleValues, spilloverOf } from "../src/io/fcs/index.js";
import { apoptosisEvents } from "../src/kinds/flowApoptosis.js";

const EVENTS = 1_000_000;
const RUNS = 15;
const bytes = makeFlowBenchFile(EVENTS);
const mb = bytes.length / 1e6;

function time(label: string, run: () => unknown, reference?: string): number {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const [best, median] = [times[0]!, times[Math.floor(RUNS / 2)]!];
  const rate = (EVENTS / (median / 1000) / 1e6).toFixed(1);
  console.log(
    `  ${label.padEnd(44)} best ${best.toFixed(1).padStart(6)} ms  median ${median.toFixed(1).padStart(6)} ms  ${rate.padStart(7)} M events/s${reference ? `   ${reference}` : ""}`,
  );
  return median;
}

console.log(
  `flow: ${EVENTS.toLocaleString("en")} events × 6 parameters, FCS 3.1 F little-endian, ${mb.toFixed(1)} MB, ${RUNS} runs`,
);
const dataset = parseFcs(bytes, "bench.fcs").datasets[0]!;
const index = (name: string) => dataset.parameters.findIndex((p) => p.name === name);
const fitc = dataset.data[index("FITC-A")]!;
const pe = dataset.data[index("PE-A")]!;
const spill = spilloverOf(dataset)!;

time("parse (HEADER + TEXT; columns on demand)", () => parseFcs(bytes, "bench.fcs"));
time("parse + gather 2 of 6 columns", () => {
  const d = parseFcs(bytes, "bench.fcs").datasets[0]!;
  return [d.data[3]![0], d.data[4]![0]];
});
time(
  "parse + gather all 6 columns",
  () => parseFcs(bytes, "bench.fcs").datasets[0]!.data.map((c) => c[0]),
  "ref. fcsparser + numpy parse: 13 ms",
);
time("compensation (2 × 2 $SPILLOVER, 2 channels)", () =>
  compensateChannels(spill, { "FITC-A": fitc, "PE-A": pe }, ["FITC-A", "PE-A"]),
);
const comp = compensateChannels(spill, { "FITC-A": fitc, "PE-A": pe }, ["FITC-A", "PE-A"]);
const a = comp["FITC-A"]!;
const p = comp["PE-A"]!;
const out = new Float64Array(EVENTS);
time("logicle (T 262144, W 0.5, M 4.5, A 0)", () => logicle(a, 262144, 0.5, 4.5, 0, out));
time("gate: rectangle (2-D)", () => rectangleMask([a, p], [{ min: 2000 }, { max: 3000 }], EVENTS));
const polygon: [number, number][] = [
  [2000, 100],
  [30000, 200],
  [40000, 2500],
  [5000, 3000],
  [1500, 1500],
];
time("gate: polygon (5 vertices)", () => polygonMask(a, p, polygon));
time("gate: quadrant (one quadrant of a 2 × 2)", () =>
  quadrantMask([a, p], [[2000], [3000]], [2500, 100], EVENTS),
);
time("countApoptosis (4 quadrants)", () => countApoptosis(a, p, [2000, 3000]));
const scaled = [scaleValues(dataset, 4), scaleValues(dataset, 5)];
time("countApoptosis with a gate mask", () =>
  countApoptosis(scaled[0]!, scaled[1]!, [2000, 3000], new Uint8Array(EVENTS).fill(1)),
);

const input = { fcs: { ref: { name: "bench.fcs", bytes: bytes.length, sha256: "", format: "fcs" }, bytes } };
const params = {
  annexin: "FITC-A",
  pi: "PE-A",
  thresholds: [2000, 3000] as [number, number],
  controlPercentile: 99.5,
  singlets: false,
  singletBand: [0.8, 1.25] as [number, number],
  fscArea: "FSC-A",
  fscHeight: "FSC-H",
  sscArea: "SSC-A",
  compensation: true,
};
time(
  "apoptosis: parse + compensate + count",
  () => {
    const e = apoptosisEvents(params, input);
    return countApoptosis(e.annexin, e.pi, [2000, 3000], e.keep);
  },
  "ref. fcsparser + numpy: 13 + 16 = 29 ms; goal < 30 ms",
);
time("apoptosis + --singlets + --fsc-min", () => {
  const e = apoptosisEvents({ ...params, singlets: true, fscMin: 20000 }, input);
  return countApoptosis(e.annexin, e.pi, [2000, 3000], e.keep);
});
