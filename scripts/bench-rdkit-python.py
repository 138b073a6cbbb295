#!/usr/bin/python3
"""Reference throughput for bench/chemProps.bench.ts: the same descriptors with RDKit's Python build
(Debian python3-rdkit; its InChI is not built in, so InChI is left out here, which favours Python)."""
import json, os, time
from rdkit import Chem
from rdkit.Chem import Crippen, Descriptors, rdMolDescriptors

here = os.path.dirname(os.path.abspath(__file__))
mols = json.load(open(os.path.join(here, "..", "src", "core", "chem", "fixtures", "rdkit-python-props.json")))["molecules"]
smiles = [m["smiles"] for m in mols]
rounds = 150
start = time.perf_counter()
for _ in range(rounds):
    for s in smiles:
        m = Chem.MolFromSmiles(s)
        (rdMolDescriptors.CalcMolFormula(m), Descriptors.MolWt(m), Descriptors.ExactMolWt(m), Crippen.MolLogP(m),
         rdMolDescriptors.CalcTPSA(m), rdMolDescriptors.CalcNumHBD(m), rdMolDescriptors.CalcNumHBA(m),
         rdMolDescriptors.CalcNumLipinskiHBD(m), rdMolDescriptors.CalcNumLipinskiHBA(m),
         rdMolDescriptors.CalcNumRotatableBonds(m), rdMolDescriptors.CalcNumRings(m), Chem.MolToSmiles(m))
seconds = time.perf_counter() - start
n = rounds * len(smiles)
print(f"RDKit Python {__import__('rdkit').__version__} (no InChI): {n} structures in {seconds:.2f} s = {n/seconds:.0f} structures/s")
