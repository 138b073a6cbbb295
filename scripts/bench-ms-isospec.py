#!/usr/bin/python3
"""Reference timing for bench/ms.bench.ts: IsoSpecPy 2.2.1 (Debian python3-isospec) fine structure of
C20H23BCl2N2O9 at the same absolute thresholds, including the Python call overhead. Median over 31
batches of 100 calls, with Ixalab's isotope table (from src/core/analytics/ms/fixtures/isospec.json,
the copy the IsoSpec agreement test checks against isotopeData.ts) and with IsoSpec's built-in table.

    /usr/bin/python3 scripts/bench-ms-isospec.py [--json]
"""
import json
import statistics
import sys
import timeit
from pathlib import Path

import IsoSpecPy

FORMULA = {"C": 20, "H": 23, "B": 1, "Cl": 2, "N": 2, "O": 9}
FIXTURE = Path(__file__).resolve().parent.parent / "src/core/analytics/ms/fixtures/isospec.json"
IXALAB = json.loads(FIXTURE.read_text())["tables"]["ixalab"]


def run(threshold, table):
    if table == "isospec":
        return IsoSpecPy.IsoThreshold(threshold, formula="C20H23BCl2N2O9", absolute=True)
    symbols = list(FORMULA)
    return IsoSpecPy.IsoThreshold(
        threshold,
        absolute=True,
        atomCounts=[FORMULA[s] for s in symbols],
        isotopeMasses=[[m for m, _ in IXALAB[s]] for s in symbols],
        isotopeProbabilities=[[p for _, p in IXALAB[s]] for s in symbols],
    )


rows = []
for table in ("ixalab", "isospec"):
    for threshold in (1e-10, 1e-8):
        n = len(run(threshold, table).np_masses())
        batches = timeit.repeat(lambda: run(threshold, table), number=100, repeat=31)
        ms = 1000 * statistics.median(batches) / 100
        rows.append({"table": table, "threshold": threshold, "configurations": n, "ms": ms})

if "--json" in sys.argv:
    print(json.dumps(rows))
else:
    for r in rows:
        print(f"IsoSpecPy fine structure C20H23BCl2N2O9, threshold {r['threshold']}, {r['table']} table "
              f"({r['configurations']} configurations): median {r['ms']:.3f} ms per run")
