// HRMS benchmarks (issue 6): isotope fine structure of ixazomib citrate C20H23BCl2N2O9 (goal < 1 ms) and
// the formula generator over C0-40H0-80B0-1Cl0-4N0-6O0-12 at 5 ppm (goal < 100 ms), without and with a
// seeded synthetic spectrum to score. Reference for the first: IsoSpecPy on the same formula and
// threshold (scripts/bench-ms-isospec.py).
import {
  generateFormulas,
  isotopeFineStructure,
  isotopePattern,
  parseElementRanges,
  parseFormula,
  simulateSpectrum,
} from "../src/core/analytics/ms/index.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";

function time(label: string, goalMs: number, rounds: number, run: () => unknown): void {
  for (let i = 0; i < Math.min(50, rounds); i++) run(); // warm-up
  const start = performance.now();
  for (let i = 0; i < rounds; i++) run();
  const ms = (performance.now() - start) / rounds;
  console.log(`${label}: ${ms.toFixed(3)} ms per run (goal < ${goalMs} ms)`);
}

const citrate = parseFormula("C20H23BCl2N2O9");
for (const threshold of [1e-10, 1e-8]) {
  const n = isotopeFineStructure(citrate, { threshold }).mz.length;
  time(`fine structure C20H23BCl2N2O9, threshold ${threshold} (${n} configurations)`, 1, 2000, () =>
    isotopeFineStructure(citrate, { threshold }),
  );
}
time("isotope pattern C20H23BCl2N2O9 [M+H]+ (parse, fine structure, 0.01 Th centroids)", 1, 2000, () =>
  isotopePattern("C20H23BCl2N2O9", { adduct: "[M+H]+" }),
);

const ranges = parseElementRanges("C0-40H0-80B0-1Cl0-4N0-6O0-12");
const mz = isotopePattern("C14H19BCl2N2O4", { adduct: "[M+H]+" }).monoisotopicMz * (1 + 1.5e-6);
const found = generateFormulas({ mz, adduct: "[M+H]+", ppm: 5, elements: ranges });
time(
  `formula generator, 5 ppm at m/z ${mz.toFixed(4)} (${found.examined} formulas in window, ${found.candidates.length} after rules)`,
  100,
  200,
  () => generateFormulas({ mz, adduct: "[M+H]+", ppm: 5, elements: ranges }),
);
const spectrum = simulateSpectrum("C14H19BCl2N2O4", {
  ions: [{ adduct: "[M+H]+", abundance: 1 }],
  rand: mulberry32(1),
  ppmShift: 1.5,
});
time("formula generator with isotope scoring against a spectrum", 100, 100, () =>
  generateFormulas({ mz, adduct: "[M+H]+", ppm: 5, elements: ranges, spectrum }),
);
