#!/usr/bin/python3
"""Reference throughput for bench/ic50Fit.bench.ts: scipy.optimize.curve_fit (MINPACK lmdif/lmder via
method="lm") on seeded synthetic ten-point 4PL curves like the bench's, ONE start per curve (bottom = min,
top = max, lx = middle of the log-concentration range, hill = 1), with and without the analytic Jacobian.
The issue quotes ~3,000 curves/s for this. Run: /usr/bin/python3 scripts/bench-scipy-curve-fit.py"""

import time
import warnings

import numpy as np
import scipy
from scipy.optimize import OptimizeWarning, curve_fit

N_CURVES = 3000
LN10 = np.log(10.0)
rng = np.random.default_rng(20240611)
conc = 10_000 / 3.0 ** np.arange(10)
logx = np.log10(conc)


def four_pl(logx, bottom, top, lx, hill):
    return bottom + (top - bottom) / (1 + 10 ** (hill * (logx - lx)))


def jacobian(logx, bottom, top, lx, hill):
    e = 10 ** (hill * (logx - lx))
    f = 1 / (1 + e)
    g = f * (1 - f) * (top - bottom) * LN10
    return np.stack([1 - f, f, g * hill, -g * (logx - lx)], axis=1)


curves = []
for _ in range(N_CURVES):
    lx, hill = rng.uniform(0, 3), rng.uniform(0.6, 2.5)
    top, bottom, sd = 100 + rng.normal(0, 3), rng.normal(0, 3), rng.uniform(2, 5)
    curves.append(four_pl(logx, bottom, top, lx, hill) + rng.normal(0, sd, logx.size))

print(f"scipy {scipy.__version__}, numpy {np.__version__}: curve_fit, one start, {N_CURVES} ten-point curves")
for label, jac in (("numerical Jacobian", None), ("analytic Jacobian", jacobian)):
    failures = 0
    start = time.perf_counter()
    for y in curves:
        p0 = (y.min(), y.max(), logx.mean(), 1.0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", OptimizeWarning)
                curve_fit(four_pl, logx, y, p0=p0, jac=jac, method="lm", maxfev=2000)
        except RuntimeError:
            failures += 1
    seconds = time.perf_counter() - start
    print(f"  {label}: {N_CURVES / seconds:,.0f} curves/s ({failures} failed to converge)")
