import { ELEMENT_SYMBOLS } from "../../chem/elements.js";
import { type ElementCounts, hillFormula } from "../../chem/formula.js";
import { InputError } from "../../errors.js";
import { ELECTRON_MASS_U, ISOTOPES } from "./isotopeData.js";
import { isotopePattern, monoisotopicMz } from "./isotopePattern.js";
import { parseAdduct } from "./parseAdduct.js";
import { FormulaError } from "./parseFormula.js";
import { scoreIsotopePattern } from "./scoreIsotopePattern.js";
import { centroidSpectrum, checkSpectrum, type MassSpectrum } from "./spectrum.js";

/** An element's allowed count range in a formula search. */
export interface ElementRange {
  symbol: string;
  min: number;
  max: number;
}

const KNOWN = new Set(ELEMENT_SYMBOLS.slice(1));

/**
 * Parses element ranges written as `C0-40H0-80B0-1Cl0-4N0-6O0-12` (an exact count such as `B1` is a
 * one-value range; spaces and commas between elements are allowed).
 * @throws FormulaError pointing a caret at the first character that does not fit.
 */
export function parseElementRanges(text: string): ElementRange[] {
  const s = text.replace(/[−–]/g, "-");
  const fail = (at: number, expected: string) => new FormulaError(s, at + 1, expected, "elements");
  const ranges: ElementRange[] = [];
  let at = 0;
  const number = () => {
    const start = at;
    while (/[0-9]/.test(s[at] ?? "")) at++;
    return at === start ? null : Number(s.slice(start, at));
  };
  while (at < s.length) {
    if (s[at] === " " || s[at] === ",") {
      at++;
      continue;
    }
    const start = at;
    if (!/[A-Z]/.test(s[at] ?? "")) throw fail(at, "an element symbol");
    let symbol = s[at++]!;
    if (/[a-z]/.test(s[at] ?? "")) symbol += s[at++];
    if (!KNOWN.has(symbol) && symbol.length === 2 && KNOWN.has(symbol[0]!)) {
      symbol = symbol[0]!; // "Hx": H, then a bad count at x
      at = start + 1;
    }
    if (!KNOWN.has(symbol)) throw fail(start, "an element symbol");
    if (!ISOTOPES[symbol])
      throw fail(start, `an element with isotope data (${Object.keys(ISOTOPES).join(", ")})`);
    if (ranges.some((r) => r.symbol === symbol)) throw fail(start, "each element once");
    const min = number();
    if (min === null) throw fail(at, "a count or a range such as 0-40");
    let max = min;
    if (s[at] === "-") {
      at++;
      const hi = number();
      if (hi === null) throw fail(at, "the upper end of the range");
      if (hi < min) throw fail(at - 1, `an upper end ≥ ${min}`);
      max = hi;
    }
    ranges.push({ symbol, min, max });
  }
  if (ranges.length === 0) throw fail(0, "at least one element range such as C0-40");
  return ranges;
}

/** Options of {@link generateFormulas}. */
export interface FormulaSearchOptions {
  /** Observed m/z of the monoisotopic peak. */
  mz: number;
  /** Ion type, bracket notation. */
  adduct: string;
  /** Mass window (ppm). */
  ppm: number;
  elements: ElementRange[];
  /** A spectrum to score each candidate's isotope pattern against. */
  spectrum?: MassSpectrum;
  /** Apply the chemical rules (RDBE, Senior, H/C). @default true */
  rules?: boolean;
  /** Score at or above which a pattern counts as fitting (ranking tier). @default 0.9 */
  minScore?: number;
  /** Candidates returned at most. @default 50 */
  maxCandidates?: number;
}

/** Defaults of {@link FormulaSearchOptions}. */
export const FORMULA_SEARCH_DEFAULTS = { rules: true, minScore: 0.9, maxCandidates: 50 } as const;

/** One candidate formula of the neutral molecule M. */
export interface FormulaCandidate {
  formula: string;
  ionFormula: string;
  /** m/z of the candidate's ion. */
  mz: number;
  /** (observed − theoretical)/theoretical·10⁶. */
  ppmError: number;
  /** Isotope pattern score against the spectrum, null without one. */
  isotopeScore: number | null;
  rdbe: number;
}

/** The `ms formula` record. */
export interface FormulaSearch {
  mz: number;
  adduct: string;
  ppm: number;
  /** Formulas within the window before the rules and the candidate limit. */
  examined: number;
  candidates: FormulaCandidate[];
}

/** Valences for RDBE and the Senior rules (lowest common valence: P 3, S 2). */
const VALENCE: Readonly<Record<string, number>> = {
  H: 1,
  Li: 1,
  Na: 1,
  K: 1,
  F: 1,
  Cl: 1,
  Br: 1,
  I: 1,
  B: 3,
  Al: 3,
  N: 3,
  P: 3,
  C: 4,
  Si: 4,
  O: 2,
  S: 2,
  Se: 2,
  Mg: 2,
  Ca: 2,
  Zn: 2,
  Cu: 2,
  Fe: 2,
  Pt: 2,
};

/**
 * Candidate formulas of M whose ion lies within ±ppm of `mz`, within the element ranges, best first.
 * Enumerates every element but the lightest in nested loops (heaviest first, stopping when the mass
 * overshoots) and solves the lightest's count from the window, so no combination is missed.
 * Rules (on M, Kind & Fiehn, BMC Bioinformatics 8, 105, 2007): RDBE = 1 + Σnᵢ(vᵢ−2)/2 ≥ 0 and whole
 * (an even-electron molecule, Senior's first rule); Σvᵢ ≥ 2(atoms − 1) (Senior's third rule);
 * 0.1 ≤ H/C ≤ 6 when C > 0. Ranking: without a spectrum by |ppm error|; with one, candidates whose
 * pattern score ≥ `minScore` first, by |ppm error|, then the rest by falling score.
 * @throws InputError for a bad m/z, window, adduct or range.
 */
export function generateFormulas(options: FormulaSearchOptions): FormulaSearch {
  const { mz, ppm, elements } = options;
  if (!(mz > 0)) throw new InputError(`mz: expected > 0, found ${mz}`);
  if (!(ppm > 0)) throw new InputError(`ppm: expected > 0, found ${ppm}`);
  const adduct = parseAdduct(options.adduct);
  if (adduct.charge === 0 && adduct.name !== "[M]")
    throw new InputError(`adduct ${adduct.name}: expected a charged ion such as [M+H]+`);
  const rules = options.rules ?? FORMULA_SEARCH_DEFAULTS.rules;
  const minScore = options.minScore ?? FORMULA_SEARCH_DEFAULTS.minScore;
  const maxCandidates = options.maxCandidates ?? FORMULA_SEARCH_DEFAULTS.maxCandidates;
  const massOf = (s: string) => monoisotopicMz({ [s]: 1 }, 0);
  const deltaMass = Object.entries(adduct.delta).reduce((m, [s, n]) => m + n * massOf(s), 0);
  const z = adduct.charge;
  const toNeutral = (ionMz: number) =>
    ((z === 0 ? ionMz : ionMz * Math.abs(z) + z * ELECTRON_MASS_U) - deltaMass) / adduct.multimer;
  const lo = toNeutral(mz * (1 - ppm / 1e6));
  const hi = toNeutral(mz * (1 + ppm / 1e6));

  const sorted = [...elements].sort((a, b) => massOf(b.symbol) - massOf(a.symbol));
  const solved = sorted[sorted.length - 1]!;
  const looped = sorted.slice(0, -1);
  const masses = looped.map((r) => massOf(r.symbol));
  const solvedMass = massOf(solved.symbol);
  // Mass the elements after index i contribute at least (their minimum counts).
  const minAfter = new Float64Array(looped.length + 1);
  minAfter[looped.length] = solved.min * solvedMass;
  for (let i = looped.length - 1; i >= 0; i--) minAfter[i] = minAfter[i + 1]! + looped[i]!.min * masses[i]!;

  const found: ElementCounts[] = [];
  const counts = new Int32Array(looped.length);
  const walk = (level: number, mass: number) => {
    if (level === looped.length) {
      const nLo = Math.max(solved.min, Math.ceil((lo - mass) / solvedMass));
      const nHi = Math.min(solved.max, Math.floor((hi - mass) / solvedMass));
      for (let n = nLo; n <= nHi; n++) {
        const c: ElementCounts = {};
        looped.forEach((r, i) => {
          if (counts[i]! > 0) c[r.symbol] = counts[i]!;
        });
        if (n > 0) c[solved.symbol] = n;
        found.push(c);
      }
      return;
    }
    const r = looped[level]!;
    for (let n = r.min; n <= r.max; n++) {
      const m = mass + n * masses[level]!;
      if (m + minAfter[level + 1]! > hi) break;
      counts[level] = n;
      walk(level + 1, m);
    }
    counts[level] = 0;
  };
  walk(0, 0);

  const spectrum = options.spectrum ? centroidSpectrum(checkSpectrum(options.spectrum)) : undefined;
  const candidates: FormulaCandidate[] = [];
  for (const c of found) {
    if (Object.keys(c).length === 0) continue;
    const rdbe = rdbeOf(c);
    if (rules && !passesRules(c, rdbe)) continue;
    const ion = ionOf(c, adduct.multimer, adduct.delta);
    if (!ion) continue;
    const formula = hillFormula(c);
    const candidateMz = monoisotopicMz(ion, z);
    candidates.push({
      formula,
      ionFormula: hillFormula(ion, z),
      mz: candidateMz,
      ppmError: ((mz - candidateMz) / candidateMz) * 1e6,
      isotopeScore: null,
      rdbe,
    });
  }
  if (spectrum) {
    for (const cand of candidates) {
      const pattern = isotopePattern(cand.formula, {
        adduct: adduct.name,
        threshold: 1e-7,
        minRelative: 0.5,
      });
      cand.isotopeScore = scoreIsotopePattern(pattern.peaks, spectrum, { ppm, charge: z }).score;
    }
  }
  const byError = (a: FormulaCandidate, b: FormulaCandidate) => Math.abs(a.ppmError) - Math.abs(b.ppmError);
  candidates.sort((a, b) => {
    if (a.isotopeScore === null || b.isotopeScore === null) return byError(a, b);
    const fitA = a.isotopeScore >= minScore;
    const fitB = b.isotopeScore >= minScore;
    if (fitA !== fitB) return fitA ? -1 : 1;
    return fitA ? byError(a, b) : b.isotopeScore - a.isotopeScore || byError(a, b);
  });
  return {
    mz,
    adduct: adduct.name,
    ppm,
    examined: found.length,
    candidates: candidates.slice(0, maxCandidates),
  };
}

/** Ring-plus-double-bond equivalents of a neutral formula, from the valences above. */
export function rdbeOf(counts: ElementCounts): number {
  let r = 1;
  for (const [s, n] of Object.entries(counts)) r += (n * ((VALENCE[s] ?? 2) - 2)) / 2;
  return r;
}

function passesRules(counts: ElementCounts, rdbe: number): boolean {
  if (rdbe < 0 || !Number.isInteger(rdbe)) return false;
  let valenceSum = 0;
  let atoms = 0;
  for (const [s, n] of Object.entries(counts)) {
    valenceSum += n * (VALENCE[s] ?? 2);
    atoms += n;
  }
  if (atoms > 1 && valenceSum < 2 * (atoms - 1)) return false;
  const c = counts.C ?? 0;
  if (c > 0) {
    const hc = (counts.H ?? 0) / c;
    if (hc < 0.1 || hc > 6) return false;
  }
  return true;
}

function ionOf(counts: ElementCounts, multimer: number, delta: ElementCounts): ElementCounts | null {
  const out: ElementCounts = {};
  for (const [s, n] of Object.entries(counts)) out[s] = n * multimer;
  for (const [s, n] of Object.entries(delta)) out[s] = (out[s] ?? 0) + n;
  for (const [s, n] of Object.entries(out)) {
    if (n < 0) return null;
    if (n === 0) delete out[s];
  }
  return Object.keys(out).length ? out : null;
}
