import { z } from "zod";
import { computeProperties, type MolecularProperties, withMolecule } from "../core/chem/index.js";
import type { AnalysisKind } from "./kind.js";

const chemPropsParameters = z
  .strictObject({
    smiles: z.string().min(1).optional().describe("SMILES of the structure"),
    molfile: z.string().min(1).optional().describe("MDL molfile text (V2000 or V3000)"),
  })
  .refine((p) => (p.smiles === undefined) !== (p.molfile === undefined), {
    message: "give exactly one of smiles or molfile",
  });

/** Parameters of `chem.props`: exactly one structure. */
export type ChemPropsParameters = z.infer<typeof chemPropsParameters>;

/** `chem.props`: identity and physicochemical descriptors of one structure, computed by RDKit. */
export const chemPropsKind: AnalysisKind<ChemPropsParameters, MolecularProperties> = {
  id: "chem.props",
  title: "Molecular properties",
  description:
    "Formula, average and monoisotopic mass, Crippen logP, TPSA, H-bond donors/acceptors, rotatable bonds, rings, charge, canonical SMILES, InChI and InChIKey (RDKit).",
  parameters: chemPropsParameters,
  command: ["chem", "props"],
  fileParameters: { molfile: "molfile" },
  async run(params, inputs, ctx) {
    const rdkit = await ctx.rdkit();
    const source = params.smiles !== undefined ? "SMILES" : (inputs[0]?.ref.name ?? "molfile");
    const structure =
      params.smiles !== undefined
        ? { smiles: params.smiles, source }
        : { molfile: params.molfile ?? "", source };
    const result = withMolecule(rdkit, structure, (mol) => computeProperties(rdkit, mol));
    return { result, warnings: [] };
  },
};
