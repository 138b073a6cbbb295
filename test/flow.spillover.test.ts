import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spilloverFromControls } from "../src/core/assays/flow/spilloverFromControls.js";
import { parseFcs, scaleValues, spilloverOf, writeFcs } from "../src/io/fcs/index.js";
import { formatSpilloverMatrix, parseSpilloverMatrix } from "../src/io/flow-matrix/index.js";
import { ixalab, REPO_ROOT } from "./helpers/cli.js";

// flowCore's compensation set (shared/testdata/flow/compensation/flowcore_compdata): an unstained and four
// single-stain FACSCalibur controls, the control → channel map (comp_match) and the matrix flowCore's
// spillover() computes from them (compref; flowStats' test-spillover.R compares it at tolerance 3e-8).
const COMPDATA = join(REPO_ROOT, "..", "shared", "testdata", "flow", "compensation", "flowcore_compdata");
const FLOWKIT = join(REPO_ROOT, "..", "shared", "testdata", "flow", "compensation", "flowkit");
const tmp = mkdtempSync(join(tmpdir(), "ixalab-spill-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const compref = parseSpilloverMatrix(readFileSync(join(COMPDATA, "compref"), "utf8"), "compref");
/** comp_match: which control stains which channel (060909.001 is the unstained one). */
const MATCH = readFileSync(join(COMPDATA, "comp_match"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",") as [string, string]);
const STAINS = MATCH.filter(([, channel]) => channel !== "unstained").sort((a, b) =>
  a[1].localeCompare(b[1]),
);
const UNSTAINED = MATCH.find(([, channel]) => channel === "unstained")![0];

function maxDifference(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i]![j]!))));
}

describe("spillover from single-stain controls (flowCore's spillover())", () => {
  it("reproduces flowCore's compref from the flowCore controls", () => {
    const events = (file: string) => {
      const d = parseFcs(new Uint8Array(readFileSync(join(COMPDATA, file))), file).datasets[0]!;
      return Object.fromEntries(d.parameters.map((p, i) => [p.name, scaleValues(d, i + 1)]));
    };
    const matrix = spilloverFromControls(
      events(UNSTAINED),
      STAINS.map(([file, channel]) => ({ detector: channel, events: events(file) })),
    );
    expect(matrix.detectors).toEqual(compref.detectors);
    // Same statistic (R's median) on the same linearised values (flowCore's read.FCS: 10^(4·x/1024)):
    // agreement to rounding. Observed 3.3e-16; asserted 1e-12 (flowCore's own test allows 3e-8).
    expect(maxDifference(matrix.coefficients, compref.coefficients)).toBeLessThan(1e-12);
  });

  it("CLI: flow spillover --json gives the same matrix and --csv writes one --spillover reads back", () => {
    const csv = join(tmp, "spill.csv");
    const run = ixalab([
      "flow",
      "spillover",
      "--unstained",
      join(COMPDATA, UNSTAINED),
      ...STAINS.flatMap(([file, channel]) => ["--stain", `${channel}=${join(COMPDATA, file)}`]),
      "--csv",
      csv,
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { detectors: string[]; matrix: number[][] };
    expect(Object.keys(out)).toEqual(["detectors", "matrix"]);
    expect(out.detectors).toEqual(["FL1-H", "FL2-H", "FL3-H", "FL4-H"]);
    expect(maxDifference(out.matrix, compref.coefficients)).toBeLessThan(1e-12);
    const back = parseSpilloverMatrix(readFileSync(csv, "utf8"), csv);
    expect(back.coefficients).toEqual(out.matrix); // exact: shortest round-trip number text
  });

  it("CLI: names a --stain detector that the controls lack, exit 2", () => {
    const run = ixalab([
      "flow",
      "spillover",
      "--unstained",
      join(COMPDATA, UNSTAINED),
      "--stain",
      `APC-A=${join(COMPDATA, "060909.002")}`,
      "--json",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/060909\.001: no channel 'APC-A'/);
  });
});

describe("spillover matrix CSV (FlowJo / FlowKit / flowCore)", () => {
  it("reads FlowKit's 14-colour CSV with the detectors of its FCS file's SPILL keyword", () => {
    const fcs = parseFcs(new Uint8Array(readFileSync(join(FLOWKIT, "test_comp_example.fcs"))), "x")
      .datasets[0]!;
    const csv = parseSpilloverMatrix(readFileSync(join(FLOWKIT, "comp_complete_example.csv"), "utf8"));
    expect(csv.detectors).toEqual(spilloverOf(fcs)!.detectors);
    expect(csv.coefficients.map((row, i) => row[i])).toEqual(Array(14).fill(1));
    expect(csv.coefficients[0]!.slice(0, 4)).toEqual([1, 0.2986, 0, 0.0165]);
  });

  it("reads named rows in any order, tab or space separated, and round-trips its own CSV", () => {
    const text = '"PE-A"\t"FITC-A"\n"FITC-A"\t0.2\t1\n"PE-A"\t1\t0.05\n';
    const m = parseSpilloverMatrix(text, "t.tsv");
    expect(m.detectors).toEqual(["PE-A", "FITC-A"]);
    expect(m.coefficients).toEqual([
      [1, 0.05],
      [0.2, 1],
    ]);
    expect(parseSpilloverMatrix(formatSpilloverMatrix(m))).toEqual(m);
  });

  it("refuses a non-square matrix and a non-number, naming the file and line", () => {
    expect(() => parseSpilloverMatrix("A,B\n1,0\n", "m.csv")).toThrow(
      /m\.csv: line 2…: expected 2 matrix rows/,
    );
    expect(() => parseSpilloverMatrix("A,B\n1,x\n0,1\n", "m.csv")).toThrow(
      "m.csv: line 2, column 'B': expected a number, found 'x'",
    );
    expect(() => parseSpilloverMatrix("A,B\nC,1,0\nA,0,1\n", "m.csv")).toThrow(
      /line 2: expected a row name among A, B/,
    );
  });
});

describe("flow apoptosis --spillover", () => {
  // 600 live, 200 early, 150 late, 50 necrotic; observed = true × S with S = [[1, 0.2], [0.05, 1]].
  const truth = [
    ...Array.from({ length: 600 }, () => [100, 100]),
    ...Array.from({ length: 200 }, () => [5000, 100]),
    ...Array.from({ length: 150 }, () => [5000, 5000]),
    ...Array.from({ length: 50 }, () => [100, 5000]),
  ] as [number, number][];
  const fitc = truth.map(([a, p]) => a + 0.05 * p);
  const pe = truth.map(([a, p]) => 0.2 * a + p);
  const sample = join(tmp, "nokeyword.fcs");
  writeFileSync(
    sample,
    writeFcs({
      parameters: [
        { name: "FSC-A", range: 262144 },
        { name: "FITC-A", range: 262144 },
        { name: "PE-A", range: 262144 },
      ],
      data: [truth.map(() => 500), fitc, pe],
    }),
  );

  it("compensates with a user matrix CSV: exact counts", () => {
    const csv = join(tmp, "user.csv");
    writeFileSync(csv, ",FITC-A,PE-A\nFITC-A,1,0.2\nPE-A,0.05,1\n");
    const run = ixalab([
      "flow",
      "apoptosis",
      sample,
      "--annexin",
      "FITC-A",
      "--pi",
      "PE-A",
      "--thresholds",
      "1000,1000",
      "--spillover",
      csv,
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { populations } = JSON.parse(run.stdout);
    expect([
      populations.live.count,
      populations.earlyApoptotic.count,
      populations.lateApoptotic.count,
      populations.necrotic.count,
    ]).toEqual([600, 200, 150, 50]);
  });

  it("refuses a matrix naming a detector the sample lacks: exit 2 naming the matrix and the detector", () => {
    const csv = join(tmp, "wrong.csv");
    writeFileSync(csv, "FITC-A,APC-A\n1,0.2\n0.05,1\n");
    const run = ixalab([
      "flow",
      "apoptosis",
      sample,
      "--annexin",
      "FITC-A",
      "--pi",
      "PE-A",
      "--thresholds",
      "1000,1000",
      "--spillover",
      csv,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /wrong\.csv: detector 'APC-A': expected a channel \(\$PnN\) of nokeyword\.fcs: FSC-A, FITC-A, PE-A, found 'APC-A'/,
    );
  });
});
