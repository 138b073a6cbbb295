import { addCounts, type ElementCounts } from "./formula.js";

/** A chemical species with what a balance needs; masses in g/mol. */
export interface Species {
  id: string;
  name: string;
  formula: string;
  counts: ElementCounts;
  charge: number;
  averageMass: number;
  monoisotopicMass: number;
}

/** A species with its stoichiometric coefficient in a reaction. */
export interface ReactionTerm {
  species: Species;
  coefficient: number;
}

/** A reaction checked atom by atom. */
export interface ReactionBalance {
  equation: string;
  reactants: ReactionTermSummary[];
  products: ReactionTermSummary[];
  balanced: boolean;
  /** Atoms of each element on either side (coefficients applied). */
  elements: Record<string, { reactants: number; products: number }>;
  charge: { reactants: number; products: number };
  /** Σ coefficient × average mass on either side, g/mol of reaction. */
  massBalance: { reactants: number; products: number; unit: "g/mol" };
}

/** One side's entry in a {@link ReactionBalance}. */
export interface ReactionTermSummary {
  id: string;
  name: string;
  formula: string;
  coefficient: number;
  averageMass: number;
  monoisotopicMass: number;
}

/**
 * Checks that a reaction conserves every element and the charge, and sums masses on both sides.
 * @example checkReactionBalance([{species: citrate, coefficient: 1}, {species: water, coefficient: 2}], [...])
 */
export function checkReactionBalance(reactants: ReactionTerm[], products: ReactionTerm[]): ReactionBalance {
  const left = sumSide(reactants);
  const right = sumSide(products);
  const symbols = [...new Set([...Object.keys(left.counts), ...Object.keys(right.counts)])].sort();
  const elements: ReactionBalance["elements"] = {};
  for (const s of symbols) elements[s] = { reactants: left.counts[s] ?? 0, products: right.counts[s] ?? 0 };
  const balanced =
    symbols.every((s) => elements[s]?.reactants === elements[s]?.products) && left.charge === right.charge;
  return {
    equation: `${writeSide(reactants)} -> ${writeSide(products)}`,
    reactants: reactants.map(summarise),
    products: products.map(summarise),
    balanced,
    elements,
    charge: { reactants: left.charge, products: right.charge },
    massBalance: { reactants: left.mass, products: right.mass, unit: "g/mol" },
  };
}

function sumSide(terms: ReactionTerm[]) {
  let counts: ElementCounts = {};
  let charge = 0;
  let mass = 0;
  for (const { species, coefficient } of terms) {
    counts = addCounts(counts, species.counts, coefficient);
    charge += species.charge * coefficient;
    mass += species.averageMass * coefficient;
  }
  return { counts, charge, mass };
}

function writeSide(terms: ReactionTerm[]): string {
  return terms
    .map(({ species, coefficient }) =>
      coefficient === 1 ? species.formula : `${coefficient} ${species.formula}`,
    )
    .join(" + ");
}

function summarise({ species, coefficient }: ReactionTerm): ReactionTermSummary {
  return {
    id: species.id,
    name: species.name,
    formula: species.formula,
    coefficient,
    averageMass: species.averageMass,
    monoisotopicMass: species.monoisotopicMass,
  };
}
