import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ixalab, REPO_ROOT } from "./helpers/cli.js";

// The IC50 CLI contract (issue: proteasome-inhibition assay), end to end on the shared example plate.
const PLATE = join(REPO_ROOT, "..", "shared", "testdata", "ic50", "example-plate");
const expected = JSON.parse(readFileSync(join(PLATE, "expected.json"), "utf8"));
const tmp = mkdtempSync(join(tmpdir(), "ixalab-ic50-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CURVE_KEYS = [
  "plate",
  "compound",
  "class",
  "ic50_nM",
  "ic50Qualifier",
  "ci95_nM",
  "log10Ic50",
  "seLog10Ic50",
  "hill",
  "top",
  "bottom",
  "r2",
  "nPoints",
];

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("ixalab ic50 run", () => {
  const report = join(tmp, "report.html");
  const run = ixalab([
    "ic50",
    "run",
    "--reads",
    join(PLATE, "kinetics.csv"),
    "--layout",
    join(PLATE, "layout.csv"),
    "--plates",
    join(PLATE, "plates.csv"),
    "--report",
    report,
    "--json",
  ]);

  it("prints one JSON document with plates, curves and pooled", () => {
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(["plates", "curves", "pooled"]);
    for (const key of ["plate", "zPrime", "meanMax", "meanMin", "sdMax", "sdMin"])
      expect(out.plates[0]).toHaveProperty(key);
    for (const key of CURVE_KEYS) expect(out.curves[0]).toHaveProperty(key);
  });

  it("reproduces expected.json end to end (DEFINITIONS.md tolerances)", () => {
    const out = JSON.parse(run.stdout);
    const plate = expected.plates.PA01;
    // Z' 1e-9 absolute; means and SDs 1e-9 relative.
    expect(Math.abs(out.plates[0].zPrime - plate.z_prime)).toBeLessThan(1e-9);
    expect(relative(out.plates[0].meanMax, plate.mean_max)).toBeLessThan(1e-9);
    expect(relative(out.plates[0].sdMin, plate.sd_min)).toBeLessThan(1e-9);
    const byId = new Map(
      out.curves.map((c: { plate: string; compound: string }) => [`${c.plate}|${c.compound}`, c]),
    );
    for (const [id, want] of Object.entries<Record<string, unknown>>(expected.curves)) {
      const got = byId.get(id) as Record<string, number | string | number[]>;
      expect(got, id).toBeDefined();
      expect(got.class, id).toBe(want.class);
      expect(got.nPoints, id).toBe(want.n_points);
      if (!want.well_determined) continue;
      // IC50 and hill 1e-4 relative; top/bottom 1e-3 absolute; SE and Wald CI 1e-3 relative.
      expect(relative(got.ic50_nM as number, want.ic50_nM as number), id).toBeLessThan(1e-4);
      expect(relative(got.hill as number, want.hill as number), id).toBeLessThan(1e-4);
      expect(Math.abs((got.top as number) - (want.top as number)), id).toBeLessThan(1e-3);
      expect(Math.abs((got.bottom as number) - (want.bottom as number)), id).toBeLessThan(1e-3);
      expect(relative(got.seLog10Ic50 as number, want.se_log10_ic50 as number), id).toBeLessThan(1e-3);
      const [lo, hi] = got.ci95_nM as number[];
      const [wantLo, wantHi] = want.ci95_ic50_nM_wald as number[];
      expect(relative(lo as number, wantLo as number), id).toBeLessThan(1e-3);
      expect(relative(hi as number, wantHi as number), id).toBeLessThan(1e-3);
    }
    const inactive = byId.get("PA01|inactive-01") as Record<string, unknown>;
    expect(inactive).toMatchObject({ class: "inactive", ic50Qualifier: ">", ic50_nM: 10000 });
  });

  it("writes a self-contained HTML report", () => {
    expect(existsSync(report)).toBe(true);
    const html = readFileSync(report, "utf8");
    expect(html).toMatch(/<svg/);
    expect(html).toMatch(/ixazomib/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });
});

describe("ixalab ic50 fit", () => {
  it("fits normalised data: one curve per plate and compound", () => {
    const { code, stdout } = ixalab(["ic50", "fit", "--data", join(PLATE, "normalized.csv"), "--json"]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.curves).toHaveLength(Object.keys(expected.curves).length);
    const ixazomib = out.curves.find((c: { compound: string }) => c.compound === "ixazomib");
    expect(relative(ixazomib.ic50_nM, expected.curves["PA01|ixazomib"].ic50_nM)).toBeLessThan(1e-4);
  });
});

describe("ixalab ic50 bad input", () => {
  it("exits 2 naming the file, line and column of a non-numeric RFU", () => {
    const reads = join(tmp, "bad.csv");
    writeFileSync(reads, "plate,well,time_s,rfu\nPA01,A1,0,10\nPA01,A1,60,abc\n");
    const { code, stderr } = ixalab([
      "ic50",
      "run",
      "--reads",
      reads,
      "--layout",
      join(PLATE, "layout.csv"),
      "--plates",
      join(PLATE, "plates.csv"),
      "--json",
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.csv: line 3/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 when a required input is missing", () => {
    const { code, stderr } = ixalab(["ic50", "run", "--reads", join(PLATE, "kinetics.csv"), "--json"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/inputs\.layout: required/);
  });
});
