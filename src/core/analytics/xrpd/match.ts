import { InputError } from "../../errors.js";

/** A peak of a reference list or of an observed peak list: position (° 2θ) and relative intensity. */
export interface StickPeak {
  twoTheta: number;
  relIntensity: number;
}

/** A reference form: its name and peak list. */
export interface ReferenceForm {
  name: string;
  peaks: readonly StickPeak[];
}

/** Options of {@link matchPattern}. */
export interface MatchOptions {
  /** Position window, ° 2θ (USP <941>: sample and reference agree within ±0.2°). @default 0.2 */
  toleranceDeg?: number;
  /** Reference peaks weaker than this (%) are ignored. @default 0 */
  minReferenceIntensity?: number;
  /** Observed characteristic peaks needed to report a form as present besides the best match. @default 2 */
  minCharacteristicPeaks?: number;
}

/** Defaults of {@link MatchOptions}. */
export const MATCH_DEFAULTS = {
  toleranceDeg: 0.2,
  minReferenceIntensity: 0,
  minCharacteristicPeaks: 2,
} as const;

/** One reference peak, matched or not. */
export interface PeakPair {
  reference: StickPeak;
  /** The observed peak within tolerance, or null. */
  observed: StickPeak | null;
  /** True when no other reference form has a peak within tolerance of this one. */
  characteristic: boolean;
}

/** How one reference form agrees with the observed peaks. */
export interface FormMatch {
  reference: string;
  /** Figure of merit 0–100: 100·√(F_ref·F_obs) (see {@link matchPattern}). */
  score: number;
  /** Reference peaks (in the measured range) with an observed peak within tolerance. */
  matchedPeaks: number;
  /** Reference peaks in the measured range without one. */
  unmatchedPeaks: number;
  /** Intensity-weighted fraction of the reference explained, with the position weight. */
  referenceFraction: number;
  /** Intensity fraction of the observed peaks this form explains. */
  observedFraction: number;
  /** Reference peaks outside the measured 2θ range (not counted). */
  outOfRange: number;
  pairs: PeakPair[];
  /** Characteristic peaks of this form (only it has them, among the references given) that were observed. */
  characteristicObserved: number;
  characteristicTotal: number;
  /** This is the best match, or a second form shown by its own characteristic peaks. */
  present: boolean;
}

/** The match of a pattern against reference forms. */
export interface PatternMatch {
  /** Sorted by score, best first. */
  matches: FormMatch[];
  bestMatch: string | null;
  /** Forms besides the best match whose characteristic peaks are observed (a mixture). */
  otherFormsPresent: string[];
}

/**
 * Matches observed peaks against reference peak lists. Each reference peak j (in the measured range) is
 * paired one-to-one with the nearest unpaired observed peak within ±Δ, strongest reference peaks first.
 * The figure of merit combines two intensity-weighted fractions, as search–match programs do (a de Wolff /
 * Smith–Snyder style position test, weighted by intensity like HighScore's score):
 *   F_ref = Σ_matched I_j·(1 − |δ_j|/Δ) / Σ_j I_j   (how much of the reference is seen, and how closely),
 *   F_obs = Σ_explained I_k / Σ_k I_k              (how much of the observed pattern the form explains),
 *   score = 100·√(F_ref·F_obs).
 * A reference peak is characteristic when no other given reference has a peak within Δ of it. A form other
 * than the best match is reported present when at least `minCharacteristicPeaks` of its characteristic
 * peaks (or all, if it has fewer) are observed and not explained by the best match.
 */
export function matchPattern(
  observed: readonly StickPeak[],
  references: readonly ReferenceForm[],
  range: [number, number],
  options: MatchOptions = {},
): PatternMatch {
  const tol = options.toleranceDeg ?? MATCH_DEFAULTS.toleranceDeg;
  const minRef = options.minReferenceIntensity ?? MATCH_DEFAULTS.minReferenceIntensity;
  const minChar = options.minCharacteristicPeaks ?? MATCH_DEFAULTS.minCharacteristicPeaks;
  if (!(tol > 0)) throw new InputError(`toleranceDeg: expected > 0, found ${tol}`);
  if (references.length === 0) throw new InputError("no reference forms to match against");
  const obs = [...observed].sort((a, b) => a.twoTheta - b.twoTheta);
  const obsX = Float64Array.from(obs, (p) => p.twoTheta);
  const obsTotal = obs.reduce((s, p) => s + p.relIntensity, 0);
  const characteristic = characteristicFlags(references, tol, minRef);

  const results = references.map((ref, r): FormMatch & { explained: Set<number> } => {
    const order = ref.peaks
      .map((p, j) => ({ p, j }))
      .filter(({ p }) => p.relIntensity >= minRef)
      .sort((a, b) => b.p.relIntensity - a.p.relIntensity);
    const taken = new Set<number>();
    const pairs: (PeakPair & { at: number })[] = [];
    let outOfRange = 0;
    let weightAll = 0;
    let weightMatched = 0;
    for (const { p, j } of order) {
      if (p.twoTheta < range[0] - tol || p.twoTheta > range[1] + tol) {
        outOfRange++;
        continue;
      }
      weightAll += p.relIntensity;
      const k = nearestFree(obsX, p.twoTheta, tol, taken);
      if (k >= 0) {
        taken.add(k);
        weightMatched += p.relIntensity * (1 - Math.abs(obsX[k]! - p.twoTheta) / tol);
      }
      pairs.push({
        reference: p,
        observed: k >= 0 ? obs[k]! : null,
        characteristic: characteristic[r]![j]!,
        at: p.twoTheta,
      });
    }
    pairs.sort((a, b) => a.at - b.at);
    const matched = pairs.filter((q) => q.observed).length;
    const fRef = weightAll > 0 ? weightMatched / weightAll : 0;
    let explainedWeight = 0;
    for (const k of taken) explainedWeight += obs[k]!.relIntensity;
    const fObs = obsTotal > 0 ? explainedWeight / obsTotal : 0;
    const chars = pairs.filter((q) => q.characteristic);
    return {
      reference: ref.name,
      score: 100 * Math.sqrt(fRef * fObs),
      matchedPeaks: matched,
      unmatchedPeaks: pairs.length - matched,
      referenceFraction: fRef,
      observedFraction: fObs,
      outOfRange,
      pairs: pairs.map(({ at: _, ...q }) => q),
      characteristicObserved: chars.filter((q) => q.observed).length,
      characteristicTotal: chars.length,
      present: false,
      explained: taken,
    };
  });
  results.sort((a, b) => b.score - a.score);
  const best = results[0]!;
  const bestMatch = best.score > 0 ? best.reference : null;
  const otherFormsPresent: string[] = [];
  if (bestMatch) {
    best.present = true;
    for (const m of results.slice(1)) {
      // Characteristic peaks seen that the best match does not already explain.
      const own = m.pairs.filter(
        (q) => q.characteristic && q.observed && !best.explained.has(obs.indexOf(q.observed)),
      ).length;
      const needed = Math.min(minChar, m.characteristicTotal);
      if (needed > 0 && own >= needed) {
        m.present = true;
        otherFormsPresent.push(m.reference);
      }
    }
  }
  return { matches: results.map(({ explained: _, ...m }) => m), bestMatch, otherFormsPresent };
}

/** Index of the nearest observed peak within ±tol that is not taken, or −1 (x sorted ascending). */
function nearestFree(x: Float64Array, target: number, tol: number, taken: Set<number>): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! < target - tol) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestDist = Number.POSITIVE_INFINITY;
  for (let k = lo; k < x.length && x[k]! <= target + tol; k++) {
    const d = Math.abs(x[k]! - target);
    if (d < bestDist && !taken.has(k)) {
      best = k;
      bestDist = d;
    }
  }
  return best;
}

/** Per reference and peak: true when no other reference has a peak (≥ minRef) within ±tol. */
function characteristicFlags(references: readonly ReferenceForm[], tol: number, minRef: number): boolean[][] {
  const all = references
    .flatMap((ref, r) => ref.peaks.filter((p) => p.relIntensity >= minRef).map((p) => ({ x: p.twoTheta, r })))
    .sort((a, b) => a.x - b.x);
  const xs = Float64Array.from(all, (a) => a.x);
  return references.map((ref, r) =>
    ref.peaks.map((p) => {
      let lo = 0;
      let hi = xs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (xs[mid]! < p.twoTheta - tol) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < xs.length && xs[k]! <= p.twoTheta + tol; k++) if (all[k]!.r !== r) return false;
      return true;
    }),
  );
}
