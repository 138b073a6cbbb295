import { InputError } from "../../errors.js";
import { type IsotopePattern, isotopePattern } from "./isotopePattern.js";
import { type PatternScore, scoreIsotopePattern } from "./scoreIsotopePattern.js";
import { centroidSpectrum, checkSpectrum, type MassSpectrum, mostIntenseIn } from "./spectrum.js";

/** Options of {@link confirmFormula}. */
export interface ConfirmOptions {
  /** Ion types to look for, bracket notation. */
  adducts: string[];
  /** Mass window of the monoisotopic peak (ppm). @default 5 */
  ppm?: number;
  /** Smallest isotope pattern score for a match. @default 0.9 */
  minScore?: number;
  /** Merge width of the theoretical pattern (Th). @default 0.01 */
  mergeDa?: number;
}

/** Defaults of {@link ConfirmOptions}. */
export const CONFIRM_DEFAULTS = { ppm: 5, minScore: 0.9, mergeDa: 0.01 } as const;

/** One ion's verdict: where it should be, where it was seen, and how well its isotopes fit. */
export interface IonConfirmation {
  ion: string;
  ionFormula: string;
  monoisotopicMz: number;
  observedMz: number | null;
  ppmError: number | null;
  isotopeScore: number | null;
  matched: boolean;
  pattern: IsotopePattern["peaks"];
  matches: PatternScore["matches"];
}

/** The `ms confirm` record. */
export interface FormulaConfirmation {
  formula: string;
  confirmed: boolean;
  ppm: number;
  minScore: number;
  ions: IonConfirmation[];
}

/**
 * Confirms a formula against a spectrum, ion type by ion type: the monoisotopic peak is the most intense
 * observed peak within ±ppm of the theoretical monoisotopic m/z (electrons included), its error is
 * (observed − theoretical)/theoretical·10⁶, and the isotope pattern is scored by
 * {@link scoreIsotopePattern}. An ion matches when its peak is found and its score ≥ `minScore`; the
 * formula is confirmed when at least one requested ion matches. Profile spectra are centroided first.
 * @throws InputError for an empty adduct list, a bad formula or ion notation, or a spectrum with no peaks.
 */
export function confirmFormula(
  formula: string,
  input: MassSpectrum,
  options: ConfirmOptions,
): FormulaConfirmation {
  const ppm = options.ppm ?? CONFIRM_DEFAULTS.ppm;
  const minScore = options.minScore ?? CONFIRM_DEFAULTS.minScore;
  const mergeDa = options.mergeDa ?? CONFIRM_DEFAULTS.mergeDa;
  if (!(ppm > 0)) throw new InputError(`ppm: expected > 0, found ${ppm}`);
  const adducts = options.adducts.map((a) => a.trim()).filter((a) => a !== "");
  if (adducts.length === 0) throw new InputError("adducts: expected at least one ion type such as [M+H]+");
  const patterns = adducts.map((adduct) => isotopePattern(formula, { adduct, mergeDa }));
  const spectrum = centroidSpectrum(checkSpectrum(input));
  const ions = patterns.map((pattern): IonConfirmation => {
    const mono = pattern.monoisotopicMz;
    const tol = (mono * ppm) / 1e6;
    const k = mostIntenseIn(spectrum, mono - tol, mono + tol);
    const observedMz = k < 0 ? null : spectrum.mz[k]!;
    const scored = scoreIsotopePattern(pattern.peaks, spectrum, { ppm, charge: pattern.charge });
    const isotopeScore = k < 0 ? null : scored.score;
    return {
      ion: pattern.adduct ?? "[M]",
      ionFormula: pattern.ionFormula,
      monoisotopicMz: mono,
      observedMz,
      ppmError: observedMz === null ? null : ((observedMz - mono) / mono) * 1e6,
      isotopeScore,
      matched: isotopeScore !== null && isotopeScore >= minScore,
      pattern: pattern.peaks,
      matches: scored.matches,
    };
  });
  return {
    formula: patterns[0]!.formula,
    confirmed: ions.some((i) => i.matched),
    ppm,
    minScore,
    ions,
  };
}
