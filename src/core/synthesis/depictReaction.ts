import type { RDKit } from "../chem/index.js";
import { FormatError } from "../errors.js";

/** RDKit MinimalLib's reaction handle; the module has `get_rxn` at run time but its typings omit it. */
interface RDKitReaction {
  get_svg_with_highlights(details: string): string;
  delete(): void;
}

/** Options for {@link depictReactionSvg}. */
export interface DepictReactionOptions {
  /** @default 1000 */
  width?: number;
  /** @default 260 */
  height?: number;
}

const DEPICT_REACTION_DEFAULTS = { width: 1000, height: 260 } as const;

/**
 * Draws a reaction SMILES (`reactants>agents>products`) as a standalone SVG with RDKit's reaction drawer:
 * reactants → products, without the agents (RDKit draws them above the arrow at a scale that swamps the
 * structures; the step's inputs and conditions list them).
 * @throws FormatError when RDKit cannot read the reaction.
 * @example depictReactionSvg(rdkit, "CC(=O)Cl.NCC(=O)O>>CC(=O)NCC(=O)O.Cl", "step 1")
 */
export function depictReactionSvg(
  rdkit: RDKit,
  reactionSmiles: string,
  source: string,
  options: DepictReactionOptions = {},
): string {
  const { width, height } = { ...DEPICT_REACTION_DEFAULTS, ...options };
  const sides = reactionSmiles.split(">");
  if (sides.length !== 3) {
    throw new FormatError(source, "reaction SMILES", "reactants>agents>products", reactionSmiles);
  }
  const getRxn = (rdkit as unknown as { get_rxn?: (text: string, details: string) => RDKitReaction | null })
    .get_rxn;
  // useSmiles: read the sides as SMILES, not SMARTS, so that bonds are drawn as bonds, not as queries.
  const rxn = getRxn?.call(rdkit, `${sides[0]}>>${sides[2]}`, JSON.stringify({ useSmiles: true })) ?? null;
  if (!rxn) throw new FormatError(source, "reaction SMILES", "a reaction RDKit can read", reactionSmiles);
  try {
    return rxn.get_svg_with_highlights(JSON.stringify({ width, height, bondLineWidth: 1.5 }));
  } finally {
    rxn.delete();
  }
}
