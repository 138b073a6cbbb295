import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ixalab, REPO_ROOT } from "./helpers/cli.js";

// The PK CLI contract (issue: PK/PD), with the guide's table and shared/reference/ixazomib-pk-pd.md.
const tmp = mkdtempSync(join(tmpdir(), "ixalab-pk-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const json = (args: string[]) => {
  const run = ixalab([...args, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe("ixalab pk simulate", () => {
  it("prints the contract's document for the approved regimen", () => {
    const out = json([
      "pk",
      "simulate",
      "--model",
      "ixazomib-gupta2017",
      "--dose-mg",
      "4",
      "--days",
      "1,8,15",
      "--cycle-days",
      "28",
      "--cycles",
      "6",
    ]);
    expect(Object.keys(out)).toEqual(["model", "times_h", "conc_ng_mL", "summary"]);
    expect(Object.keys(out.summary)).toEqual([
      "cmax_ng_mL",
      "tmax_h",
      "auc_ng_h_mL",
      "terminalHalfLife_h",
      "vss_L",
    ]);
    expect(out.times_h).toHaveLength(6 * 28 * 24 + 1);
    // Guide: t½ 9.5 d, Vss 543 L (population geometric means); a typical subject is within 5 %.
    expect(Math.abs(out.summary.terminalHalfLife_h / 24 / 9.5 - 1)).toBeLessThan(0.05);
    expect(Math.abs(out.summary.vss_L / 543 - 1)).toBeLessThan(0.05);
    // shared/reference: typical subject 224.5 h and 527.7 L.
    expect(out.summary.terminalHalfLife_h).toBeCloseTo(224.5, 1);
    expect(out.summary.vss_L).toBeCloseTo(527.7, 6);
  });

  it("finds the single-dose peak: Cmax ≈ 18.0 ng/mL at ≈ 1.28 h after 4 mg", () => {
    const out = json([
      "pk",
      "simulate",
      "--days",
      "1",
      "--cycles",
      "1",
      "--until-h",
      "48",
      "--step-h",
      "0.5",
    ]);
    expect(out.summary.cmax_ng_mL).toBeCloseTo(18.0, 1);
    expect(out.summary.tmax_h).toBeCloseTo(1.28, 2);
  });

  it("takes output times from a file, overrides parameters and writes a plot", () => {
    const times = join(tmp, "times.txt");
    writeFileSync(times, "0\n1\n24\n168\n");
    const plot = join(tmp, "pk.svg");
    const base = json(["pk", "simulate", "--times-file", times]);
    expect(base.times_h).toEqual([0, 1, 24, 168]);
    const faster = json(["pk", "simulate", "--times-file", times, "--param", "CL=3.72", "--plot", plot]);
    expect(faster.conc_ng_mL[3]).toBeLessThan(base.conc_ng_mL[3]);
    expect(readFileSync(plot, "utf8")).toMatch(/^<svg[\s\S]*<polyline/);
  });

  it("exits 2 naming an unknown model or parameter and a bad times file", () => {
    expect(ixalab(["pk", "simulate", "--model", "nope", "--json"]).stderr).toMatch(/nope/);
    const unknown = ixalab(["pk", "simulate", "--param", "XYZ=1", "--json"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/XYZ/);
    expect(ixalab(["pk", "simulate", "--dose-mg", "-4", "--json"]).code).toBe(2);
    const bad = join(tmp, "bad-times.txt");
    writeFileSync(bad, "0\nten\n");
    const run = ixalab(["pk", "simulate", "--times-file", bad, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-times\.txt: line 2/);
  });
});

describe("ixalab pk population", () => {
  it("samples a seeded population: per-subject AUCs per window and percentiles", () => {
    const args = [
      "pk",
      "population",
      "--subjects",
      "200",
      "--seed",
      "11",
      "--cycles",
      "6",
      "--auc-windows",
      "0-168,3696-3864",
    ];
    const out = json(args);
    expect(out.subjects).toHaveLength(200);
    expect(out.subjects[0]).toMatchObject({ id: "1", auc_ng_h_mL: [expect.any(Number), expect.any(Number)] });
    expect(out.percentiles.levels).toEqual([5, 50, 95]);
    expect(json(args)).toEqual(out);
  });

  it("takes individual parameters from a file", () => {
    const file = join(tmp, "params.csv");
    writeFileSync(file, "id,CL,F\nA,1.86,0.58\nB,3.72,0.58\n");
    const out = json([
      "pk",
      "population",
      "--subjects-file",
      file,
      "--days",
      "1",
      "--cycles",
      "1",
      "--auc-windows",
      "0-672",
    ]);
    expect(out.subjects.map((s: { id: string }) => s.id)).toEqual(["A", "B"]);
    // Doubling CL halves the AUC of a linear model (up to the untruncated tail beyond 672 h).
    const [a, b] = out.subjects.map((s: { auc_ng_h_mL: number[] }) => s.auc_ng_h_mL[0]);
    expect(a / b).toBeGreaterThan(1.6);
    writeFileSync(file, "id,CL\nA,fast\n");
    const bad = ixalab(["pk", "population", "--subjects-file", file, "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/params\.csv: line 2/);
  });
});

describe("ixalab pk nca", () => {
  it("recovers AUC0–∞ = F·Dose/CL = 1247.3 ng·h/mL from a dense simulated profile", () => {
    const sim = json([
      "pk",
      "simulate",
      "--days",
      "1",
      "--cycles",
      "1",
      "--until-h",
      "4032",
      "--step-h",
      "2",
    ]);
    const data = join(tmp, "conc.csv");
    writeFileSync(
      data,
      `time_h,conc_ng_mL\n${sim.times_h.map((t: number, i: number) => `${t},${sim.conc_ng_mL[i]}`).join("\n")}\n`,
    );
    const out = json(["pk", "nca", "--data", data, "--dose-mg", "4"]);
    for (const key of [
      "cmax",
      "tmax",
      "auclast",
      "aucinf",
      "lambdaZ",
      "halfLife",
      "clF",
      "vzF",
      "r2adj",
      "pointsUsed",
    ]) {
      expect(out).toHaveProperty(key);
    }
    // Trapezoids over a 2-hour grid and an observed-Clast extrapolation: within 1 % of the exact value.
    expect(Math.abs(out.aucinf / 1247.3 - 1)).toBeLessThan(0.01);
    expect(Math.abs(out.halfLife / 224.5 - 1)).toBeLessThan(0.01);
    expect(existsSync(data)).toBe(true);
  });

  it("exits 2 on non-monotonic time", () => {
    const data = join(tmp, "bad.csv");
    writeFileSync(data, "time_h,conc_ng_mL\n0,0\n2,5\n1,4\n");
    const run = ixalab(["pk", "nca", "--data", data, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.csv: line 4/);
  });
});

describe("ixalab pk platelets", () => {
  it("simulates the Srimani 2022 platelet count: lenalidomide deepens the ixazomib nadir", () => {
    const both = json(["pk", "platelets", "--cycles", "2"]);
    const alone = json(["pk", "platelets", "--cycles", "2", "--lenalidomide-mg", "0"]);
    expect(both.platelets_1e9_per_L[0]).toBeCloseTo(203, 6);
    expect(both.nadir.platelets_1e9_per_L).toBeLessThan(alone.nadir.platelets_1e9_per_L);
    expect(alone.nadir.platelets_1e9_per_L).toBeLessThan(203);
    expect(both.source).toMatch(/Srimani/);
  });
});

describe("ixalab pk simulate --ic50-from", () => {
  it("links exposure to β5 inhibition with the IC50 of a stored assay run", () => {
    const plate = join(REPO_ROOT, "..", "shared", "testdata", "ic50", "example-plate");
    const data = join(tmp, "store");
    const run = ixalab([
      "ic50",
      "run",
      "--reads",
      join(plate, "kinetics.csv"),
      "--layout",
      join(plate, "layout.csv"),
      "--plates",
      join(plate, "plates.csv"),
      "--save",
      "--data-dir",
      data,
      "--json",
      "--provenance",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { id, result } = JSON.parse(run.stdout);
    const ixazomib = result.curves.find((c: { compound: string }) => c.compound === "ixazomib");
    const sim = ixalab([
      "pk",
      "simulate",
      "--cycles",
      "1",
      "--ic50-from",
      id,
      "--data-dir",
      data,
      "--json",
      "--provenance",
    ]);
    expect(sim.code, sim.stderr).toBe(0);
    const envelope = JSON.parse(sim.stdout);
    expect(envelope.parameters.inhibition.ic50_nM).toBe(ixazomib.ic50_nM);
    expect(envelope.parameters.inhibition.source).toContain(id);
    expect(envelope.result.inhibition_pct.length).toBe(envelope.result.times_h.length);
  });
});
