#!/usr/bin/python3
"""What MINPACK (scipy.optimize.leastsq, lmder with the analytic Jacobian, default tolerances) does on the
NIST StRD sets from both starting points: the comparison behind the comments in
src/core/fit/nistStrd.test.ts. Run: /usr/bin/python3 scripts/nist-strd-minpack.py"""

import math
import pathlib

import numpy as np
import scipy
from scipy.optimize import leastsq

DIR = pathlib.Path(__file__).resolve().parent.parent.parent / "shared/testdata/dose-response/nist-strd"


def misra(b, x):
    e = np.exp(-b[1] * x)
    return b[0] * (1 - e), np.stack([1 - e, b[0] * x * e], 1)


def thurber(b, x):
    num = b[0] + b[1] * x + b[2] * x**2 + b[3] * x**3
    den = 1 + b[4] * x + b[5] * x**2 + b[6] * x**3
    f = num / den
    return f, np.stack([1 / den, x / den, x**2 / den, x**3 / den, -f * x / den, -f * x**2 / den,
                        -f * x**3 / den], 1)


def rat42(b, x):
    e = np.exp(b[1] - b[2] * x)
    d = 1 + e
    return b[0] / d, np.stack([1 / d, -b[0] * e / d**2, b[0] * x * e / d**2], 1)


def rat43(b, x):
    e = np.exp(b[1] - b[2] * x)
    d = 1 + e
    w = d ** (-1 / b[3])
    return b[0] * w, np.stack([w, -b[0] / b[3] * w / d * e, b[0] / b[3] * w / d * e * x,
                               b[0] * w * np.log(d) / b[3] ** 2], 1)


def mgh09(b, x):
    num = x**2 + x * b[1]
    den = x**2 + x * b[2] + b[3]
    return b[0] * num / den, np.stack([num / den, b[0] * x / den, -b[0] * num * x / den**2,
                                       -b[0] * num / den**2], 1)


def mgh10(b, x):
    e = np.exp(b[1] / (x + b[2]))
    return b[0] * e, np.stack([e, b[0] * e / (x + b[2]), -b[0] * e * b[1] / (x + b[2]) ** 2], 1)


def eckerle4(b, x):
    z = (x - b[2]) / b[1]
    e = np.exp(-0.5 * z * z)
    return b[0] / b[1] * e, np.stack([e / b[1], b[0] * e / b[1] ** 2 * (z * z - 1),
                                      b[0] * e / b[1] ** 2 * z], 1)


MODELS = {"Misra1a": misra, "Thurber": thurber, "Rat42": rat42, "Rat43": rat43, "MGH09": mgh09,
          "MGH10": mgh10, "Eckerle4": eckerle4, "BoxBOD": misra}


def parse(path):
    lines = path.read_text().splitlines()
    params = [[float(v) for v in l.split("=")[1].split()] for l in lines if l.strip().startswith("b")
              and "=" in l and l.split("=")[0].strip()[1:].isdigit()]
    start = max(i for i, l in enumerate(lines) if l.startswith("Data:"))
    data = np.array([[float(v) for v in l.split()] for l in lines[start + 1:] if len(l.split()) == 2])
    return np.array(params), data[:, 1], data[:, 0]


print(f"scipy {scipy.__version__} leastsq (MINPACK lmder), default ftol = xtol = 1.49e-8")
for name, model in MODELS.items():
    params, x, y = parse(DIR / f"{name}.dat")
    for s in (0, 1):
        b, _cov, info, msg, ier = leastsq(lambda b: model(b, x)[0] - y, params[:, s],
                                          Dfun=lambda b: model(b, x)[1], full_output=True)
        lre = min(-math.log10(abs(v - c) / abs(c)) if v != c else 15 for v, c in zip(b, params[:, 2]))
        rss = float(np.sum((model(b, x)[0] - y) ** 2))
        print(f"{name:9s} start {s + 1}: ier={ier} nfev={info['nfev']:4d} rss={rss:.10g} min LRE={lre:5.2f}  "
              f"b={np.array2string(b, precision=6)}  ({msg.splitlines()[0][:60]})")
