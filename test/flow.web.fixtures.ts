/**
 * A seeded Annexin V / PI sample for the flow plot, API and browser tests: four populations spread
 * log-normally (with some negative values, as compensated data have), debris with low FSC-A, written as
 * FCS 3.1 float with a spillover matrix (20 % FITC into PE, 5 % back) so the analysis compensates. Each
 * population lies more than 5 SD (0.12 decades) from thresholds of 2000, so its label is its quadrant.
 */
import { gaussian, mulberry32 } from "../src/core/random/mulberry32.js";
import { writeFcs } from "../src/io/fcs/index.js";

/** The populations' centres (compensated scale units) and sizes. */
export const SAMPLE_POPULATIONS = [
  { key: "live", count: 6000, annexin: 150, pi: 120 },
  { key: "earlyApoptotic", count: 2000, annexin: 9000, pi: 160 },
  { key: "lateApoptotic", count: 1500, annexin: 15000, pi: 20000 },
  { key: "necrotic", count: 500, annexin: 250, pi: 12000 },
] as const;

/** Debris events with FSC-A below the cut-off used by the tests (fscMin 10000). */
export const DEBRIS = 400;

/** True (compensated) values of the sample, and the same data as the detectors saw them. */
export function sampleEvents(seed = 20260601) {
  const rand = mulberry32(seed);
  const annexin: number[] = [];
  const pi: number[] = [];
  const fsc: number[] = [];
  const spread = (centre: number) => centre * 10 ** (0.12 * gaussian(rand)) + 60 * gaussian(rand);
  for (const p of SAMPLE_POPULATIONS) {
    for (let i = 0; i < p.count; i++) {
      annexin.push(spread(p.annexin));
      pi.push(spread(p.pi));
      fsc.push(60000 + 15000 * gaussian(rand));
    }
  }
  for (let i = 0; i < DEBRIS; i++) {
    annexin.push(spread(3000));
    pi.push(spread(300));
    fsc.push(2000 + 1000 * rand());
  }
  return { annexin, pi, fsc };
}

/** The sample as an FCS 3.1 float file: FSC-A, FITC-A "Annexin V", PE-A "PI", with `$SPILLOVER`. */
export function sampleFcs(seed = 20260601): Uint8Array {
  const e = sampleEvents(seed);
  // Observed = true × S with S = [[1, 0.2], [0.05, 1]] (rows: fluorochromes FITC, PE).
  const fitc = e.annexin.map((a, i) => a + 0.05 * e.pi[i]!);
  const pe = e.annexin.map((a, i) => 0.2 * a + e.pi[i]!);
  return writeFcs({
    parameters: [
      { name: "FSC-A", range: 262144 },
      { name: "FITC-A", label: "Annexin V", range: 262144 },
      { name: "PE-A", label: "PI", range: 262144 },
    ],
    data: [e.fsc, fitc, pe],
    keywords: { $SPILLOVER: "2,FITC-A,PE-A,1,0.2,0.05,1", $CYT: "Ixalab fixture" },
  });
}
