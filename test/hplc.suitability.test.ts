import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  analyzeChromatogram,
  maxRsdPct,
  replicateSuitability,
  type SyntheticSpec,
  simulateChromatogram,
  spreadOf,
} from "../src/core/analytics/hplc/index.js";
import { writeChromatogramCsv } from "../src/io/chromatogram-csv/index.js";
import { ixalab } from "./helpers/cli.js";
import { syntheticChromatogram } from "./helpers/hplcFixtures.js";

// System suitability over replicate injections (USP <621> / Ph. Eur. 2.2.46, harmonised): the repeatability
// limit against the chapters' own table, and %RSD, symmetry and pass/fail on seeded replicate runs whose
// true areas are known.
describe("maxRsdPct: the harmonised repeatability table", () => {
  it("equals the table's %RSDmax for B = 2.0, 2.5, 3.0 and n = 3…6 (to its 2 decimals)", () => {
    // Ph. Eur. 2.2.46 / USP <621> "Repeatability requirements": maximum permitted %RSD.
    const table: Record<string, number[]> = {
      "2.0": [0.41, 0.59, 0.73, 0.85],
      "2.5": [0.52, 0.74, 0.92, 1.06],
      "3.0": [0.62, 0.89, 1.1, 1.27],
    };
    for (const [b, row] of Object.entries(table)) {
      row.forEach((expected, k) => {
        expect(Math.abs(maxRsdPct(Number(b), k + 3) - expected), `B ${b}, n ${k + 3}`).toBeLessThanOrEqual(
          0.005 + 1e-9,
        );
      });
    }
  });
});

/** Six injections of a standard whose true main-peak areas are 1000·(1 + δk). */
function replicate(k: number, delta: number, tau_min = 0.01): SyntheticSpec {
  return {
    points: 6000,
    end_min: 12,
    drift: { offset: 0.5, slope_per_min: 0.01, amplitude: 0, period_min: 1 },
    noiseSigma: 0.002,
    seed: 100 + k,
    peaks: [
      { name: "impurity", mu_min: 4.5, sigma_min: 0.03, tau_min: 0.01, area: 8 },
      { name: "main", mu_min: 6, sigma_min: 0.03, tau_min, area: 1000 * (1 + delta) },
    ],
  };
}
const DELTAS = [0.004, -0.006, 0.002, 0.008, -0.003, -0.005];
const runsOf = (specs: SyntheticSpec[]) =>
  specs.map((spec, k) => ({
    file: `std${k + 1}`,
    analysis: analyzeChromatogram(syntheticChromatogram(spec)),
  }));

describe("replicateSuitability", () => {
  it("area %RSD equals the true areas' %RSD; passes the B = 2.0 limit for 6 injections (0.85 %)", () => {
    const truth = spreadOf(DELTAS.map((d) => 1000 * (1 + d)));
    const result = replicateSuitability(runsOf(DELTAS.map((d, k) => replicate(k, d))), {
      upperLimitPct: 102,
    });
    expect(truth.rsdPct).toBeCloseTo(0.55, 2);
    expect(Math.abs(result.area.rsdPct - truth.rsdPct)).toBeLessThan(0.03);
    expect(Math.abs(result.area.mean / truth.mean - 1)).toBeLessThan(0.002);
    expect(result.rt.rsdPct).toBeLessThan(0.05);
    expect(result.checks.map((c) => [c.name, c.limit, c.pass])).toEqual([
      ["area %RSD (n = 6)", "≤ 0.85 %", true],
      ["symmetry (tailing) factor", "0.8–1.8", true],
    ]);
    expect(result.pass).toBe(true);
  });

  it("fails a spread beyond the limit, and a tailing main peak beyond 1.8", () => {
    const wide = replicateSuitability(runsOf(DELTAS.map((d, k) => replicate(k, 3 * d))), {
      upperLimitPct: 102,
    });
    expect(wide.checks[0]!.pass).toBe(false);
    expect(wide.pass).toBe(false);
    // τ/σ = 4: a USP tailing well above 1.8 (τ/σ = 2 gives 1.65).
    const tailing = replicateSuitability(runsOf(DELTAS.map((d, k) => replicate(k, d, 0.12))));
    const symmetry = tailing.checks.find((c) => c.name.startsWith("symmetry"))!;
    expect(symmetry.value!).toBeGreaterThan(1.8);
    expect(symmetry.pass).toBe(false);
    // The default area limit without an upper assay limit is 2.0 %.
    expect(tailing.checks[0]!.limit).toBe("≤ 2.00 %");
  });

  it("checks plates, resolution and S/N when asked, and refuses a single injection", () => {
    const runs = runsOf(DELTAS.slice(0, 3).map((d, k) => replicate(k, d)));
    const result = replicateSuitability(runs, { minPlates: 1e9, minResolution: 2, minSignalToNoise: 10 });
    const byName = Object.fromEntries(result.checks.map((c) => [c.name, c.pass]));
    expect(byName).toMatchObject({ "plates N": false, "resolution Rs": true, "S/N": true });
    expect(() => replicateSuitability(runs.slice(0, 1))).toThrow(/expected at least 2 injections, found 1/);
  });
});

describe("ixalab hplc suitability", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ixalab-sst-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const files = DELTAS.map((d, k) => {
    const path = join(tmp, `std${k + 1}.csv`);
    writeFileSync(path, writeChromatogramCsv(simulateChromatogram(replicate(k, d))));
    return path;
  });

  it("prints injections, spreads and checks as one JSON document", () => {
    const run = ixalab([
      "hplc",
      "suitability",
      ...files,
      "--upper-limit",
      "102.0",
      "--min-plates",
      "2000",
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(["injections", "rt", "area", "height", "checks", "pass"]);
    expect(out.injections.map((i: { file: string }) => i.file)).toEqual(
      DELTAS.map((_, k) => `std${k + 1}.csv`),
    );
    expect(out.checks.map((c: { name: string }) => c.name)).toEqual([
      "area %RSD (n = 6)",
      "symmetry (tailing) factor",
      "plates N",
    ]);
    expect(out.pass).toBe(true);
    const text = ixalab(["hplc", "suitability", ...files.slice(0, 3)]);
    expect(text.stdout).toMatch(/system suitability: passes/);
  });

  it("exits 2 for one injection or a bad limit", () => {
    const one = ixalab(["hplc", "suitability", files[0]!, "--json"]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/expected 2 to 24 injections, found 1/);
    const bad = ixalab(["hplc", "suitability", ...files, "--max-rsd", "x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-rsd: expected a number, found 'x'/);
  });
});
