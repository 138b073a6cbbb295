import { type ElementCounts, hillFormula } from "../../chem/formula.js";
import { InputError } from "../../errors.js";
import { centroidSticks } from "./centroidSticks.js";
import { FINE_STRUCTURE_DEFAULTS, isotopeFineStructure } from "./fineStructure.js";
import { ELECTRON_MASS_U, ISOTOPES, type IsotopeTable } from "./isotopeData.js";
import { type Adduct, ionCounts, parseAdduct } from "./parseAdduct.js";
import { parseFormula } from "./parseFormula.js";

/** Options of {@link isotopePattern}. */
export interface IsotopePatternOptions {
  /** Ion type in bracket notation; absent: the neutral molecule. */
  adduct?: string;
  /** Merge sticks within this many Th (0: fine structure). @default 0.01 unless `resolution` is given */
  mergeDa?: number;
  /** Resolving power (FWHM) instead of a fixed merge width. */
  resolution?: number;
  /** Drop peaks below this percentage of the largest. @default 0.01 */
  minRelative?: number;
  /** Absolute probability below which configurations are not enumerated. @default 1e-10 */
  threshold?: number;
  table?: IsotopeTable;
}

/** Defaults of {@link IsotopePatternOptions}. */
export const ISOTOPE_PATTERN_DEFAULTS = {
  mergeDa: 0.01,
  minRelative: 0.01,
  threshold: FINE_STRUCTURE_DEFAULTS.threshold,
} as const;

/** One peak of a pattern: m/z, absolute probability and percentage of the largest peak. */
export interface PatternPeak {
  mz: number;
  probability: number;
  relative: number;
}

/** A formula's (or ion's) isotope pattern, the `ms isotopes` record. */
export interface IsotopePattern {
  /** Neutral molecule, Hill order. */
  formula: string;
  /** The ion's composition with its charge (`C14H20BCl2N2O4+`); equals `formula` when neutral. */
  ionFormula: string;
  adduct: string | null;
  charge: number;
  /** m/z of the ion made of each element's most abundant isotope, electrons included. */
  monoisotopicMz: number;
  peaks: PatternPeak[];
}

/** Resolves a formula and an ion notation to the ion's composition and charge. */
export function resolveIon(
  formula: string,
  adduct?: string,
): {
  molecule: ElementCounts;
  ion: ElementCounts;
  adduct: Adduct | null;
  charge: number;
} {
  const molecule = withoutZeros(parseFormula(formula));
  if (Object.keys(molecule).length === 0) throw new InputError(`formula '${formula}': no atoms`);
  const parsed = adduct === undefined || adduct.trim() === "" ? null : parseAdduct(adduct);
  const ion = parsed ? ionCounts(molecule, parsed) : molecule;
  if (Object.keys(ion).length === 0) throw new InputError(`ion ${parsed?.name}: no atoms left`);
  return { molecule, ion, adduct: parsed, charge: parsed?.charge ?? 0 };
}

/**
 * m/z of the ion made of each element's most abundant isotope (the MS "monoisotopic" convention:
 * ¹¹B, ³⁵Cl), less z electron masses, over |z| (the neutral mass when z = 0).
 * @throws InputError for an element without isotope data.
 */
export function monoisotopicMz(
  counts: ElementCounts,
  charge: number,
  table: IsotopeTable = ISOTOPES,
): number {
  let mass = -charge * ELECTRON_MASS_U;
  for (const [symbol, n] of Object.entries(counts)) {
    const isotopes = table[symbol];
    if (!isotopes?.length) throw new InputError(`formula: no isotope data for element ${symbol}`);
    let top = isotopes[0]!;
    for (const i of isotopes) if (i.abundance > top.abundance) top = i;
    mass += n * top.mass;
  }
  return charge === 0 ? mass : mass / Math.abs(charge);
}

/**
 * The isotope pattern of a formula or of one of its ions: exact fine structure merged to centroids
 * (`mergeDa` or `resolution`), peaks above `minRelative` % of the largest, sorted by m/z.
 * @throws FormulaError / InputError for a malformed formula or ion notation.
 * @example isotopePattern("C14H19BCl2N2O4", { adduct: "[M+H]+" }).monoisotopicMz // ≈ 361.09…
 */
export function isotopePattern(formula: string, options: IsotopePatternOptions = {}): IsotopePattern {
  const { molecule, ion, adduct, charge } = resolveIon(formula, options.adduct);
  const table = options.table ?? ISOTOPES;
  const fine = isotopeFineStructure(ion, {
    charge,
    table,
    threshold: options.threshold ?? ISOTOPE_PATTERN_DEFAULTS.threshold,
  });
  const merged =
    options.resolution !== undefined
      ? centroidSticks(fine, { resolution: options.resolution })
      : centroidSticks(fine, { mergeDa: options.mergeDa ?? ISOTOPE_PATTERN_DEFAULTS.mergeDa });
  const minRelative = options.minRelative ?? ISOTOPE_PATTERN_DEFAULTS.minRelative;
  let top = 0;
  for (const p of merged.probability) top = Math.max(top, p);
  const peaks: PatternPeak[] = [];
  for (let i = 0; i < merged.mz.length; i++) {
    const relative = (100 * merged.probability[i]!) / top;
    if (relative >= minRelative)
      peaks.push({ mz: merged.mz[i]!, probability: merged.probability[i]!, relative });
  }
  return {
    formula: hillFormula(molecule),
    ionFormula: hillFormula(ion, charge),
    adduct: adduct?.name ?? null,
    charge,
    monoisotopicMz: monoisotopicMz(ion, charge, table),
    peaks,
  };
}

function withoutZeros(counts: ElementCounts): ElementCounts {
  const out: ElementCounts = {};
  for (const [symbol, n] of Object.entries(counts)) if (n > 0) out[symbol] = n;
  return out;
}
