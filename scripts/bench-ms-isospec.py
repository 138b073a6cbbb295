#!/usr/bin/python3
"""Reference timing for bench/ms.bench.ts: IsoSpecPy 2.2.1 (Debian python3-isospec) fine structure of
C20H23BCl2N2O9 at the same absolute thresholds, including the Python call overhead.

    /usr/bin/python3 scripts/bench-ms-isospec.py
"""
import timeit

import IsoSpecPy

for threshold in (1e-10, 1e-8):
    n = len(IsoSpecPy.IsoThreshold(threshold, formula="C20H23BCl2N2O9", absolute=True).np_masses())
    rounds = 2000
    seconds = timeit.timeit(
        lambda: IsoSpecPy.IsoThreshold(threshold, formula="C20H23BCl2N2O9", absolute=True), number=rounds
    )
    print(f"IsoSpecPy fine structure C20H23BCl2N2O9, threshold {threshold} ({n} configurations): "
          f"{1000 * seconds / rounds:.3f} ms per run")
