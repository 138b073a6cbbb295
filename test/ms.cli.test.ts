import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { simulateSpectrum, spectrumToCsv } from "../src/core/analytics/ms/index.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";
import { ixalab } from "./helpers/cli.js";

// The HRMS CLI contract (issue 6, item 4). Synthetic spectra: seeded, ixazomib [M+H]+ and [M+Na]+ at +1.2 ppm.
const tmp = mkdtempSync(join(tmpdir(), "ixalab-ms-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const IXAZOMIB = "C14H19BCl2N2O4";
const spectrumCsv = join(tmp, "ixazomib.csv");
writeFileSync(
  spectrumCsv,
  spectrumToCsv(
    simulateSpectrum(IXAZOMIB, {
      ions: [
        { adduct: "[M+H]+", abundance: 1 },
        { adduct: "[M+Na]+", abundance: 0.4 },
      ],
      rand: mulberry32(3),
      ppmShift: 1.2,
    }),
  ),
);

const json = (args: string[]) => {
  const run = ixalab([...args, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe("ixalab ms isotopes", () => {
  it("prints exactly the contract's keys; largest relative = 100", () => {
    const out = json(["ms", "isotopes", IXAZOMIB, "--adduct", "[M+H]+", "--merge-da", "0.01"]);
    expect(Object.keys(out)).toEqual(["formula", "ionFormula", "charge", "monoisotopicMz", "peaks"]);
    expect(out.formula).toBe(IXAZOMIB);
    expect(out.ionFormula).toBe("C14H20BCl2N2O4+");
    expect(out.charge).toBe(1);
    // 1 u of ¹H less one electron on top of the neutral monoisotopic mass (516.087366 − citrate, via core tests).
    expect(out.monoisotopicMz).toBeCloseTo(361.0887693, 6);
    expect(Object.keys(out.peaks[0])).toEqual(["mz", "relative"]);
    expect(Math.max(...out.peaks.map((p: { relative: number }) => p.relative))).toBe(100);
    // ¹⁰B peak one unit below the monoisotopic one, ~24 % (¹⁰B/¹¹B = 0.199/0.801 plus ¹⁰B¹³C overlap).
    expect(out.peaks[0].mz).toBeCloseTo(360.0924, 3);
    expect(out.peaks[0].relative).toBeCloseTo(23.88, 1);
  });

  it("negative and doubly charged ions carry the electron mass with their sign", () => {
    const neutral = json(["ms", "isotopes", IXAZOMIB]).monoisotopicMz;
    const minus = json(["ms", "isotopes", IXAZOMIB, "--adduct", "[M−H]−"]);
    expect(minus.charge).toBe(-1);
    expect(minus.monoisotopicMz).toBeCloseTo(neutral - 1.00782503223 + 5.48579909065e-4, 9);
    const two = json(["ms", "isotopes", IXAZOMIB, "--adduct", "[M+2H]2+"]);
    expect(two.monoisotopicMz).toBeCloseTo((neutral + 2 * 1.00782503223 - 2 * 5.48579909065e-4) / 2, 9);
  });

  it("a malformed formula exits 2 pointing a caret at the character", () => {
    const run = ixalab(["ms", "isotopes", "C14H19Bx2", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "ixalab: formula 'C14H19Bx2': column 8: expected an element symbol (C, H, B, Cl, N, O, …), found 'x'\n  C14H19Bx2\n         ^\n",
    );
  });

  it("an unknown adduct exits 2 with the reason", () => {
    const run = ixalab(["ms", "isotopes", IXAZOMIB, "--adduct", "M+H", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ixalab: ion 'M\+H': column 1: expected '\['/);
    const bad = ixalab(["ms", "isotopes", IXAZOMIB, "--adduct", "[M+Qq]+", "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/column 4: expected an element symbol/);
  });
});

describe("ixalab ms confirm", () => {
  it("confirms ixazomib from its synthetic spectrum with the contract's keys", () => {
    const out = json([
      "ms",
      "confirm",
      spectrumCsv,
      "--formula",
      IXAZOMIB,
      "--adducts",
      "[M+H]+,[M+Na]+",
      "--ppm",
      "5",
    ]);
    expect(Object.keys(out)).toEqual(["confirmed", "ions"]);
    expect(out.confirmed).toBe(true);
    expect(out.ions.map((i: { ion: string }) => i.ion)).toEqual(["[M+H]+", "[M+Na]+"]);
    for (const ion of out.ions) {
      expect(Object.keys(ion)).toEqual([
        "ion",
        "monoisotopicMz",
        "observedMz",
        "ppmError",
        "isotopeScore",
        "matched",
      ]);
      expect(ion.matched).toBe(true);
      expect(Math.abs(ion.ppmError - 1.2)).toBeLessThan(0.1); // the applied shift (CSV keeps 6 decimals: ±0.003 ppm)
    }
  });

  it("--plot writes the mirrored SVG", () => {
    const plot = join(tmp, "confirm.svg");
    const run = ixalab([
      "ms",
      "confirm",
      spectrumCsv,
      "--formula",
      IXAZOMIB,
      "--adducts",
      "[M+H]+",
      "--plot",
      plot,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const svg = readFileSync(plot, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("observed ↑");
    expect(svg).toContain("[M+H]+ C14H20BCl2N2O4+");
  });

  it("a spectrum with no peaks exits 2", () => {
    const empty = join(tmp, "empty.csv");
    writeFileSync(empty, "mz,intensity\n361.1,0\n362.1,0\n");
    const run = ixalab(["ms", "confirm", empty, "--formula", IXAZOMIB, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("expected at least one peak with intensity > 0, found none");
  });

  it("a missing file exits 2 naming it", () => {
    const run = ixalab(["ms", "confirm", join(tmp, "nope.mzML"), "--formula", IXAZOMIB, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nope.mzML: no such file");
  });

  it("reads a real mzML (example.mzML) and reports an unmatched formula honestly", () => {
    const out = json([
      "ms",
      "confirm",
      "../shared/testdata/ms/mzml/example.mzML",
      "--formula",
      IXAZOMIB,
      "--adducts",
      "[M+H]+",
    ]);
    expect(out.confirmed).toBe(false);
  });
});

describe("ixalab ms formula", () => {
  it("ranks ixazomib first with the spectrum's B/Cl pattern; contract keys", () => {
    const out = json([
      "ms",
      "formula",
      "--mz",
      String(361.0887693 * (1 + 1.2e-6)),
      "--adduct",
      "[M+H]+",
      "--ppm",
      "5",
      "--elements",
      "C0-40H0-80B0-1Cl0-4N0-6O0-12",
      "--spectrum",
      spectrumCsv,
    ]);
    expect(Object.keys(out)).toEqual(["candidates"]);
    expect(Object.keys(out.candidates[0])).toEqual(["formula", "ppmError", "isotopeScore"]);
    expect(out.candidates[0].formula).toBe(IXAZOMIB);
  });

  it("without a spectrum ranks by |ppm| and gives null scores", () => {
    const out = json(["ms", "formula", "--mz", "361.0887693", "--adduct", "[M+H]+", "--ppm", "5"]);
    const errors = out.candidates.map((c: { ppmError: number }) => Math.abs(c.ppmError));
    expect(errors).toEqual([...errors].sort((a, b) => a - b));
    expect(out.candidates.every((c: { isotopeScore: null }) => c.isotopeScore === null)).toBe(true);
  });

  it("a bad element range exits 2 with a caret", () => {
    const run = ixalab(["ms", "formula", "--mz", "361.09", "--elements", "C0-40Hx", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("elements 'C0-40Hx': column 7: expected a count or a range");
  });
});
