import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFcs } from "../src/io/fcs/index.js";
import { ixalab } from "./helpers/cli.js";

// Fixtures with known populations, written by Ixalab's FCS writer in three encodings; `flow apoptosis`
// must count every population exactly. 600 live, 200 early apoptotic, 150 late apoptotic, 50 necrotic
// cells, plus 100 debris events with low FSC-A.
const tmp = mkdtempSync(join(tmpdir(), "ixalab-flow-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const POPULATIONS = [
  { key: "live", count: 600, annexin: false, pi: false },
  { key: "earlyApoptotic", count: 200, annexin: true, pi: false },
  { key: "lateApoptotic", count: 150, annexin: true, pi: true },
  { key: "necrotic", count: 50, annexin: false, pi: true },
] as const;

/** Events with the populations at the given negative/positive levels, then the debris; tiny jitter. */
function events(negative: number, positive: number, jitter: number) {
  const annexin: number[] = [];
  const pi: number[] = [];
  const fsc: number[] = [];
  let k = 0;
  for (const p of POPULATIONS) {
    for (let i = 0; i < p.count; i++, k++) {
      annexin.push((p.annexin ? positive : negative) + (k % 7) * jitter);
      pi.push((p.pi ? positive : negative) + (k % 5) * jitter);
      fsc.push(500 + (k % 11));
    }
  }
  for (let i = 0; i < 100; i++) {
    annexin.push(positive);
    pi.push(negative);
    fsc.push(20 + (i % 10));
  }
  return { annexin, pi, fsc };
}

function apoptosis(file: string, extra: string[]) {
  const run = ixalab([
    "flow",
    "apoptosis",
    file,
    "--annexin",
    "Annexin V",
    "--pi",
    "PI",
    "--fsc-min",
    "100",
    ...extra,
    "--json",
  ]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

function expectExact(out: {
  events: number;
  gatedEvents: number;
  populations: Record<string, { count: number; percent: number }>;
}) {
  expect(out.events).toBe(1100);
  expect(out.gatedEvents).toBe(1000);
  for (const p of POPULATIONS) {
    expect(out.populations[p.key]).toEqual({ count: p.count, percent: (100 * p.count) / 1000 });
  }
}

describe("flow apoptosis on fixtures with known populations", () => {
  it("FCS 3.1 float with a spillover matrix: exact after compensation, wrong without it", () => {
    const e = events(100, 5000, 1);
    // Observed = true × S: 20 % of Annexin V (FITC) spills into the PI detector, 5 % back.
    const s = [
      [1, 0.2],
      [0.05, 1],
    ];
    const fitc = e.annexin.map((a, i) => a * s[0]![0]! + e.pi[i]! * s[1]![0]!);
    const pe = e.annexin.map((a, i) => a * s[0]![1]! + e.pi[i]! * s[1]![1]!);
    const file = join(tmp, "float31.fcs");
    writeFileSync(
      file,
      writeFcs({
        parameters: [
          { name: "FSC-A", range: 262144 },
          { name: "FITC-A", label: "Annexin V", range: 262144 },
          { name: "PE-A", label: "PI", range: 262144 },
        ],
        data: [e.fsc, fitc, pe],
        keywords: { $SPILLOVER: "2,FITC-A,PE-A,1,0.2,0.05,1" },
      }),
    );
    expectExact(apoptosis(file, ["--thresholds", "1000,1000"]));
    const raw = apoptosis(file, ["--thresholds", "1000,1000", "--no-compensation"]);
    // Uncompensated, every Annexin V+ cell spills ≥ 1000 into PI: no early apoptotic cells are left.
    expect(raw.populations.earlyApoptotic.count).toBe(0);
  });

  it("FCS 3.0 int16 big-endian with flag bits above $PnR", () => {
    const e = events(50, 800, 1);
    const flagged = (values: number[]) => values.map((v, i) => v + (i % 4) * 1024);
    const file = join(tmp, "int16.fcs");
    writeFileSync(
      file,
      writeFcs(
        {
          parameters: [
            { name: "FSC-A", range: 1024, bits: 16 },
            { name: "FL1-A", label: "Annexin V", range: 1024, bits: 16 },
            { name: "FL3-A", label: "PI", range: 1024, bits: 16 },
          ],
          data: [flagged(e.fsc), flagged(e.annexin), flagged(e.pi)],
        },
        { datatype: "I", byteOrder: "big", version: "FCS3.0" },
      ),
    );
    expectExact(apoptosis(file, ["--thresholds", "400,400"]));
  });

  it("FCS 2.0 with $PnE log channels: thresholds in scale units", () => {
    const e = events(256, 768, 1); // channels → 10^(4c/1024): about 10 and 1000
    const file = join(tmp, "log20.fcs");
    writeFileSync(
      file,
      writeFcs(
        {
          parameters: [
            { name: "FSC-A", range: 1024 },
            { name: "FL1-H", label: "Annexin V", range: 1024, decades: 4, offset: 0 },
            { name: "FL2-H", label: "PI", range: 1024, decades: 4, offset: 0 },
          ],
          data: [e.fsc, e.annexin, e.pi],
        },
        { datatype: "I", byteOrder: "big", version: "FCS2.0" },
      ),
    );
    expectExact(apoptosis(file, ["--thresholds", "100,100"]));
  });

  it("derives thresholds from a negative control, and names a missing channel", () => {
    const control = join(tmp, "control.fcs");
    const negatives = Array.from({ length: 1000 }, (_, i) => 100 + (i % 50));
    writeFileSync(
      control,
      writeFcs({
        parameters: [
          { name: "FSC-A", range: 262144 },
          { name: "FITC-A", label: "Annexin V", range: 262144 },
          { name: "PE-A", label: "PI", range: 262144 },
        ],
        data: [negatives.map(() => 500), negatives, negatives],
      }),
    );
    expectExact(apoptosis(join(tmp, "float31.fcs"), ["--control", control]));
    const missing = ixalab([
      "flow",
      "apoptosis",
      control,
      "--annexin",
      "APC-A",
      "--pi",
      "PI",
      "--thresholds",
      "1,1",
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no channel 'APC-A'. Channels: FSC-A, FITC-A \(Annexin V\), PE-A \(PI\)/);
  });
});
