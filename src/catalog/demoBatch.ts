/**
 * Hand-made analysis results of a conforming ixazomib citrate batch, in the documented result shapes of
 * hplc.analyze, ms.confirm, nmr.process and xrpd.match: the seed of the demo batch and of the tests. They
 * are labelled as demo data wherever they are stored (parameters.demo = true).
 */

// [M+H]+ of C20H23BCl2N2O9: 516.087366 u (¹¹B, ³⁵Cl; README, monoisotopic mass) + proton 1.007276467 u.
const MH = 516.087366 + 1.007276467;
const OBSERVED = 517.09534;

/** Fresh copies of the demo results, keyed by analysis kind. */
export function demoAnalysisResults(): Record<string, unknown> {
  const peak = (rt_min: number, areaPercent: number, resolution: number | null) => ({
    rt_min,
    area: areaPercent * 1234.5,
    height: areaPercent * 98.7,
    areaPercent,
    widthHalf_min: 0.06,
    plates: 14_500,
    tailing: 1.08,
    resolution,
  });
  return {
    "hplc.analyze": {
      peaks: [
        peak(3.85, 0.09, null),
        peak(4.8, 0.12, 6.1),
        peak(6.42, 99.6, 9.8),
        peak(7.31, 0.1, 5.2),
        peak(8.05, 0.09, 4.4),
      ],
      mainPeak: 2,
      purityPercent: 99.6,
    },
    "ms.confirm": {
      confirmed: true,
      ions: [
        {
          ion: "[M+H]+",
          monoisotopicMz: MH,
          observedMz: OBSERVED,
          ppmError: ((OBSERVED - MH) / MH) * 1e6,
          isotopeScore: 0.97,
          matched: true,
        },
      ],
    },
    "nmr.process": {
      nucleus: "1H",
      frequency_MHz: 400,
      solvent: "DMSO-d6",
      peaks: [0.82, 0.85, 1.22, 1.35, 1.62, 2.58, 2.66, 2.71, 4.03, 7.5, 7.53, 7.56, 8.86, 10.72].map(
        (ppm, i) => ({
          ppm,
          intensity: [410, 395, 60, 55, 70, 120, 118, 90, 150, 80, 95, 88, 40, 35][i]!,
        }),
      ),
      ranges: [
        { from: 0.95, to: 0.75, integral: 6.0 },
        { from: 1.7, to: 1.1, integral: 3.04 },
        { from: 2.9, to: 2.45, integral: 5.1 },
        { from: 4.15, to: 3.9, integral: 2.03 },
        { from: 7.65, to: 7.4, integral: 3.05 },
        { from: 9.0, to: 8.7, integral: 0.98 },
      ],
    },
    "xrpd.match": {
      matches: [
        { reference: "ixazomib citrate Form 2", score: 0.96, matchedPeaks: 18, unmatchedPeaks: 1 },
        { reference: "ixazomib citrate Form 1", score: 0.41, matchedPeaks: 6, unmatchedPeaks: 13 },
      ],
      bestMatch: "ixazomib citrate Form 2",
    },
  };
}
