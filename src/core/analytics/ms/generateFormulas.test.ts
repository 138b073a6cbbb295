import { describe, expect, it } from "vitest";
import { generateFormulas, parseElementRanges } from "./generateFormulas.js";
import { ELECTRON_MASS_U, ISOTOPES } from "./isotopeData.js";
import { isotopePattern } from "./isotopePattern.js";

/** Monoisotopic (most abundant isotope) mass of an element, u. */
const mono = (s: string) => ISOTOPES[s]!.reduce((a, b) => (b.abundance > a.abundance ? b : a)).mass;

/** Every C,H,B,Cl,N,O combination of the ranges whose [M+H]+ lies within ±ppm: a plain grid. */
function bruteForceCount(mz: number, ppm: number): number {
  const [c, h, b, cl, n, o] = ["C", "H", "B", "Cl", "N", "O"].map(mono) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  let count = 0;
  for (let nc = 0; nc <= 40; nc++)
    for (let nh = 0; nh <= 80; nh++)
      for (let nb = 0; nb <= 1; nb++)
        for (let ncl = 0; ncl <= 4; ncl++)
          for (let nn = 0; nn <= 6; nn++)
            for (let no = 0; no <= 12; no++) {
              const ion = nc * c + nh * h + nb * b + ncl * cl + nn * n + no * o + h - ELECTRON_MASS_U;
              if (Math.abs(ion - mz) / mz <= ppm * 1e-6) count++;
            }
  return count;
}

describe("generateFormulas", () => {
  it("examines exactly the formulas a brute-force grid finds in the ±5 ppm window", () => {
    const ranges = parseElementRanges("C0-40H0-80B0-1Cl0-4N0-6O0-12");
    for (const formula of ["C14H19BCl2N2O4", "C20H23BCl2N2O9"]) {
      const mz = isotopePattern(formula, { adduct: "[M+H]+" }).monoisotopicMz * (1 + 1.5e-6);
      const r = generateFormulas({ mz, adduct: "[M+H]+", ppm: 5, elements: ranges });
      expect(r.examined, formula).toBe(bruteForceCount(mz, 5));
    }
  });
});
