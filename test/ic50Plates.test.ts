// End to end on the seeded 40-plate, 384-well screen of scripts/make-ic50-screen.ts (15,360 wells ×
// 31 reads): the file readers, then rates, QC and % activity for every plate. Rates are checked against
// an independent textbook OLS (raw sums) at 1e-9 relative, DEFINITIONS.md's tolerance for rates.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analysePlates } from "../src/core/assays/ic50/plates.js";
import { readKineticReads, readPlateLayout, readPlateTable } from "../src/io/plate-csv/index.js";

const tmp = mkdtempSync(join(tmpdir(), "ixalab-ic50-screen-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function makeScreen(dir: string, ...args: string[]): void {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/make-ic50-screen.ts", dir, ...args], {
    stdio: "pipe",
  });
}

/** 60 × slope by the raw-sums formula (n·Σxy − Σx·Σy)/(n·Σx² − (Σx)²): independent of olsSlope. */
function referenceRate(t: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sx += t[i]!;
    sy += y[i]!;
    sxy += t[i]! * y[i]!;
    sxx += t[i]! * t[i]!;
  }
  return (60 * (n * sxy - sx * sy)) / (n * sxx - sx * sx);
}

describe("40-plate screen", () => {
  it("is generated deterministically from its seed", () => {
    makeScreen(join(tmp, "a"), "--plates", "2");
    makeScreen(join(tmp, "b"), "--plates", "2");
    for (const name of ["kinetics.csv", "layout.csv", "plates.csv"]) {
      expect(readFileSync(join(tmp, "a", name)).equals(readFileSync(join(tmp, "b", name))), name).toBe(true);
    }
  });

  it("reads, rates and normalises every plate", async () => {
    const dir = join(tmp, "screen40");
    makeScreen(dir);
    const { reads, refs } = await readKineticReads(join(dir, "kinetics.csv"));
    const { layout } = await readPlateLayout(join(dir, "layout.csv"));
    const { plates } = await readPlateTable(join(dir, "plates.csv"));
    expect(refs[0]).toMatchObject({ name: "kinetics.csv", format: "ic50-reads" });
    expect([reads.plates.length, reads.wells.length, reads.timeS.length]).toEqual([40, 15360, 476160]);

    const analysis = analysePlates(reads, layout, plates);
    expect(analysis.plateErrors).toEqual([]);
    expect(analysis.plates).toHaveLength(40);
    expect(analysis.wells).toHaveLength(15360);
    for (const p of analysis.plates) {
      expect([p.format, p.nMax, p.nMin, p.nBlank, p.nWells]).toEqual([384, 32, 24, 8, 384]);
      expect(p.zPrime).toBeGreaterThan(0.5);
    }

    let worst = 0;
    let saturated = 0;
    analysis.wells.forEach((w, i) => {
      const kw = reads.wells[i]!;
      expect([kw.plate, kw.well]).toEqual([w.plate, w.well]);
      const t = reads.timeS.subarray(kw.offset, kw.offset + 10);
      const y = reads.rfu.subarray(kw.offset, kw.offset + 10);
      const detectorMax = plates.plates.find((p) => p.plate === w.plate)!.detectorMax;
      let n = y.findIndex((v) => v >= detectorMax);
      if (n < 0) n = 10;
      expect([w.nReadsUsed, w.saturated]).toEqual([n, n < 10]);
      if (n < 10) saturated++;
      if (n < 3) expect(w.rateRfuPerMin).toBeNaN();
      else worst = Math.max(worst, Math.abs(w.rateRfuPerMin / referenceRate(t, y, n) - 1));
    });
    expect(worst).toBeLessThan(1e-9);
    // The generator puts a few autofluorescent wells near the detector's maximum.
    expect(saturated).toBeGreaterThan(0);
    expect(analysis.plates.reduce((sum, p) => sum + p.nWellsSaturated, 0)).toBe(saturated);
  });
});
