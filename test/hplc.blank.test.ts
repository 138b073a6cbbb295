import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  analyzeChromatogram,
  type SyntheticPeak,
  type SyntheticSpec,
  simulateChromatogram,
  subtractBlank,
} from "../src/core/analytics/hplc/index.js";
import { writeChromatogramCsv } from "../src/io/chromatogram-csv/index.js";
import { ixalab } from "./helpers/cli.js";
import { syntheticChromatogram } from "./helpers/hplcFixtures.js";

// Blank subtraction on seeded runs whose peak areas are known exactly: the sample is the blank's gradient
// hump and drift plus three peaks; the blank (another noise seed, sampled at another rate) has the hump
// alone. Subtracted, the peaks must come out at their true areas and the hump must be gone.
const drift = { offset: 2, slope_per_min: 0.8, amplitude: 0, period_min: 1 };
const hump: SyntheticPeak = { name: "gradient hump", mu_min: 17, sigma_min: 0.9, tau_min: 0.6, area: 2500 };
const peaks: SyntheticPeak[] = [
  { name: "impurity", mu_min: 6, sigma_min: 0.04, tau_min: 0.01, area: 12 },
  { name: "main", mu_min: 9, sigma_min: 0.04, tau_min: 0.02, area: 2000 },
  { name: "late", mu_min: 13, sigma_min: 0.05, tau_min: 0.01, area: 30 },
];
const sampleSpec: SyntheticSpec = {
  points: 12000,
  end_min: 20,
  drift,
  noiseSigma: 0.002,
  seed: 1,
  peaks: [...peaks, hump],
};
const blankSpec: SyntheticSpec = { ...sampleSpec, points: 9001, seed: 2, peaks: [hump] };

const asChromatogram = syntheticChromatogram;

describe("subtractBlank", () => {
  const sample = asChromatogram(sampleSpec);
  const blank = asChromatogram(blankSpec);

  it("removes the gradient hump: the peaks keep their true areas, nothing is left of the hump", () => {
    const plain = analyzeChromatogram(sample);
    // Without the blank the hump is integrated as a peak (or under-cuts the late peak's baseline).
    expect(plain.peaks.some((p) => p.rt_min > 15)).toBe(true);
    const result = analyzeChromatogram(subtractBlank(sample, blank));
    expect(result.peaks.map((p) => Math.round(p.rt_min))).toEqual([6, 9, 13]);
    peaks.forEach((truth, k) => {
      expect(Math.abs(result.peaks[k]!.area / truth.area - 1), truth.name).toBeLessThan(0.01);
    });
    const total = peaks.reduce((s, p) => s + p.area, 0);
    expect(result.purityPercent!).toBeCloseTo((100 * 2000) / total, 1);
    expect(result.warnings).toEqual([]);
  });

  it("interpolates the blank onto the sample's times (a blank sampled more finely gives the same)", () => {
    const fine = asChromatogram({ ...blankSpec, points: 24001, noiseSigma: 0 });
    const coarse = asChromatogram({ ...blankSpec, points: 8001, noiseSigma: 0 });
    const a = subtractBlank(sample, fine).signal;
    const b = subtractBlank(sample, coarse).signal;
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    expect(worst).toBeLessThan(1e-3); // the hump's curvature over one coarse step
  });

  it("refuses a blank shorter than the run or in other units, saying which", () => {
    const short = asChromatogram({ ...blankSpec, end_min: 15, points: 6000 });
    expect(() => subtractBlank(sample, short)).toThrow(
      /blank: it covers 0\.000–15\.000 min, the sample 0\.000–20\.000 min/,
    );
    expect(() => subtractBlank(sample, asChromatogram(blankSpec, "mV"))).toThrow(
      /blank: its signal is in mV, the sample's in mAU/,
    );
  });
});

describe("ixalab hplc analyze --blank", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ixalab-blank-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const samplePath = join(tmp, "sample.csv");
  const blankPath = join(tmp, "blank.csv");
  const shortPath = join(tmp, "short.csv");
  writeFileSync(samplePath, writeChromatogramCsv(simulateChromatogram(sampleSpec)));
  writeFileSync(blankPath, writeChromatogramCsv(simulateChromatogram(blankSpec)));
  writeFileSync(
    shortPath,
    writeChromatogramCsv(simulateChromatogram({ ...blankSpec, end_min: 15, points: 6000 })),
  );

  it("subtracts the blank before integrating and says so", () => {
    const run = ixalab(["hplc", "analyze", samplePath, "--blank", blankPath, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.peaks).toHaveLength(3);
    expect(Math.abs(out.mainPeak.area / 2000 - 1)).toBeLessThan(0.01);
    const text = ixalab(["hplc", "analyze", samplePath, "--blank", blankPath]);
    expect(text.stdout).toContain("blank subtracted: blank.csv");
  });

  it("exits 2 on a blank that does not cover the run", () => {
    const run = ixalab(["hplc", "analyze", samplePath, "--blank", shortPath, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/blank: it covers 0\.000–15\.000 min/);
  });
});
