#!/usr/bin/python3
"""Reference values for the mzML and ANDI-MS readers, from independent Python readers.

- mzML spectra: pymzML 2.5.2 (Debian python3-pymzml), zlib-compressed arrays.
- mzML chromatograms: xml.etree + base64 + numpy; MS-Numpress through the reference C++ library
  libmsnumpress (Debian libmsnumpress-dev, built from scripts/make-ms-numpress-reference.cpp with g++).
- ANDI-MS: scipy.io.netcdf_file (Debian python3-scipy), a netCDF 3 reader independent of netcdfjs.

Run from the repository root:

    /usr/bin/python3 scripts/make-ms-reader-fixtures.py > src/io/spectrum/fixtures/readers.json
"""
import base64
import json
import xml.etree.ElementTree as ET
import zlib

import numpy as np
import pymzml
import os
import subprocess
import tempfile
from scipy.io import netcdf_file

DATA = "../shared/testdata/ms"
REFERENCE_BINARY = os.path.join(tempfile.mkdtemp(), "numpress-ref")
subprocess.run(
    ["g++", "-O1", "-o", REFERENCE_BINARY, "scripts/make-ms-numpress-reference.cpp", "-lmsnumpress"],
    check=True,
)


def numpress_reference(method, raw):
    """Decodes with the reference C++ library (pymzML's own pic decoder drops zero values)."""
    done = subprocess.run([REFERENCE_BINARY, method], input=raw, capture_output=True, check=True)
    return [float(line) for line in done.stdout.split()]


NS = "{http://psi.hupo.org/ms/mzml}"
DECODERS = {"MS:1002312": "linear", "MS:1002313": "pic", "MS:1002314": "slof"}


def mzml_chroms(path):
    """Chromatogram arrays decoded by xml.etree + base64 + numpy/zlib, numpress by libmsnumpress.

    The numpress method is taken from the accession (MS:1002312/3/4), as the reader does: the sample
    file names its pic-compressed intensity array "linear prediction" by mistake.
    """
    out = []
    for chrom in ET.parse(path).getroot().iter(NS + "chromatogram"):
        arrays = {}
        for array in chrom.iter(NS + "binaryDataArray"):
            acc = {p.get("accession") for p in array.iter(NS + "cvParam")}
            raw = base64.b64decode(array.find(NS + "binary").text or "")
            if "MS:1000574" in acc:
                raw = zlib.decompress(raw)
            method = next((DECODERS[a] for a in acc if a in DECODERS), None)
            if method:
                values = numpress_reference(method, raw)
            else:
                values = np.frombuffer(raw, dtype="<f8" if "MS:1000523" in acc else "<f4")
            kind = "time" if "MS:1000595" in acc else "intensity" if "MS:1000515" in acc else None
            if kind:
                arrays[kind] = [float(v) for v in values]
        out.append({"id": chrom.get("id"), "timeS": arrays["time"], "intensity": arrays["intensity"]})
    return out


def mzml_spectra(path, keep):
    run = pymzml.run.Reader(path)
    out = []
    for spec in run:
        if isinstance(spec, pymzml.spec.Spectrum) and not isinstance(spec, pymzml.spec.Chromatogram):
            out.append({
                "id": spec.get("id") if hasattr(spec, "get") else spec.ID,
                "points": len(spec.mz),
                "mz": list(map(float, spec.mz[:keep])),
                "intensity": list(map(float, spec.i[:keep])),
                "sumIntensity": float(sum(spec.i)),
                "scanTimeMin": float(spec.scan_time_in_minutes()),
            })
    return out


andi = netcdf_file(f"{DATA}/andi/P071.CDF", "r", mmap=False)
index = andi.variables["scan_index"][:].tolist()
count = andi.variables["point_count"][:].tolist()
mass = andi.variables["mass_values"][:]
inten = andi.variables["intensity_values"][:]
scans = [0, 1, 3199, len(index) - 1]

print(json.dumps({
    "generator": "scripts/make-ms-reader-fixtures.py",
    "mzml": {
        "numpressChromatograms": mzml_chroms(f"{DATA}/mzml/mini_numpress.chrom.mzML"),
        "plainChromatograms": mzml_chroms(f"{DATA}/mzml/mini.chrom.mzML"),
        "exampleSpectra": mzml_spectra(f"{DATA}/mzml/example.mzML", 5),
    },
    "andi": {
        "scans": len(index),
        "points": int(mass.shape[0]),
        "checked": [{
            "scan": s + 1,
            "points": int(count[s]),
            "mz": mass[index[s]:index[s] + count[s]].astype(float).tolist(),
            "intensity": inten[index[s]:index[s] + count[s]].astype(float).tolist(),
            "timeS": float(andi.variables["scan_acquisition_time"][s]),
        } for s in scans],
    },
}, separators=(",", ":")))
