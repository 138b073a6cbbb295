import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rangeMask, SCATTER_GATE_DEFAULTS, singletMask } from "../src/core/assays/flow/scatterGates.js";
import { writeFcs } from "../src/io/fcs/index.js";
import { ixalab } from "./helpers/cli.js";

// A writer-made sample with known events: 1000 singlet cells in four quadrant populations, 200 doublets
// (FSC-A ≈ 1.9 × FSC-H, all Annexin V+ PI+) and 100 debris events (low FSC-A and SSC-A, Annexin V+).
// Without the gates the doublets inflate "late apoptotic" and the debris "early apoptotic".
const tmp = mkdtempSync(join(tmpdir(), "ixalab-gates-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CELLS = { live: 550, earlyApoptotic: 250, lateApoptotic: 150, necrotic: 50 };
const fscA: number[] = [];
const fscH: number[] = [];
const ssc: number[] = [];
const annexin: number[] = [];
const pi: number[] = [];
let k = 0;
const add = (a: number, h: number, s: number, x: number, y: number) => {
  fscA.push(a);
  fscH.push(h);
  ssc.push(s);
  annexin.push(x);
  pi.push(y);
  k++;
};
for (const [name, n] of Object.entries(CELLS)) {
  const pos = { live: [0, 0], earlyApoptotic: [1, 0], lateApoptotic: [1, 1], necrotic: [0, 1] }[name]!;
  for (let i = 0; i < n; i++) {
    const h = 50000 + (k % 101) * 100;
    add(h * (0.96 + (k % 9) * 0.01), h, 30000 + (k % 13) * 500, pos[0] ? 6000 : 150, pos[1] ? 6000 : 150);
  }
}
for (let i = 0; i < 200; i++) add(1.9 * (52000 + i * 10), 52000 + i * 10, 45000, 6000, 6000);
for (let i = 0; i < 100; i++) add(3000 + i, 3000 + i, 1500, 6000, 150);
const sample = join(tmp, "scatter.fcs");
writeFileSync(
  sample,
  writeFcs({
    parameters: ["FSC-A", "FSC-H", "SSC-A", "FITC-A", "PE-A"].map((name) => ({ name, range: 262144 })),
    data: [fscA, fscH, ssc, annexin, pi],
  }),
);

function counts(extra: string[]) {
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
    ...extra,
    "--json",
  ]);
  expect(run.code, run.stderr).toBe(0);
  const out = JSON.parse(run.stdout);
  return {
    gated: out.gatedEvents as number,
    ...Object.fromEntries(
      Object.entries(out.populations).map(([key, p]) => [key, (p as { count: number }).count]),
    ),
  };
}

describe("scatter gates (core)", () => {
  it("singletMask keeps ratios within the band around the median, and honours a prior mask", () => {
    const area = [100, 102, 98, 190, 101, 50];
    const height = [100, 100, 100, 100, 100, 0];
    expect(Array.from(singletMask(area, height))).toEqual([1, 1, 1, 0, 1, 0]);
    expect(Array.from(singletMask(area, height, [0.8, 1.25], Uint8Array.of(1, 0, 1, 1, 1, 1)))).toEqual([
      1, 0, 1, 0, 1, 0,
    ]);
    expect(SCATTER_GATE_DEFAULTS.singletBand).toEqual([0.8, 1.25]);
    expect(() => singletMask(area, height, [1.2, 0.8])).toThrow(/singlet band/);
  });

  it("rangeMask is inclusive at both ends and open where a bound is missing", () => {
    expect(Array.from(rangeMask([1, 2, 3, 4], 2, 3))).toEqual([0, 1, 1, 0]);
    expect(Array.from(rangeMask([1, 2, 3, 4], undefined, 3))).toEqual([1, 1, 1, 0]);
    expect(Array.from(rangeMask([1, Number.NaN], undefined, undefined))).toEqual([1, 0]);
  });
});

describe("flow apoptosis with cell and singlet gates: exact counts", () => {
  it("without gates, doublets and debris are counted", () => {
    expect(counts([])).toEqual({
      gated: 1300,
      live: 550,
      earlyApoptotic: 350,
      lateApoptotic: 350,
      necrotic: 50,
    });
  });

  it("--singlets with an FSC-A/SSC-A min cell gate leaves exactly the singlet cells", () => {
    expect(counts(["--singlets", "--fsc-min", "20000", "--ssc-min", "10000"])).toEqual({
      gated: 1000,
      ...CELLS,
    });
  });

  it("a Gating-ML polygon cell gate with a nested singlet polygon gives the same", () => {
    const xml = join(tmp, "cells.xml");
    const dim = (name: string) =>
      `<gating:dimension gating:compensation-ref="uncompensated"><data-type:fcs-dimension data-type:name="${name}"/></gating:dimension>`;
    const vertex = (x: number, y: number) =>
      `<gating:vertex><gating:coordinate data-type:value="${x}"/><gating:coordinate data-type:value="${y}"/></gating:vertex>`;
    writeFileSync(
      xml,
      `<?xml version="1.0" encoding="UTF-8"?>
<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating" xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes">
  <gating:PolygonGate gating:id="Cells">${dim("FSC-A")}${dim("SSC-A")}${vertex(20000, 10000)}${vertex(250000, 10000)}${vertex(250000, 60000)}${vertex(20000, 60000)}</gating:PolygonGate>
  <gating:PolygonGate gating:id="Singlets" gating:parent_id="Cells">${dim("FSC-H")}${dim("FSC-A")}${vertex(0, 0)}${vertex(200000, 250000)}${vertex(200000, 160000)}</gating:PolygonGate>
</gating:Gating-ML>`,
    );
    expect(counts(["--cell-gate", xml])).toEqual({ gated: 1000, ...CELLS });
    expect(counts(["--cell-gate", xml, "--cell-gate-id", "Cells"])).toEqual({
      gated: 1200,
      ...CELLS,
      lateApoptotic: 350,
    });
  });

  it("names a gate dimension the sample lacks, exit 2", () => {
    const xml = join(tmp, "bad.xml");
    writeFileSync(
      xml,
      `<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating" xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes"><gating:RectangleGate gating:id="R"><gating:dimension gating:compensation-ref="uncompensated" gating:min="1"><data-type:fcs-dimension data-type:name="APC-A"/></gating:dimension></gating:RectangleGate></gating:Gating-ML>`,
    );
    const bad = ixalab([
      "flow",
      "apoptosis",
      sample,
      "--annexin",
      "FITC-A",
      "--pi",
      "PE-A",
      "--thresholds",
      "1,1",
      "--cell-gate",
      xml,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /bad\.xml: gate dimension: expected a channel \(\$PnN\) of scatter\.fcs: .*found 'APC-A'/,
    );
  });
});

describe("flow apoptosis: the direct path and the kind's path agree; --plot", () => {
  it("--provenance (through the kind and its schema) gives the same result as the direct path", () => {
    const args = [
      "flow",
      "apoptosis",
      sample,
      "--annexin",
      "FITC-A",
      "--pi",
      "PE-A",
      "--thresholds",
      "1000,1000",
    ];
    const gates = ["--singlets", "--fsc-min", "20000", "--ssc-max", "200000"];
    const direct = ixalab([...args, ...gates, "--json"]);
    const viaKind = ixalab([...args, ...gates, "--json", "--provenance"]);
    expect(direct.code, direct.stderr).toBe(0);
    expect(viaKind.code, viaKind.stderr).toBe(0);
    const envelope = JSON.parse(viaKind.stdout);
    const { events, gatedEvents, populations } = envelope.result;
    expect(JSON.parse(direct.stdout)).toEqual({ events, gatedEvents, populations });
    expect(envelope.parameters).toMatchObject({
      singlets: true,
      singletBand: [0.8, 1.25],
      controlPercentile: 99.5,
    });
    // Both paths refuse what the schema refuses.
    const bad = ixalab([...args, "--control-percentile", "100"]);
    const badKind = ixalab([...args, "--control-percentile", "100", "--provenance"]);
    expect([bad.code, badKind.code]).toEqual([2, 2]);
    expect(bad.stderr).toMatch(/parameters\.controlPercentile/);
    expect(badKind.stderr).toMatch(/parameters\.controlPercentile/);
  });

  it("--plot writes the density SVG; another extension is exit 2", () => {
    const svg = join(tmp, "quadrants.svg");
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
      "--singlets",
      "--plot",
      svg,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(svg, "utf8");
    expect(text.startsWith("<svg")).toBe(true);
    expect(text).toContain("scatter.fcs");
    const pdf = ixalab([
      "flow",
      "apoptosis",
      sample,
      "--annexin",
      "FITC-A",
      "--pi",
      "PE-A",
      "--thresholds",
      "1,1",
      "--plot",
      join(tmp, "q.pdf"),
    ]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toMatch(/--plot: expected a file ending in \.svg or \.png/);
  });

  it.skipIf(!existsSync("/usr/bin/chromium"))(
    "--plot .png renders the SVG in Chromium",
    () => {
      const png = join(tmp, "quadrants.png");
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
        "--plot",
        png,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(Array.from(readFileSync(png).subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    },
    60_000,
  );
});
