import {
  CONVENTIONAL_ATOMIC_WEIGHTS,
  CONVENTIONAL_WEIGHTS_METHOD,
  ELEMENT_SYMBOLS,
  MOST_ABUNDANT_ISOTOPE_MASSES,
} from "./elements.js";
import { type ElementCounts, hillFormula } from "./formula.js";
import type { RDKit, RDKitMol } from "./rdkit.js";

/**
 * The `chem props` record. Masses in g/mol (average: RDKit's atomic-weight table; monoisotopic: the most
 * abundant isotope of each element, e.g. ¹¹B, ³⁵Cl). `hbd`/`hba` are RDKit's NumHBD/NumHBA (SMARTS
 * definitions); `lipinskiHbd`/`lipinskiHba` are Lipinski's N–H/O–H and N+O counts.
 */
export interface MolecularProperties {
  formula: string;
  averageMass: number;
  monoisotopicMass: number;
  /** Crippen (Wildman–Crippen 1999) logP. */
  clogp: number;
  /** Topological polar surface area (Ertl 2000), Å², N and O contributions only. */
  tpsa: number;
  hbd: number;
  hba: number;
  lipinskiHbd: number;
  lipinskiHba: number;
  rotatableBonds: number;
  rings: number;
  formalCharge: number;
  canonicalSmiles: string;
  /** Standard InChI, or null when InChI cannot represent the structure. */
  inchi: string | null;
  inchiKey: string | null;
}

/** The keys of {@link MolecularProperties} in the order they are printed. */
export const MOLECULAR_PROPERTY_KEYS = [
  "formula",
  "averageMass",
  "monoisotopicMass",
  "clogp",
  "tpsa",
  "hbd",
  "hba",
  "lipinskiHbd",
  "lipinskiHba",
  "rotatableBonds",
  "rings",
  "formalCharge",
  "canonicalSmiles",
  "inchi",
  "inchiKey",
] as const satisfies readonly (keyof MolecularProperties)[];

interface RDKitDescriptors {
  exactmw: number;
  amw: number;
  CrippenClogP: number;
  tpsa: number;
  NumHBD: number;
  NumHBA: number;
  lipinskiHBD: number;
  lipinskiHBA: number;
  NumRotatableBonds: number;
  NumRings: number;
}

/** Computes the `chem props` record of a parsed molecule. */
export function computeProperties(rdkit: RDKit, mol: RDKitMol): MolecularProperties {
  const d = JSON.parse(mol.get_descriptors()) as RDKitDescriptors;
  const { counts, charge, hasIsotopes } = elementCountsOf(mol);
  const inchi = mol.get_inchi() || null;
  // RDKit MinimalLib 2025.03 prints descriptors with 5 decimals, truncated (168.33 → 168.32999). TPSA is
  // a sum of 2-decimal contributions and RDKit's average atomic weights have 3 decimals, so rounding
  // restores them exactly; Crippen logP keeps its 5 printed decimals (±1e-5). Monoisotopic masses are
  // summed here at full precision from AME2020, unless the structure names isotopes explicitly.
  const monoisotopic = hasIsotopes ? undefined : monoisotopicMassOf(counts, charge);
  return {
    formula: hillFormula(counts, charge),
    averageMass: roundTo(d.amw, 3),
    monoisotopicMass: monoisotopic ?? d.exactmw,
    clogp: roundTo(d.CrippenClogP, 5),
    tpsa: roundTo(d.tpsa, 2),
    hbd: d.NumHBD,
    hba: d.NumHBA,
    lipinskiHbd: d.lipinskiHBD,
    lipinskiHba: d.lipinskiHBA,
    rotatableBonds: d.NumRotatableBonds,
    rings: d.NumRings,
    formalCharge: charge,
    canonicalSmiles: mol.get_smiles(),
    inchi,
    inchiKey: inchi ? rdkit.get_inchikey_for_inchi(inchi) || null : null,
  };
}

interface CommonChemAtom {
  z?: number;
  impHs?: number;
  chg?: number;
  isotope?: number;
}

/**
 * Counts atoms per element, hydrogens included, from RDKit's JSON (commonchem) form, and sums the formal
 * charges. Isotopes count as their element, as in RDKit's CalcMolFormula.
 */
export function elementCountsOf(mol: RDKitMol): {
  counts: ElementCounts;
  charge: number;
  hasIsotopes: boolean;
} {
  const json = JSON.parse(mol.get_json()) as {
    defaults: { atom: Required<CommonChemAtom> };
    molecules: { atoms: CommonChemAtom[] }[];
  };
  const defaults = json.defaults.atom;
  const counts: ElementCounts = {};
  let charge = 0;
  let hasIsotopes = false;
  for (const molecule of json.molecules) {
    for (const atom of molecule.atoms) {
      const symbol = ELEMENT_SYMBOLS[atom.z ?? defaults.z] ?? "*";
      counts[symbol] = (counts[symbol] ?? 0) + 1;
      const hydrogens = atom.impHs ?? defaults.impHs;
      if (hydrogens > 0) counts.H = (counts.H ?? 0) + hydrogens;
      charge += atom.chg ?? defaults.chg;
      if (atom.isotope) hasIsotopes = true;
    }
  }
  return { counts, charge, hasIsotopes };
}

/** An average molar mass from the IUPAC conventional atomic weights, the table printed references use. */
export interface ConventionalMass {
  value: number;
  unit: "g/mol";
  method: string;
}

/**
 * Sums IUPAC conventional atomic weights over a formula's element counts.
 * Returns null when an element has no conventional weight in the table.
 * @example conventionalAverageMass({ C: 20, H: 23, B: 1, Cl: 2, N: 2, O: 9 })?.value // ≈ 517.119
 */
export function conventionalAverageMass(counts: ElementCounts): ConventionalMass | null {
  let total = 0;
  for (const [symbol, n] of Object.entries(counts)) {
    const weight = CONVENTIONAL_ATOMIC_WEIGHTS[symbol];
    if (weight === undefined) return null;
    total += weight * n;
  }
  return { value: total, unit: "g/mol", method: CONVENTIONAL_WEIGHTS_METHOD };
}

/** Electron rest mass (u), CODATA 2018. */
const ELECTRON_MASS = 0.000548579909065;

/**
 * Sums the masses of each element's most abundant isotope (u), less one electron mass per positive
 * charge (plus one per negative), as RDKit's ExactMolWt does. Undefined when an element is missing
 * from the isotope table.
 * @example monoisotopicMassOf({ C: 2, H: 6, O: 1 }) // 46.041864812
 */
export function monoisotopicMassOf(counts: ElementCounts, charge = 0): number | undefined {
  let total = -charge * ELECTRON_MASS;
  for (const [symbol, n] of Object.entries(counts)) {
    const mass = MOST_ABUNDANT_ISOTOPE_MASSES[symbol];
    if (mass === undefined) return undefined;
    total += mass * n;
  }
  return total;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
