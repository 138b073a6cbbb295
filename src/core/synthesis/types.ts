/** What an input does in a step: the limiting reagent sets the scale, the others follow by equivalents. */
export type InputRole = "limiting" | "reagent" | "catalyst" | "solvent";

/** A stated choice the source does not fix (protecting group, coupling reagent…), with where it comes from. */
export interface RouteAssumption {
  text: string;
  source: string;
}

/** One input of a step, as data. */
export interface RouteInput {
  name: string;
  smiles: string;
  role: InputRole;
  /** Moles per mole of the limiting input; null for solvents (they are dosed by volume). */
  equivalents: number | null;
  /** g/mL at 20–25 °C, for liquids; null for solids. */
  density_g_mL: number | null;
  /** Solvents: mL per g of the limiting input. */
  volume_mL_per_g?: number;
  /** Solutions (e.g. 1 M HCl): mol/L; the volume is then moles / concentration. */
  concentration_mol_L?: number;
  /** The intermediate made by this earlier step (1-based index); not counted as a raw material. */
  fromStep?: number;
  source?: string;
}

/** A species named in a step's balance (main product or co-product). */
export interface RouteSpecies {
  name: string;
  smiles: string;
}

/** One step of a route: the reaction, its inputs and conditions, and the yield it is expected to give. */
export interface RouteStep {
  index: number;
  name: string;
  description: string;
  /**
   * Reaction SMILES `reactants>agents>products`; a coefficient n is written as the molecule n times. The
   * products are the main product and the co-products, so the balance is checked over the full equation.
   */
  reactionSmiles: string;
  product: RouteSpecies;
  /** Products of the equation other than the main one (HCl, H2O, pinanediol ester…), named. */
  coProducts: RouteSpecies[];
  inputs: RouteInput[];
  conditions: {
    temperature_C: number | [number, number];
    time_h?: number;
    solvent?: string;
    atmosphere?: string;
    workup?: string;
  };
  expectedYieldPct: number;
  assumptions: RouteAssumption[];
}

/** A synthesis route as data: steps in order, the last one making the target. */
export interface Route {
  id: string;
  title: string;
  /** Catalog compound id of the final product. */
  target: string;
  source: string;
  steps: RouteStep[];
}
