// Writes the benchmark file of issue 4: 1,000,000 events × 6 parameters, FCS 3.1 float (little-endian),
// with a 2-colour $SPILLOVER matrix, seeded populations (live, early/late apoptotic, necrotic, debris).
// Usage: npx tsx scripts/make-flow-bench-file.ts OUT.fcs [events]
import { writeFileSync } from "node:fs";
import { gaussian, mulberry32 } from "../src/core/random/mulberry32.js";
import { writeFcs } from "../src/io/fcs/index.js";

/** The seeded benchmark events and the FCS bytes that hold them. */
export function makeFlowBenchFile(events = 1_000_000, seed = 20250404): Uint8Array {
  const rand = mulberry32(seed);
  const names = ["FSC-A", "FSC-H", "SSC-A", "FITC-A", "PE-A", "Time"];
  const data = names.map(() => new Float32Array(events));
  const [fscA, fscH, ssc, fitc, pe, time] = data as [
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
  ];
  // Observed = true × S, S = [[1, 0.2], [0.05, 1]] (FITC into PE 20 %, PE into FITC 5 %).
  for (let i = 0; i < events; i++) {
    const u = rand();
    const debris = u < 0.05;
    const a = u < 0.6 ? 300 : u < 0.8 ? 8000 : u < 0.95 ? 12000 : 400; // Annexin V: live, early, late, necrotic
    const p = u < 0.8 ? 200 : u < 0.95 ? 9000 : 15000;
    const trueA = Math.max(0, a * Math.exp(0.3 * gaussian(rand)));
    const trueP = Math.max(0, p * Math.exp(0.3 * gaussian(rand)));
    const h = debris ? 5000 + 3000 * rand() : 60000 + 8000 * gaussian(rand);
    fscH[i] = h;
    fscA[i] = h * (rand() < 0.08 ? 1.9 : 1.0) * (1 + 0.03 * gaussian(rand));
    ssc[i] = debris ? 2000 * rand() : 30000 + 6000 * gaussian(rand);
    fitc[i] = trueA + 0.05 * trueP;
    pe[i] = 0.2 * trueA + trueP;
    time[i] = i / 1000;
  }
  return writeFcs({
    parameters: names.map((name) => ({ name, range: 262144 })),
    data,
    keywords: { $SPILLOVER: "2,FITC-A,PE-A,1,0.2,0.05,1" },
  });
}

if (process.argv[1]?.endsWith("make-flow-bench-file.ts")) {
  const out = process.argv[2];
  if (!out) throw new Error("usage: make-flow-bench-file.ts OUT.fcs [events]");
  writeFileSync(out, makeFlowBenchFile(Number(process.argv[3] ?? 1_000_000)));
}
