import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../random/mulberry32.js";
import { confirmFormula } from "./confirmFormula.js";
import { generateFormulas, parseElementRanges } from "./generateFormulas.js";
import { isotopePattern } from "./isotopePattern.js";
import { simulateSpectrum } from "./simulateSpectrum.js";

const IXAZOMIB = "C14H19BCl2N2O4";
const RANGES = parseElementRanges("C0-40H0-80B0-1Cl0-4N0-6O0-12");

describe("confirmFormula on synthetic ixazomib spectra (seeded)", () => {
  const spectrum = simulateSpectrum(IXAZOMIB, {
    ions: [
      { adduct: "[M+H]+", abundance: 1 },
      { adduct: "[M+Na]+", abundance: 0.3 },
    ],
    rand: mulberry32(7),
    ppmShift: 1.2,
  });

  it("confirms [M+H]+ and [M+Na]+ with the applied 1.2 ppm shift (±0.1 ppm: merged fine structure at R = 100 000)", () => {
    const r = confirmFormula(IXAZOMIB, spectrum, { adducts: ["[M+H]+", "[M+Na]+", "[M+K]+"] });
    expect(r.confirmed).toBe(true);
    const [h, na, k] = r.ions;
    expect(h!.matched && na!.matched).toBe(true);
    expect(Math.abs(h!.ppmError! - 1.2)).toBeLessThan(0.1);
    expect(Math.abs(na!.ppmError! - 1.2)).toBeLessThan(0.1);
    expect(h!.isotopeScore!).toBeGreaterThan(0.95);
    expect(k!.matched).toBe(false);
    expect(k!.observedMz).toBeNull();
  });

  it("does not confirm a formula off by CH4 vs O (isobaric within 36 mDa, outside 5 ppm)", () => {
    const r = confirmFormula("C15H23BCl2N2O3", spectrum, { adducts: ["[M+H]+"] });
    expect(r.confirmed).toBe(false);
  });

  it("rejects a chlorine-free formula at the same nominal mass even with a wide window (pattern, not mass)", () => {
    // C21H9BN4O2: [M+H]+ within 1 ppm of ixazomib's; only its isotope pattern tells them apart.
    const r = confirmFormula("C21H9BN4O2", spectrum, { adducts: ["[M+H]+"], ppm: 5 });
    expect(r.ions[0]!.observedMz).not.toBeNull();
    expect(r.ions[0]!.isotopeScore!).toBeLessThan(0.8);
    expect(r.confirmed).toBe(false);
  });
});

describe("generateFormulas", () => {
  const mono = isotopePattern(IXAZOMIB, { adduct: "[M+H]+" }).monoisotopicMz;

  it("finds ixazomib among the candidates within 5 ppm, with the exact mass error", () => {
    const r = generateFormulas({ mz: mono, adduct: "[M+H]+", ppm: 5, elements: RANGES });
    const hit = r.candidates.find((c) => c.formula === IXAZOMIB);
    expect(hit).toBeDefined();
    expect(Math.abs(hit!.ppmError)).toBeLessThan(1e-6);
    expect(hit!.rdbe).toBe(6);
    for (const c of r.candidates) expect(Math.abs(c.ppmError)).toBeLessThanOrEqual(5);
  });

  it("with the B/Cl2 pattern ranks ixazomib first and every impostor without B1Cl2 below the fit score", () => {
    // Mass alone ranks impostors first: at +1.5 ppm, C21H9BN4O2 and C14H12N6O6 lie closer (≈0.5 ppm).
    const observed = mono * (1 + 1.5e-6);
    const byMass = generateFormulas({ mz: observed, adduct: "[M+H]+", ppm: 5, elements: RANGES });
    expect(byMass.candidates[0]!.formula).not.toBe(IXAZOMIB);
    const spectrum = simulateSpectrum(IXAZOMIB, {
      ions: [{ adduct: "[M+H]+", abundance: 1 }],
      rand: mulberry32(11),
      ppmShift: 1.5,
    });
    const r = generateFormulas({ mz: observed, adduct: "[M+H]+", ppm: 5, elements: RANGES, spectrum });
    expect(r.candidates[0]!.formula).toBe(IXAZOMIB);
    for (const c of r.candidates) {
      const boronDichloro = /B(?![a-z])/.test(c.formula) && /Cl2(?!\d)/.test(c.formula);
      if (!boronDichloro) expect(c.isotopeScore!, c.formula).toBeLessThan(0.9);
    }
  });

  it("applies the rules: every candidate has a whole, non-negative RDBE", () => {
    const r = generateFormulas({ mz: mono, adduct: "[M+H]+", ppm: 10, elements: RANGES });
    for (const c of r.candidates) {
      expect(Number.isInteger(c.rdbe)).toBe(true);
      expect(c.rdbe).toBeGreaterThanOrEqual(0);
    }
    const loose = generateFormulas({ mz: mono, adduct: "[M+H]+", ppm: 10, elements: RANGES, rules: false });
    expect(loose.candidates.length).toBeGreaterThan(r.candidates.length);
  });
});
