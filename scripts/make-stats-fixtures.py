#!/usr/bin/python3
"""Writes src/core/stats/fixtures/quantiles.json: Student-t and F quantiles and CDFs on a grid of p and
degrees of freedom, the reference for src/core/stats/*.test.ts.

Run with the Debian interpreter: /usr/bin/python3 scripts/make-stats-fixtures.py
Needs python3-scipy and python3-mpmath (apt-get install python3-scipy python3-mpmath).

Why mpmath as well as scipy: scipy 1.10's `t.ppf` goes through cdflib's `cdft`, whose root finder stops
at a relative tolerance of about 1e-8 (measured: errors up to 5e-9), and `betaincinv` loses digits in the
far tails (3e-7 at df = 1000, p = 1e-10). Neither is good enough to test a 1e-10 claim. So scipy gives
the starting value, and Newton's method on the exact CDF (mpmath, 50 digits) polishes it; the script
prints how far scipy was from the polished value, and refuses to write if that exceeds 1e-6 relative
(i.e. if the two disagree about anything but the last digits scipy cannot deliver).
"""

import json
import math
import pathlib
import sys

import mpmath as mp
import numpy as np
import scipy
import scipy.special as sp
import scipy.stats as st

mp.mp.dps = 50

P_GRID = [1e-10, 1e-6, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.4, 0.49, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975,
          0.99, 0.999, 1 - 1e-6]
DF_GRID = list(range(1, 31)) + [50, 100, 1000, 0.5, 2.5, 7.25]
F_D1 = [1, 2, 3, 4, 5, 10, 30]
F_P = [1e-6, 0.01, 0.05, 0.5, 0.9, 0.95, 0.975, 0.99, 1 - 1e-6]
T_X = [-50.0, -5.0, -2.0, -1.0, -0.1, 0.0, 0.3, 1.0, 2.5, 10.0, 1000.0]
F_X = [1e-4, 0.1, 0.5, 1.0, 2.0, 4.0, 10.0, 100.0]


def ibeta_mp(a, b, x, y):
    """I_x(a, b) with y = 1 - x given separately; mpmath's betainc loses digits when x is within 1e-20
    of 1, so the larger argument is always handled through the symmetry I_x(a, b) = 1 - I_y(b, a)."""
    a = mp.mpf(a)
    b = mp.mpf(b)
    if x <= 0.5:
        return mp.betainc(a, b, 0, x, regularized=True)
    return 1 - mp.betainc(b, a, 0, y, regularized=True)


def t_cdf_mp(t, df):
    t = mp.mpf(t)
    df = mp.mpf(df)
    tail = ibeta_mp(df / 2, mp.mpf(1) / 2, df / (df + t * t), t * t / (df + t * t)) / 2
    return tail if t < 0 else 1 - tail


def t_pdf_mp(t, df):
    df = mp.mpf(df)
    return mp.gamma((df + 1) / 2) / (mp.sqrt(df * mp.pi) * mp.gamma(df / 2)) * (1 + t * t / df) ** (-(df + 1) / 2)


def f_cdf_mp(x, d1, d2):
    x = mp.mpf(x)
    return ibeta_mp(mp.mpf(d1) / 2, mp.mpf(d2) / 2, d1 * x / (d1 * x + d2), d2 / (d1 * x + d2))


def f_pdf_mp(x, d1, d2):
    d1 = mp.mpf(d1)
    d2 = mp.mpf(d2)
    return (mp.sqrt((d1 * x) ** d1 * d2**d2 / (d1 * x + d2) ** (d1 + d2))
            / (x * mp.beta(d1 / 2, d2 / 2)))


def newton(cdf, pdf, target, start):
    """Newton on the exact CDF in 50-digit arithmetic, from scipy's starting value, in log|x| so that the
    heavy tails (|x| up to 1e23) converge as fast as the centre."""
    sign = -1 if start < 0 else 1
    s = mp.log(abs(mp.mpf(start)))
    for _ in range(200):
        x = sign * mp.exp(s)
        step = (cdf(x) - target) / (pdf(x) * x)
        s -= step
        if abs(step) <= mp.mpf(10) ** -40:
            return sign * mp.exp(s)
    raise RuntimeError(f"Newton did not converge from {start} for target {target}")


def t_quantile_scipy(p, df):
    """scipy's most accurate route: the inverse regularised incomplete beta (see the module docstring)."""
    if p == 0.5:
        return 0.0
    q = 2 * p if p < 0.5 else 2 * (1 - p)
    if q < 0.5:
        z = sp.betaincinv(df / 2.0, 0.5, q)
        t = math.sqrt(df * (1 - z) / z)
    else:
        w = sp.betaincinv(0.5, df / 2.0, 1 - q)
        t = math.sqrt(df * w / (1 - w))
    return -t if p < 0.5 else t


worst = {"t.ppf": 0.0, "t-betaincinv": 0.0, "f.ppf": 0.0, "t.cdf": 0.0, "f.cdf": 0.0}


def note(kind, scipy_value, reference):
    if reference != 0:
        worst[kind] = max(worst[kind], abs(scipy_value - reference) / abs(reference))


t_quantiles = []
for df in DF_GRID:
    for p in P_GRID:
        if p == 0.5:
            t_quantiles.append({"p": p, "df": df, "value": 0.0})
            continue
        start = t_quantile_scipy(p, df)
        ref = float(newton(lambda t: t_cdf_mp(t, df), lambda t: t_pdf_mp(t, df), mp.mpf(p), start))
        note("t-betaincinv", start, ref)
        note("t.ppf", float(st.t.ppf(p, df)), ref)
        t_quantiles.append({"p": p, "df": df, "value": ref})

t_cdfs = []
for df in DF_GRID:
    for x in T_X:
        ref = float(t_cdf_mp(x, df))
        note("t.cdf", float(st.t.cdf(x, df)), ref)
        t_cdfs.append({"t": x, "df": df, "value": ref})

f_quantiles = []
for d1 in F_D1:
    for d2 in DF_GRID:
        for p in F_P:
            start = float(st.f.ppf(p, d1, d2))
            ref = float(newton(lambda x: f_cdf_mp(x, d1, d2), lambda x: f_pdf_mp(x, d1, d2), mp.mpf(p), start))
            note("f.ppf", start, ref)
            f_quantiles.append({"p": p, "d1": d1, "d2": d2, "value": ref})

f_cdfs = []
for d1 in F_D1:
    for d2 in DF_GRID:
        for x in F_X:
            ref = float(f_cdf_mp(x, d1, d2))
            note("f.cdf", float(st.f.cdf(x, d1, d2)), ref)
            f_cdfs.append({"x": x, "d1": d1, "d2": d2, "value": ref})

print("largest relative difference scipy vs 50-digit reference:", json.dumps(worst))
if max(worst.values()) > 1e-6:
    sys.exit("scipy and the mpmath reference disagree by more than 1e-6: refusing to write fixtures")

out = {
    "generator": "scripts/make-stats-fixtures.py",
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "mpmath": mp.__version__,
    "method": "scipy starting value, polished by Newton on the exact CDF in 50-digit mpmath",
    "scipyMaxRelativeError": worst,
    "tQuantile": t_quantiles,
    "tCdf": t_cdfs,
    "fQuantile": f_quantiles,
    "fCdf": f_cdfs,
}
path = pathlib.Path(__file__).resolve().parent.parent / "src/core/stats/fixtures/quantiles.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}: {len(t_quantiles)} t quantiles, {len(t_cdfs)} t CDFs, "
      f"{len(f_quantiles)} F quantiles, {len(f_cdfs)} F CDFs")
