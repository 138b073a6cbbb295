#!/usr/bin/python3
"""Reference molecular properties from RDKit's Python build (Debian python3-rdkit) and the IUPAC InChI
program (Debian libinchi-bin, `inchi_main`), used to check Ixalab's RDKit.js-based `chem props`.

Run: /usr/bin/python3 scripts/make-rdkit-fixtures.py   (npm run fixtures:rdkit)
Writes src/core/chem/fixtures/rdkit-python-props.json. Deterministic: no randomness.
Debian's RDKit is built without InChI, so InChI/InChIKey come from inchi_main on RDKit's molfile.
"""
import csv
import json
import os
import subprocess
import tempfile

import rdkit
from rdkit import Chem
from rdkit.Chem import Crippen, Descriptors, rdMolDescriptors

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "core", "chem", "fixtures", "rdkit-python-props.json")
REFERENCE_CSV = os.path.join(HERE, "..", "..", "shared", "reference", "compounds.csv")

# Drug-like molecules beyond the reference compounds: myeloma drugs, common small drugs, charged species.
EXTRA = [
    ("aspirin", "CC(=O)Oc1ccccc1C(=O)O"),
    ("caffeine", "Cn1cnc2c1c(=O)n(C)c(=O)n2C"),
    ("ibuprofen", "CC(C)Cc1ccc(cc1)[C@H](C)C(=O)O"),
    ("paracetamol", "CC(=O)Nc1ccc(O)cc1"),
    ("lenalidomide", "Nc1cccc2C(=O)N(Cc12)C1CCC(=O)NC1=O"),
    ("pomalidomide", "Nc1cccc2C(=O)N(C3CCC(=O)NC3=O)C(=O)c12"),
    ("thalidomide", "O=C1CCC(N2C(=O)c3ccccc3C2=O)C(=O)N1"),
    ("dexamethasone", "C[C@@H]1C[C@H]2[C@@H]3CCC4=CC(=O)C=C[C@]4(C)[C@@]3(F)[C@@H](O)C[C@]2(C)[C@@]1(O)C(=O)CO"),
    ("melphalan", "N[C@@H](Cc1ccc(cc1)N(CCCl)CCCl)C(=O)O"),
    ("cyclophosphamide", "ClCCN(CCCl)P1(=O)NCCCO1"),
    ("imatinib", "Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(n1)-c1cccnc1"),
    ("atorvastatin", "CC(C)c1c(C(=O)Nc2ccccc2)c(-c2ccccc2)c(-c2ccc(F)cc2)n1CC[C@@H](O)C[C@@H](O)CC(=O)O"),
    ("metformin", "CN(C)C(=N)NC(=N)N"),
    ("diazepam", "CN1C(=O)CN=C(c2ccccc2)c2cc(Cl)ccc21"),
    ("warfarin", "CC(=O)CC(c1ccccc1)c1c(O)c2ccccc2oc1=O"),
    ("omeprazole", "COc1ccc2[nH]c(nc2c1)S(=O)Cc1ncc(C)c(OC)c1C"),
    ("sildenafil", "CCCc1nn(C)c2c1nc([nH]c2=O)-c1cc(ccc1OCC)S(=O)(=O)N1CCN(C)CC1"),
    ("benzylpenicillin", "CC1(C)S[C@@H]2[C@H](NC(=O)Cc3ccccc3)C(=O)N2[C@H]1C(=O)O"),
    ("morphine", "CN1CC[C@]23c4c5ccc(O)c4O[C@H]2[C@@H](O)C=C[C@H]3[C@H]1C5"),
    ("nicotine", "CN1CCC[C@H]1c1cccnc1"),
    ("phenylboronic acid", "OB(O)c1ccccc1"),
    ("water", "O"),
    ("tetramethylammonium", "C[N+](C)(C)C"),
    ("acetate", "CC(=O)[O-]"),
    ("sodium chloride", "[Na+].[Cl-]"),
]


def inchi_of(mol):
    """InChI and InChIKey from the IUPAC reference program."""
    with tempfile.TemporaryDirectory() as tmp:
        molfile = os.path.join(tmp, "in.mol")
        out = os.path.join(tmp, "out.txt")
        with open(molfile, "w") as f:
            f.write(Chem.MolToMolBlock(mol))
        subprocess.run(
            ["inchi_main", molfile, out, os.path.join(tmp, "log"), os.path.join(tmp, "prb"),
             "-Key", "-NoLabels", "-AuxNone"],
            check=True, capture_output=True)
        lines = [l.strip() for l in open(out) if l.strip()]
    inchi = next(l for l in lines if l.startswith("InChI="))
    key = next(l for l in lines if l.startswith("InChIKey=")).split("=", 1)[1]
    return inchi, key


def props(name, smiles):
    mol = Chem.MolFromSmiles(smiles)
    assert mol is not None, smiles
    inchi, key = inchi_of(mol)
    return {
        "name": name,
        "smiles": smiles,
        "formula": rdMolDescriptors.CalcMolFormula(mol),
        "averageMass": Descriptors.MolWt(mol),
        "monoisotopicMass": Descriptors.ExactMolWt(mol),
        "clogp": Crippen.MolLogP(mol),
        "tpsa": rdMolDescriptors.CalcTPSA(mol),
        "hbd": rdMolDescriptors.CalcNumHBD(mol),
        "hba": rdMolDescriptors.CalcNumHBA(mol),
        "lipinskiHbd": rdMolDescriptors.CalcNumLipinskiHBD(mol),
        "lipinskiHba": rdMolDescriptors.CalcNumLipinskiHBA(mol),
        "rotatableBonds": rdMolDescriptors.CalcNumRotatableBonds(mol),
        "rings": rdMolDescriptors.CalcNumRings(mol),
        "formalCharge": Chem.GetFormalCharge(mol),
        "inchi": inchi,
        "inchiKey": key,
    }


def main():
    molecules = [(r["key"], r["smiles"]) for r in csv.DictReader(open(REFERENCE_CSV))] + EXTRA
    data = {
        "generator": "scripts/make-rdkit-fixtures.py",
        "rdkitVersion": rdkit.__version__,
        "inchi": subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libinchi-bin"],
                                capture_output=True, text=True).stdout,
        "molecules": [props(n, s) for n, s in molecules],
    }
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print(f"wrote {len(data['molecules'])} molecules to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
