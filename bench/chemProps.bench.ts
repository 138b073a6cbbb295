// Throughput of `chem props` (RDKit.js parse + descriptors + InChI + InChIKey) on the 34 fixture
// molecules, repeated. Reference: RDKit's Python build on the same molecules (scripts/bench-rdkit-python.py).
import reference from "../src/core/chem/fixtures/rdkit-python-props.json" with { type: "json" };
import { computeProperties, withMolecule } from "../src/core/chem/index.js";
import { loadRdkit } from "../src/io/rdkit/loadRdkit.js";

const ROUNDS = 150;
const rdkit = await loadRdkit();
const smiles = reference.molecules.map((m) => m.smiles);
for (const s of smiles) withMolecule(rdkit, { smiles: s }, (mol) => computeProperties(rdkit, mol)); // warm-up
const start = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const s of smiles) withMolecule(rdkit, { smiles: s }, (mol) => computeProperties(rdkit, mol));
}
const seconds = (performance.now() - start) / 1000;
const n = ROUNDS * smiles.length;
console.log(
  `chem props (RDKit.js ${rdkit.version()}): ${n} structures in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)} structures/s`,
);
