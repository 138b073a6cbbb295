import type { PatternPeak } from "./isotopePattern.js";
import { type MassSpectrum, mostIntenseIn } from "./spectrum.js";

/** Options of {@link scoreIsotopePattern}. */
export interface PatternScoreOptions {
  /** Mass window of each theoretical peak (ppm). */
  ppm: number;
  /** Charge magnitude |z|: isotope positions are 1.00335/|z| Th apart. @default 1 */
  charge?: number;
  /** Smallest narrow window (Th), for the width of merged fine structure. @default 0.005 */
  minToleranceDa?: number;
  /** Half-width of the broad window around each isotope position (Th at |z| = 1). @default 0.05 */
  broadDa?: number;
  /** Theoretical peaks below this percentage of the largest are listed but not expected. @default 1 */
  minRelative?: number;
}

/** Defaults of {@link PatternScoreOptions}. */
export const PATTERN_SCORE_DEFAULTS = {
  charge: 1,
  minToleranceDa: 0.005,
  broadDa: 0.05,
  minRelative: 1,
} as const;

/** One theoretical peak and the observed peak matched to it. */
export interface PatternMatch {
  theoreticalMz: number;
  relative: number;
  observedMz: number | null;
  /** Observed intensity in the narrow window, % of the largest such intensity. */
  observedRelative: number;
}

/** The score and the peak-by-peak match behind it. */
export interface PatternScore {
  /** Overlap of normalised theoretical and observed intensities, 0–1 (see {@link scoreIsotopePattern}). */
  score: number;
  matches: PatternMatch[];
}

const ISOTOPE_SPACING = 1.0033548378; // ¹³C − ¹²C (u): where the next isotope peak of a small molecule lies

/**
 * The isotope pattern score: the overlap Σ min(tᵢ/Σt, oᵢ/Σo) = 1 − ½‖t̂ − ô‖₁ (one minus the total
 * variation distance) of two intensity vectors built over the isotope positions k (every 1.00335/|z| Th from the first theoretical
 * peak, one position beyond each end). At each position, tₖ is the theoretical intensity and oₖ the summed
 * observed intensity within ±max(ppm, `minToleranceDa`) of the theoretical centroid (the narrow window);
 * observed intensity elsewhere within ±`broadDa`/|z| of the position is a second component with t = 0,
 * so peaks the formula does not explain (a ³⁷Cl peak for a chlorine-free candidate, 9 mTh off its
 * M+2) lower the score. 1 is a perfect match; 0.9 means 10 % of the normalised intensity is misplaced.
 * (Chosen over the cosine, which scores a Cl₃ pattern against a Cl₂ one at 0.95–0.98.)
 */
export function scoreIsotopePattern(
  theoretical: readonly PatternPeak[],
  spectrum: MassSpectrum,
  options: PatternScoreOptions,
): PatternScore {
  const z = Math.abs(options.charge ?? PATTERN_SCORE_DEFAULTS.charge) || 1;
  const minRelative = options.minRelative ?? PATTERN_SCORE_DEFAULTS.minRelative;
  const minTol = options.minToleranceDa ?? PATTERN_SCORE_DEFAULTS.minToleranceDa;
  const broad = (options.broadDa ?? PATTERN_SCORE_DEFAULTS.broadDa) / z;
  const spacing = ISOTOPE_SPACING / z;
  const expected = theoretical.filter((p) => p.relative >= minRelative);
  if (expected.length === 0) return { score: 0, matches: [] };
  const ref = expected[0]!.mz;
  const positionOf = (mz: number) => Math.round((mz - ref) / spacing);
  const byPosition = new Map<number, PatternPeak[]>();
  for (const p of expected) {
    const k = positionOf(p.mz);
    byPosition.set(k, [...(byPosition.get(k) ?? []), p]);
  }
  const ks = [...byPosition.keys()];
  const kMin = Math.min(...ks) - 1;
  const kMax = Math.max(...ks) + 1;
  const tVec: number[] = [];
  const oVec: number[] = [];
  const matches: PatternMatch[] = [];
  const narrowSums: number[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const peaks = byPosition.get(k) ?? [];
    let t = 0;
    let narrow = 0;
    const windows: [number, number][] = [];
    for (const p of peaks) {
      t += p.relative;
      const tol = Math.max((p.mz * options.ppm) / 1e6, minTol);
      windows.push([p.mz - tol, p.mz + tol]);
      const sum = sumIn(spectrum, p.mz - tol, p.mz + tol);
      narrow += sum;
      const best = mostIntenseIn(spectrum, p.mz - tol, p.mz + tol);
      matches.push({
        theoreticalMz: p.mz,
        relative: p.relative,
        observedMz: best < 0 ? null : spectrum.mz[best]!,
        observedRelative: sum,
      });
      narrowSums.push(sum);
    }
    const centre = ref + k * spacing;
    const everything = sumIn(spectrum, centre - broad, centre + broad);
    let inside = 0;
    for (const [lo, hi] of windows)
      if (lo < centre + broad && hi > centre - broad)
        inside += sumIn(spectrum, Math.max(lo, centre - broad), Math.min(hi, centre + broad));
    const unexplained = Math.max(0, everything - inside);
    tVec.push(t, 0);
    oVec.push(narrow, unexplained);
  }
  const top = Math.max(...narrowSums, 0);
  for (const m of matches) m.observedRelative = top > 0 ? (100 * m.observedRelative) / top : 0;
  return { score: overlap(tVec, oVec), matches };
}

/** Σ min(tᵢ/Σt, oᵢ/Σo): the share of normalised intensity two vectors have in common, 0–1. */
function overlap(t: readonly number[], o: readonly number[]): number {
  const st = t.reduce((a, b) => a + b, 0);
  const so = o.reduce((a, b) => a + b, 0);
  if (!(st > 0 && so > 0)) return 0;
  let s = 0;
  for (let i = 0; i < t.length; i++) s += Math.min(t[i]! / st, o[i]! / so);
  return s;
}

function sumIn(spectrum: MassSpectrum, lo: number, hi: number): number {
  const { mz, intensity } = spectrum;
  let a = 0;
  let b = mz.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (mz[mid]! < lo) a = mid + 1;
    else b = mid;
  }
  let s = 0;
  for (let i = a; i < mz.length && mz[i]! <= hi; i++) if (intensity[i]! > 0) s += intensity[i]!;
  return s;
}
