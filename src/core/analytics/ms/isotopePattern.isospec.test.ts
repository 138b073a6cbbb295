import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { centroidSticks } from "./centroidSticks.js";
import { isotopeFineStructure } from "./fineStructure.js";
import { ELECTRON_MASS_U, ISOTOPES, type IsotopeTable } from "./isotopeData.js";
import { isotopePattern, resolveIon } from "./isotopePattern.js";

interface Case {
  molecule: string;
  formula: string;
  ion: string;
  charge: number;
  atoms: Record<string, number>;
  table: "ixalab" | "isospec";
  fineThreshold: number;
  fine: [number, number][];
  mergeThreshold: number;
  mergeDa: number;
  merged: [number, number][];
}
interface Fixture {
  electronMass: number;
  tables: Record<string, Record<string, [number, number][]>>;
  cases: Case[];
}

// Made by scripts/make-ms-isospec-fixtures.py (IsoSpecPy 2.2.1, IsoThreshold absolute).
const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/isospec.json", import.meta.url), "utf8"),
) as Fixture;

/** The agreement target: 1e-6 in abundance (absolute probability) and 1e-6 Th in m/z. */
const ABUNDANCE_TOLERANCE = 1e-6;
const MZ_TOLERANCE = 1e-6;

function tableOf(name: string): IsotopeTable {
  if (name === "ixalab") return ISOTOPES;
  const raw = fixture.tables[name]!;
  return Object.fromEntries(
    Object.entries(raw).map(([s, list]) => [
      s,
      list.map(([mass, abundance]) => ({ massNumber: Math.round(mass), mass, abundance })),
    ]),
  );
}

describe("isotope table", () => {
  it("is the table the IsoSpec fixture was computed with (exactly)", () => {
    for (const [symbol, list] of Object.entries(fixture.tables.ixalab!)) {
      expect(ISOTOPES[symbol]!.map((i) => [i.mass, i.abundance])).toEqual(list);
    }
    expect(ELECTRON_MASS_U).toBe(fixture.electronMass);
  });

  it("has abundances summing to 1 for every element (CIAAW compositions, to rounding)", () => {
    for (const list of Object.values(ISOTOPES)) {
      expect(Math.abs(list.reduce((s, i) => s + i.abundance, 0) - 1)).toBeLessThan(1e-12);
    }
  });
});

describe.each(fixture.cases)("$molecule $ion ($table table) vs IsoSpec", (c) => {
  const table = tableOf(c.table);

  it("composition of the ion matches the fixture's", () => {
    const { ion, charge } = resolveIon(c.formula, c.ion);
    expect(ion).toEqual(c.atoms);
    expect(charge).toBe(c.charge);
  });

  it(`fine structure: same configurations, m/z within ${MZ_TOLERANCE} Th and probability within ${ABUNDANCE_TOLERANCE}`, () => {
    const fine = isotopeFineStructure(c.atoms, { charge: c.charge, threshold: c.fineThreshold, table });
    expect(fine.mz.length).toBe(c.fine.length);
    let worstMz = 0;
    let worstP = 0;
    c.fine.forEach(([mz, p], i) => {
      worstMz = Math.max(worstMz, Math.abs(fine.mz[i]! - mz));
      worstP = Math.max(worstP, Math.abs(fine.probability[i]! - p));
    });
    expect(worstMz).toBeLessThan(MZ_TOLERANCE);
    expect(worstP).toBeLessThan(ABUNDANCE_TOLERANCE);
  });

  it("merged centroids (0.01 Th) agree within the same tolerances", () => {
    const fine = isotopeFineStructure(c.atoms, { charge: c.charge, threshold: c.mergeThreshold, table });
    const merged = centroidSticks(fine, { mergeDa: c.mergeDa });
    expect(merged.mz.length).toBe(c.merged.length);
    c.merged.forEach(([mz, p], i) => {
      expect(Math.abs(merged.mz[i]! - mz)).toBeLessThan(MZ_TOLERANCE);
      expect(Math.abs(merged.probability[i]! - p)).toBeLessThan(ABUNDANCE_TOLERANCE);
    });
  });
});

describe("isotopePattern", () => {
  it("neutral ixazomib citrate: monoisotopic mass of the shared reference, 516.087366 (±5e-7, its last digit)", () => {
    const p = isotopePattern("C20H23BCl2N2O9");
    expect(p.charge).toBe(0);
    expect(p.ionFormula).toBe("C20H23BCl2N2O9");
    expect(Math.abs(p.monoisotopicMz - 516.087366)).toBeLessThan(5e-7);
  });

  it("[M+H]+ of ixazomib is M + m(¹H) − mₑ and its largest peak is 100", () => {
    const neutral = isotopePattern("C14H19BCl2N2O4").monoisotopicMz;
    const p = isotopePattern("C14H19BCl2N2O4", { adduct: "[M+H]+" });
    expect(p.ionFormula).toBe("C14H20BCl2N2O4+");
    expect(p.monoisotopicMz).toBeCloseTo(neutral + 1.00782503223 - ELECTRON_MASS_U, 9);
    expect(Math.max(...p.peaks.map((q) => q.relative))).toBe(100);
  });

  it("[M+2H]2+ is (M + 2 m(¹H) − 2 mₑ) / 2", () => {
    const neutral = isotopePattern("C14H19BCl2N2O4").monoisotopicMz;
    const p = isotopePattern("C14H19BCl2N2O4", { adduct: "[M+2H]2+" });
    expect(p.monoisotopicMz).toBeCloseTo((neutral + 2 * 1.00782503223 - 2 * ELECTRON_MASS_U) / 2, 9);
  });
});

describe("centroids at a resolution", () => {
  const fine = isotopeFineStructure({ C: 20, H: 23, B: 1, Cl: 2, N: 2, O: 9 }, { threshold: 1e-12 });
  it("R = 1000 merges each nominal mass into one centroid that keeps its total probability", () => {
    const merged = centroidSticks(fine, { resolution: 1000 });
    const nominal = new Map<number, number>();
    fine.mz.forEach((m, i) => {
      const k = Math.round(m - 516.087366);
      nominal.set(k, (nominal.get(k) ?? 0) + fine.probability[i]!);
    });
    expect(merged.mz.length).toBe(nominal.size);
    merged.mz.forEach((m, i) => {
      expect(Math.abs(merged.probability[i]! - nominal.get(Math.round(m - 516.087366))!)).toBeLessThan(1e-15);
    });
  });
  it("R = 10⁶ splits exactly at the gaps wider than one FWHM (m/z ÷ R) and keeps the total probability", () => {
    const merged = centroidSticks(fine, { resolution: 1e6 });
    let gaps = 0;
    for (let i = 1; i < fine.mz.length; i++)
      if (fine.mz[i]! - fine.mz[i - 1]! > fine.mz[i - 1]! / 1e6) gaps++;
    expect(merged.mz.length).toBe(gaps + 1);
    expect(merged.mz.length).toBeGreaterThan(20); // fine structure shows: ¹³C vs ²H vs ¹⁵N apart
    expect(merged.probability.reduce((a, b) => a + b, 0)).toBeCloseTo(
      fine.probability.reduce((a, b) => a + b, 0),
      14,
    );
  });
});
