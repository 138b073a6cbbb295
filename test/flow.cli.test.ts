import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ixalab, REPO_ROOT } from "./helpers/cli.js";

// The flow CLI contract on the ISAC Gating-ML 2.0 compliance set (shared/testdata/flow/gatingml2).
const GML = join(REPO_ROOT, "..", "shared", "testdata", "flow", "gatingml2");

describe("ixalab flow info", () => {
  it("describes data1.fcs: FCS 2.0, 13,367 events, 8 parameters", () => {
    const run = ixalab(["flow", "info", join(GML, "data1.fcs"), "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const { datasets } = JSON.parse(run.stdout);
    expect(datasets).toHaveLength(1);
    expect(datasets[0]).toMatchObject({ index: 0, version: "FCS2.0", events: 13367 });
    expect(datasets[0].parameters).toHaveLength(8);
    expect(Object.keys(datasets[0].parameters[0])).toEqual(["name", "label", "range", "bits", "rawMean"]);
    expect(datasets[0].parameters[0]).toMatchObject({ name: "FSC-H", range: 1024, bits: 16 });
    expect(datasets[0].keywords.$TOT.trim()).toBe("13367");
  });

  it("exits 2 for a file that is not FCS", () => {
    const run = ixalab(["flow", "info", join(GML, "truth_counts_derived.csv"), "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/truth_counts_derived\.csv/);
  });
});

describe("ixalab flow gate", () => {
  it("reproduces the compliance counts of every gate in gml_all_gates.xml", () => {
    const truth = new Map(
      readFileSync(join(GML, "truth_counts_derived.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(","))
        .map(([id, , inGate]) => [id as string, Number(inGate)]),
    );
    const run = ixalab([
      "flow",
      "gate",
      join(GML, "data1.fcs"),
      "--gatingml",
      join(GML, "gml", "gml_all_gates.xml"),
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { gates } = JSON.parse(run.stdout) as { gates: { id: string; count: number }[] };
    const compared = gates.filter((g) => truth.has(g.id));
    expect(compared.length).toBeGreaterThan(20);
    for (const g of compared) expect(g.count, g.id).toBe(truth.get(g.id));
  });
});
