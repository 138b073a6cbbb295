#!/usr/bin/python3
"""Isotope fine structure and merged centroids of ixazomib, ixazomib citrate and their ions from IsoSpec.

Reference for src/core/analytics/ms/isotopePattern.isospec.test.ts. Requires Debian python3-isospec
(IsoSpecPy 2.2.1) and python3-cffi. Run from the repository root:

    /usr/bin/python3 scripts/make-ms-isospec-fixtures.py > src/core/analytics/ms/fixtures/isospec.json

Two isotope tables are used:
- "ixalab": Ixalab's own table (AME2020 masses, CIAAW representative abundances), passed to IsoSpec as
  custom isotopes, so the comparison tests the algorithm on identical inputs; the test also checks this
  copy against src/core/analytics/ms/isotopeData.ts.
- "isospec": IsoSpec's built-in table, for the cases marked so; the test passes the same table to Ixalab.

IsoSpec returns neutral configuration masses; the ion m/z is (mass - z * electron mass) / |z| with the
CODATA 2018 electron mass, the convention Ixalab documents. Merged centroids use Ixalab's documented rule
(single linkage at a gap <= 0.01 Th, probability-weighted m/z, summed probability) applied to IsoSpec's
configurations at threshold 1e-12.
"""
import json
import IsoSpecPy

ELECTRON = 5.48579909065e-4

IXALAB = {
    "H": [(1.00782503223, 0.999885), (2.01410177812, 0.000115)],
    "B": [(10.01293695, 0.199), (11.00930536, 0.801)],
    "C": [(12.0, 0.9893), (13.00335483507, 0.0107)],
    "N": [(14.00307400443, 0.99636), (15.00010889888, 0.00364)],
    "O": [(15.99491461957, 0.99757), (16.9991317565, 0.00038), (17.99915961286, 0.00205)],
    "Na": [(22.989769282, 1.0)],
    "Cl": [(34.968852682, 0.7576), (36.965902602, 0.2424)],
    "K": [(38.9637064864, 0.932581), (39.963998166, 0.000117), (40.9618252579, 0.067302)],
}
ISOSPEC = {
    s: list(zip(IsoSpecPy.PeriodicTbl.symbol_to_masses[s], IsoSpecPy.PeriodicTbl.symbol_to_probs[s]))
    for s in IXALAB
}

MOLECULES = {
    "ixazomib": {"C": 14, "H": 19, "B": 1, "Cl": 2, "N": 2, "O": 4},
    "ixazomib citrate": {"C": 20, "H": 23, "B": 1, "Cl": 2, "N": 2, "O": 9},
}
# name: (multimer, atoms added/removed, charge)
IONS = {
    "[M]": (1, {}, 0),
    "[M+H]+": (1, {"H": 1}, 1),
    "[M+Na]+": (1, {"Na": 1}, 1),
    "[M+NH4]+": (1, {"N": 1, "H": 4}, 1),
    "[M+K]+": (1, {"K": 1}, 1),
    "[M-H]-": (1, {"H": -1}, -1),
    "[M+H-H2O]+": (1, {"H": -1, "O": -1}, 1),
    "[2M+H]+": (2, {"H": 1}, 1),
    "[M+2H]2+": (1, {"H": 2}, 2),
}
FINE_THRESHOLD = 1e-6
MERGE_THRESHOLD = 1e-12
MERGE_DA = 0.01


def configurations(counts, table, threshold):
    symbols = [s for s in counts if counts[s] > 0]
    iso = IsoSpecPy.IsoThreshold(
        threshold,
        absolute=True,
        atomCounts=[counts[s] for s in symbols],
        isotopeMasses=[[m for m, _ in table[s]] for s in symbols],
        isotopeProbabilities=[[p for _, p in table[s]] for s in symbols],
    )
    return sorted(zip(iso.np_masses().tolist(), iso.np_probs().tolist()))


def to_mz(mass, z):
    return mass if z == 0 else (mass - z * ELECTRON) / abs(z)


def merge(sticks):
    out, group = [], []
    for mz, p in sticks:
        if group and mz - group[-1][0] > MERGE_DA:
            out.append(flush(group))
            group = []
        group.append((mz, p))
    if group:
        out.append(flush(group))
    return out


def flush(group):
    total = sum(p for _, p in group)
    return [sum(m * p for m, p in group) / total, total]


cases = []
for molecule, counts in MOLECULES.items():
    for ion, (k, delta, z) in IONS.items():
        atoms = {s: counts.get(s, 0) * k + delta.get(s, 0) for s in set(counts) | set(delta)}
        for table_name, table in (("ixalab", IXALAB), ("isospec", ISOSPEC)):
            if table_name == "isospec" and ion not in ("[M]", "[M+H]+", "[M-H]-"):
                continue
            fine = [[to_mz(m, z), p] for m, p in configurations(atoms, table, FINE_THRESHOLD)]
            merged = merge([(to_mz(m, z), p) for m, p in configurations(atoms, table, MERGE_THRESHOLD)])
            cases.append({
                "molecule": molecule,
                "formula": "".join(f"{s}{counts[s]}" for s in counts),
                "ion": ion,
                "charge": z,
                "atoms": {s: n for s, n in sorted(atoms.items()) if n > 0},
                "table": table_name,
                "fineThreshold": FINE_THRESHOLD,
                "fine": fine,
                "mergeThreshold": MERGE_THRESHOLD,
                "mergeDa": MERGE_DA,
                "merged": merged,
            })

print(json.dumps({
    "generator": "scripts/make-ms-isospec-fixtures.py",
    "isospecVersion": "IsoSpecPy 2.2.1 (Debian python3-isospec 2.2.1-1)",
    "electronMass": ELECTRON,
    "tables": {"ixalab": IXALAB, "isospec": ISOSPEC},
    "cases": cases,
}, separators=(",", ":")))
