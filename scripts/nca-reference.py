#!/usr/bin/env python3
"""Reference values for src/core/pk/nca/nca.test.ts, computed independently of the TypeScript code.

PKNCA rules restated here: AUC linear-up/log-down (log trapezoid only when falling between two positive
concentrations) or linear; lambda_z by least squares of ln C on t over the last n positive points after
Tmax for n = 3..all, adjusted R^2 = 1 - (1 - R^2)(n - 1)/(n - 2), keep fits with adj R^2 greater than
(best - 1e-4) and take the one with most points; AUCinf = AUClast + Clast/lambda_z; CL/F = 1000 dose/AUCinf.
Run: /usr/bin/python3 scripts/nca-reference.py
"""
import math

import numpy as np
from scipy import stats


def auc(t, c, log_down):
    s = 0.0
    for i in range(len(t) - 1):
        dt = t[i + 1] - t[i]
        if log_down and 0 < c[i + 1] < c[i]:
            s += (c[i] - c[i + 1]) * dt / math.log(c[i] / c[i + 1])
        else:
            s += (c[i] + c[i + 1]) * dt / 2
    return s


def fits(t, c, exclude_cmax=True, min_points=3):
    imax = int(np.argmax(c))
    idx = [i for i in range(imax + 1 if exclude_cmax else imax, len(c)) if c[i] > 0]
    out = []
    for n in range(min_points, len(idx) + 1):
        ii = idx[-n:]
        r = stats.linregress(t[ii], np.log(c[ii]))
        r2 = r.rvalue**2
        out.append(dict(n=n, lambda_z=-r.slope, r2=r2, adj=1 - (1 - r2) * (n - 1) / (n - 2)))
    return out


def report(name, t, c, dose, exclude_cmax=True):
    t = np.array(t, float)
    c = np.array(c, float)
    f = fits(t, c, exclude_cmax)
    best = max(x["adj"] for x in f)
    chosen = max((x for x in f if x["adj"] > best - 1e-4), key=lambda x: x["n"])
    print(f"== {name}")
    for x in f:
        print(f"  n={x['n']} lambda_z={x['lambda_z']!r} r2={x['r2']!r} adj={x['adj']!r} best-adj={best - x['adj']:.3g}")
    last = max(i for i in range(len(c)) if c[i] > 0)
    for log_down in (True, False):
        auclast = auc(t[: last + 1], c[: last + 1], log_down)
        aucinf = auclast + c[last] / chosen["lambda_z"]
        clf = 1000 * dose / aucinf
        print(f"  {'lin-up/log-down' if log_down else 'linear'}: auclast={auclast!r} aucinf={aucinf!r}"
              f" pctExtrap={100 * (aucinf - auclast) / aucinf!r} clF={clf!r} vzF={clf / chosen['lambda_z']!r}")
    print(f"  chosen n={chosen['n']} halfLife={math.log(2) / chosen['lambda_z']!r}")


report("profile A", [0, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 24],
       [0, 31.8, 50.0, 75.0, 74.9, 67.4, 59.8, 45.0, 31.6, 18.3, 2.84], dose=10)
report("profile A, Cmax allowed", [0, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 24],
       [0, 31.8, 50.0, 75.0, 74.9, 67.4, 59.8, 45.0, 31.6, 18.3, 2.84], dose=10, exclude_cmax=False)
