import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FormatError, InputError } from "../../core/errors.js";
import { parseAndiMs } from "../andi-ms/index.js";
import { parseMsCsv } from "../ms-csv/index.js";
import { decodeNumpressLinear, parseMzml } from "../mzml/index.js";
import { parseMassSpectra, parseMassSpectrum, sniffMassSpectrumFormat } from "./index.js";

const DATA = "../shared/testdata/ms";
const bytes = (path: string) => new Uint8Array(readFileSync(`${DATA}/${path}`));
// Made by scripts/make-ms-reader-fixtures.py: pymzML 2.5.2, libmsnumpress (C++ reference), scipy netCDF.
const fixture = JSON.parse(readFileSync(new URL("./fixtures/readers.json", import.meta.url), "utf8"));

describe("mzML", () => {
  it("MS-Numpress linear (time) and pic (intensity) equal the reference C++ decoder", () => {
    const doc = parseMzml(bytes("mzml/mini_numpress.chrom.mzML"), "np");
    const ref = fixture.mzml.numpressChromatograms[0];
    const c = doc.chromatograms[0]!;
    expect(c.id).toBe(ref.id);
    expect(c.timeMin.length).toBe(176);
    // Same algorithm, same doubles: agreement to 1e-9 s (the format's own precision is 0.5/fixed point ≈ 5e-7 s).
    ref.timeS.forEach((t: number, i: number) => {
      expect(Math.abs(c.timeMin[i]! * 60 - t)).toBeLessThan(1e-9);
    });
    expect(Array.from(c.intensity)).toEqual(ref.intensity);
  });

  it("numpress times are within the format's precision (0.5/fixed point) of the 10 ms grid they were written on", () => {
    const c = parseMzml(bytes("mzml/mini_numpress.chrom.mzML"), "np").chromatograms[0]!;
    for (const t of c.timeMin) expect(Math.abs(t * 6000 - Math.round(t * 6000))).toBeLessThan(1e-4);
  });

  it("uncompressed 64/32-bit chromatograms equal numpy's decoding exactly", () => {
    const doc = parseMzml(bytes("mzml/mini.chrom.mzML"), "mini");
    expect(doc.chromatograms.map((c) => c.id)).toEqual(
      fixture.mzml.plainChromatograms.map((c: { id: string }) => c.id),
    );
    doc.chromatograms.forEach((c, k) => {
      const ref = fixture.mzml.plainChromatograms[k];
      expect(Array.from(c.timeMin, (t) => t * 60)).toEqual(ref.timeS.map((t: number) => (t / 60) * 60));
      expect(Array.from(c.intensity)).toEqual(ref.intensity);
    });
  });

  it("zlib 32/64-bit spectra of example.mzML equal pymzML's (exact)", () => {
    const doc = parseMzml(bytes("mzml/example.mzML"), "example");
    expect(doc.spectra.length).toBe(fixture.mzml.exampleSpectra.length);
    doc.spectra.forEach((s, k) => {
      const ref = fixture.mzml.exampleSpectra[k];
      expect(s.mz.length).toBe(ref.points);
      expect(Array.from(s.mz.slice(0, 5))).toEqual(ref.mz);
      expect(Array.from(s.intensity.slice(0, 5))).toEqual(ref.intensity);
      expect(s.intensity.reduce((a, b) => a + b, 0)).toBeCloseTo(ref.sumIntensity, 3);
      expect(s.retentionTimeMin).toBeCloseTo(ref.scanTimeMin, 9);
      expect(s.centroided).toBe(true);
    });
  });

  it("decodes the reference tests' linear example [100, 200, 300.00005, 400.0001] (MSNumpressTest.java)", () => {
    // Bytes built from the format description: fixed point 1e5 (big-endian double), 1e7 and 2e7 as
    // uint32 LE, then residuals 5 (head 7 + one nibble) and 0 (head 8) from the linear extrapolation.
    const data = new Uint8Array(18);
    new DataView(data.buffer).setFloat64(0, 1e5, false);
    new DataView(data.buffer).setUint32(8, 10_000_000, true);
    new DataView(data.buffer).setUint32(12, 20_000_000, true);
    data[16] = 0x75; // head 7 (one nibble follows) + 5
    data[17] = 0x88; // head 8 = 0, then the padding-free end
    const v = decodeNumpressLinear(data);
    expect(
      Array.from(v)
        .slice(0, 4)
        .map((x) => Number(x.toFixed(5))),
    ).toEqual([100, 200, 300.00005, 400.0001]);
  });

  it("refuses truncated or inconsistent binaries with the spectrum id", () => {
    const text = new TextDecoder()
      .decode(bytes("mzml/mini.chrom.mzML"))
      .replace('defaultArrayLength="176"', 'defaultArrayLength="177"');
    expect(() => parseMzml(new TextEncoder().encode(text), "bad.mzML")).toThrow(FormatError);
    expect(() => parseMzml(new TextEncoder().encode("<html></html>"), "x.mzML")).toThrow(
      /x.mzML: root: expected an <mzML> document/,
    );
  });
});

describe("ANDI-MS", () => {
  const doc = parseAndiMs(bytes("andi/P071.CDF"), "P071.CDF");
  it("has the scans and points scipy's netCDF reader finds, scan by scan exactly", () => {
    expect(doc.spectra.length).toBe(fixture.andi.scans);
    expect(doc.spectra.reduce((n, s) => n + s.mz.length, 0)).toBe(fixture.andi.points);
    for (const ref of fixture.andi.checked) {
      const s = doc.spectra[ref.scan - 1]!;
      expect(Array.from(s.mz)).toEqual(ref.mz);
      expect(Array.from(s.intensity)).toEqual(ref.intensity);
      expect(s.retentionTimeMin! * 60).toBeCloseTo(ref.timeS, 9);
    }
  });
  it("sums each scan to the file's own total_intensity (exact, integer counts)", () => {
    doc.spectra.slice(0, 200).forEach((s, i) => {
      expect(s.intensity.reduce((a, b) => a + b, 0)).toBe(doc.tic.intensity[i]);
    });
  });
});

describe("JCAMP-DX MS", () => {
  it("reads ISAS peak tables, raw data and NTUPLES pages (values from the files)", () => {
    const ms1 = parseMassSpectra(bytes("jcamp/isas/ISAS_MS1.DX"), "ms1").spectra;
    expect(ms1.length).toBe(1);
    expect(ms1[0]!.mz.length).toBe(26);
    const ms3 = parseMassSpectra(bytes("jcamp/isas/ISAS_MS3.DX"), "ms3").spectra;
    expect(ms3.length).toBe(3);
    expect([ms3[0]!.mz[16], ms3[0]!.intensity[16]]).toEqual([94, 100]);
    expect(ms3[0]!.retentionTimeMin).toBeCloseTo(272 / 60, 12);
  });
  it("treats a dense 'peak table' (esiCalmodulin.jdx, 25991 points) as the profile it is", () => {
    const s = parseMassSpectra(bytes("jcamp/esiCalmodulin.jdx"), "cam").spectra[0]!;
    expect(s.mz.length).toBe(25991);
    expect(s.centroided).toBe(false);
  });
  it("reads every scan of gcms.jdx and the ACD peak table", () => {
    expect(parseMassSpectra(bytes("jcamp/gcms.jdx"), "gcms").spectra.length).toBeGreaterThan(100);
    expect(parseMassSpectra(bytes("jcamp/mass_ACD.jdx"), "acd").spectra[0]!.mz.length).toBe(180);
  });
});

describe("centroid CSV and the dispatcher", () => {
  it("reads mz,intensity with or without a header", () => {
    expect(Array.from(parseMsCsv("mz,intensity\n361.0888,100\n362.09,31\n").mz)).toEqual([361.0888, 362.09]);
    expect(Array.from(parseMsCsv("361.0888;100\n").intensity)).toEqual([100]);
  });
  it("names line and column of a bad value", () => {
    expect(() => parseMsCsv("mz,intensity\n361.1,abc\n", "p.csv")).toThrow(
      "p.csv: line 2, column 2: expected an intensity ≥ 0, found 'abc'",
    );
  });
  it("sniffs the format from content", () => {
    expect(sniffMassSpectrumFormat(bytes("andi/P071.CDF"))).toBe("andi-ms");
    expect(sniffMassSpectrumFormat(bytes("mzml/example.mzML"))).toBe("mzml");
    expect(sniffMassSpectrumFormat(bytes("jcamp/mass_ACD.jdx"))).toBe("jcamp");
  });
  it("a spectrum with no peaks is an InputError", () => {
    expect(() => parseMassSpectrum(new TextEncoder().encode("mz,intensity\n100,0\n"), "empty.csv")).toThrow(
      "empty.csv: expected at least one peak with intensity > 0, found none",
    );
    expect(() => parseMassSpectrum(new TextEncoder().encode("mz,intensity\n"), "none.csv")).toThrow(
      InputError,
    );
  });
});
