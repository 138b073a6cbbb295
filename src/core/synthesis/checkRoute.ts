import {
  addCounts,
  checkReactionBalance,
  conventionalAverageMass,
  type ElementCounts,
  elementCountsOf,
  hillFormula,
  monoisotopicMassOf,
  type RDKit,
  type ReactionBalance,
  type Species,
  withMolecule,
} from "../chem/index.js";
import { FormatError } from "../errors.js";
import type { Route, RouteInput, RouteSpecies, RouteStep } from "./types.js";

/** A structure with what stoichiometry needs: formula, molar mass (IUPAC conventional weights), canonical SMILES. */
export interface CheckedSpecies extends RouteSpecies {
  formula: string;
  /** g/mol from the IUPAC conventional atomic weights. */
  molarMass_g_mol: number;
  canonicalSmiles: string;
}

/** A route input with its formula and molar mass. */
export type CheckedInput = RouteInput & Omit<CheckedSpecies, keyof RouteSpecies>;

/** A step with its equation checked atom by atom. */
export interface CheckedStep extends Omit<RouteStep, "inputs" | "product" | "coProducts"> {
  inputs: CheckedInput[];
  product: CheckedSpecies;
  coProducts: CheckedSpecies[];
  /** True when the full equation (main product and co-products) conserves every element and the charge. */
  balanced: boolean;
  balance: ReactionBalance;
  /**
   * What the reactants have that the main product lacks (reactants − main product, Hill formula), and the
   * co-products that account for it: e.g. "HCl" named "hydrogen chloride".
   */
  released: { formula: string; accountedBy: string[]; accounted: boolean };
}

/** A route whose every step has been checked. */
export interface CheckedRoute extends Omit<Route, "steps"> {
  steps: CheckedStep[];
}

/**
 * Parses every structure of a route with RDKit, computes formulae and molar masses, and checks each step's
 * equation for atom and charge balance.
 * @throws FormatError naming the step and the structure RDKit cannot read, or a main product missing from
 * the equation.
 */
export function checkRoute(rdkit: RDKit, route: Route): CheckedRoute {
  const cache = new Map<string, CheckedSpecies & { counts: ElementCounts; charge: number }>();
  const species = (s: RouteSpecies, where: string) => {
    const hit = cache.get(s.smiles);
    if (hit) return { ...hit, name: s.name };
    const computed = withMolecule(rdkit, { smiles: s.smiles, source: where }, (mol) => {
      const { counts, charge } = elementCountsOf(mol);
      const mass = conventionalAverageMass(counts);
      if (!mass) throw new FormatError(where, s.name, "elements with IUPAC conventional weights", s.smiles);
      return {
        ...s,
        formula: hillFormula(counts, charge),
        molarMass_g_mol: mass.value,
        canonicalSmiles: mol.get_smiles(),
        counts,
        charge,
      };
    });
    cache.set(s.smiles, computed);
    return computed;
  };
  const strip = ({
    counts: _c,
    charge: _q,
    ...rest
  }: CheckedSpecies & { counts: unknown; charge: unknown }) => rest;

  const steps = route.steps.map((step): CheckedStep => {
    const where = `route ${route.id} step ${step.index} (${step.name})`;
    const sides = step.reactionSmiles.split(">");
    if (sides.length !== 3) {
      throw new FormatError(where, "reactionSmiles", "reactants>agents>products", step.reactionSmiles);
    }
    const parseSide = (text: string, side: string) =>
      text
        .split(".")
        .filter((s) => s.trim() !== "")
        .map((smiles, i) => species({ name: `${side} ${i + 1}`, smiles }, `${where} ${side}`));
    const reactants = parseSide(sides[0]!, "reactant");
    const products = parseSide(sides[2]!, "product");
    const product = species(step.product, `${where} product`);
    if (!products.some((p) => p.canonicalSmiles === product.canonicalSmiles)) {
      throw new FormatError(where, "reactionSmiles products", `the main product ${product.name}`, sides[2]!);
    }
    const toSpecies = (s: (typeof reactants)[number], id: string): Species => ({
      id,
      name: s.name,
      formula: s.formula,
      counts: s.counts,
      charge: s.charge,
      averageMass: s.molarMass_g_mol,
      monoisotopicMass: monoisotopicMassOf(s.counts, s.charge) ?? Number.NaN,
    });
    const balance = checkReactionBalance(
      reactants.map((s, i) => ({ species: toSpecies(s, `r${i + 1}`), coefficient: 1 })),
      products.map((s, i) => ({ species: toSpecies(s, `p${i + 1}`), coefficient: 1 })),
    );
    const coProducts = step.coProducts.map((c) => species(c, `${where} co-product ${c.name}`));
    let left: ElementCounts = {};
    for (const r of reactants) left = addCounts(left, r.counts);
    let coSum: ElementCounts = {};
    for (const c of coProducts) coSum = addCounts(coSum, c.counts);
    const releasedCounts = addCounts(left, product.counts, -1);
    const releasedFormula = hillFormula(releasedCounts);
    return {
      ...step,
      inputs: step.inputs.map((input) => {
        const { name: _n, smiles: _s, ...chem } = strip(species(input, `${where} input ${input.name}`));
        return { ...input, ...chem };
      }),
      product: strip(product),
      coProducts: coProducts.map(strip),
      balanced: balance.balanced,
      balance,
      released: {
        formula: releasedFormula,
        accountedBy: coProducts.map((c) => `${c.name} (${c.formula})`),
        accounted: releasedFormula === hillFormula(coSum),
      },
    };
  });
  return { ...route, steps };
}
