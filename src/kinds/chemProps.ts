import { z } from "zod";
import { computeProperties, type MolecularProperties, withMolecule } from "../core/chem/index.js";
import { ValidationError } from "../core/errors.js";
import { parseMolfile } from "../io/molfile/index.js";
import type { AnalysisKind } from "./kind.js";

const chemPropsParameters = z.strictObject({
  smiles: z.string().min(1).optional().describe("SMILES of the structure"),
});

/** Parameters of `chem.props`: a SMILES, unless a molfile is supplied as the input. */
export type ChemPropsParameters = z.infer<typeof chemPropsParameters>;

/** `chem.props`: identity and physicochemical descriptors of one structure, computed by RDKit. */
export const chemPropsKind: AnalysisKind<ChemPropsParameters, MolecularProperties> = {
  id: "chem.props",
  title: "Molecular properties",
  description:
    "Formula, average and monoisotopic mass, Crippen logP, TPSA, H-bond donors/acceptors, rotatable bonds, rings, charge, canonical SMILES, InChI and InChIKey (RDKit).",
  parameters: chemPropsParameters,
  inputs: [
    {
      name: "molfile",
      format: "molfile",
      description: "MDL molfile (V2000 or V3000), instead of a SMILES",
      required: false,
      accept: ".mol,.sdf,.mdl",
    },
  ],
  command: ["chem", "props"],
  async run(params, inputs, ctx) {
    const molfile = inputs.molfile;
    if ((params.smiles === undefined) === (molfile === undefined)) {
      throw new ValidationError(
        [{ path: "parameters.smiles", message: "give exactly one of smiles or molfile" }],
        "chem.props",
      );
    }
    const rdkit = await ctx.rdkit();
    const structure = molfile
      ? { molfile: parseMolfile(molfile.bytes, molfile.ref.name).text, source: molfile.ref.name }
      : { smiles: params.smiles ?? "", source: "SMILES" };
    const result = withMolecule(rdkit, structure, (mol) => computeProperties(rdkit, mol));
    return { result, warnings: [] };
  },
};
