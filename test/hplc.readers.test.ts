import { readFileSync } from "node:fs";
import { NetCDFReader } from "netcdfjs";
import { describe, expect, it } from "vitest";
import { FormatError } from "../src/core/errors.js";
import { parseAndiCdf } from "../src/io/andi-cdf/parse.js";
import { parseChemstationCh } from "../src/io/chemstation/parse.js";
import { parseChromatogram } from "../src/io/chromatogram/index.js";
import { parseChromatogramCsv, writeChromatogramCsv } from "../src/io/chromatogram-csv/index.js";
import { parseLabSolutionsAscii } from "../src/io/labsolutions/parse.js";

// The chromatogram readers on the shared real files (each folder's MANIFEST names its source), checked
// against an independent reading of the same bytes.
const HPLC = "../shared/testdata/hplc/";
const bytesOf = (path: string) => new Uint8Array(readFileSync(HPLC + path));

describe("ANDI/AIA .cdf (ASTM E1947)", () => {
  const bytes = bytesOf("andi/agilent_hplc.cdf");
  const chromatogram = parseAndiCdf(bytes, "agilent_hplc.cdf");

  it("matches netcdfjs's own expectations for this file and its raw ordinate_values", () => {
    // netcdfjs src/__tests__: 24 variables, variables[3] (actual_delay_time) = [0.012000000104308128],
    // 4651 ordinate values.
    const reader = new NetCDFReader(bytes);
    expect(reader.variables).toHaveLength(24);
    expect(reader.getDataVariable(reader.variables[3]!)).toStrictEqual([0.012000000104308128]);
    const raw = reader.getDataVariable("ordinate_values") as number[];
    expect(raw).toHaveLength(4651);
    expect(Array.from(chromatogram.signal)).toEqual(raw);
    // Times: actual_delay_time + i × actual_sampling_interval (0.4 s), in seconds (retention_unit).
    const interval = (reader.getDataVariable("actual_sampling_interval") as number[])[0]!;
    for (const i of [0, 1, 2000, 4650]) {
      expect(chromatogram.times_min[i]!).toBeCloseTo((0.012000000104308128 + i * interval) / 60, 12);
    }
    expect(chromatogram.units).toBe("mAU");
    expect(chromatogram.detector).toBe("DAD1 A, Sig=254,4 Ref=360,100");
    expect(chromatogram.wavelength_nm).toBe(254);
    expect(chromatogram.metadata.sample_name).toBe("MW-2-6-6 IC 90");
  });

  it("refuses a .cdf without ordinate_values, naming the file and the variable", () => {
    // Same-length rename inside the header: the file stays valid netCDF but lacks the signal variable.
    const text = new TextDecoder("latin1").decode(bytes);
    const at = text.indexOf("ordinate_values");
    const edited = bytes.slice();
    edited.set(new TextEncoder().encode("ordinate_valuez"), at);
    expect(() => parseAndiCdf(edited, "no-signal.cdf")).toThrow(FormatError);
    expect(() => parseAndiCdf(edited, "no-signal.cdf")).toThrow(
      /^no-signal\.cdf: variable ordinate_values: expected the detector signal .* found no such variable/,
    );
  });
});

describe("Agilent ChemStation .ch", () => {
  it("version 130 (MOCCA DAD1A.ch): time axis, units, signal name, scale factor", () => {
    const c = parseChemstationCh(bytesOf("agilent_chemstation_mocca/DAD1A.ch"), "DAD1A.ch");
    expect(c.format).toBe("chemstation-130");
    expect(c.signal.length).toBe(6603);
    // 20 Hz (acq.txt: "Peakwidth > 0.013 min (0.25 s response time) (20 Hz)"), 0–5.5 min stop time.
    const dt_s = ((c.times_min[6602]! - c.times_min[0]!) / 6602) * 60;
    expect(dt_s).toBeCloseTo(0.05, 6);
    expect(c.times_min[6602]!).toBeCloseTo(5.5023, 3);
    expect(c.units).toBe("mAU");
    expect(c.wavelength_nm).toBe(210);
    expect(c.metadata.sample).toBe("H 1 mM");
    expect(c.metadata.method).toBe("knoevenagel_5min.M");
    expect(c.metadata.scaleFactor).toBe(1000 / 2 ** 21);
    // ChemStation's own REPORT01 puts the main peak's apex at 2.48674 min, 292.15 mAU above its baseline
    // (≈ 24.5 mAU): the raw maximum must be near 316.7 mAU there (the area check is in hplc.chemstation).
    let top = 0;
    for (let i = 1; i < c.signal.length; i++) if (c.signal[i]! > c.signal[top]!) top = i;
    expect(c.times_min[top]!).toBeCloseTo(2.4867, 3);
    expect(c.signal[top]!).toBeCloseTo(316.71, 1);
  });

  it("version 30 (rainbow brown.D): 1351 samples, 0.4 s, two channels at 230 nm identical", () => {
    const read = (ch: string) =>
      parseChemstationCh(bytesOf(`agilent_rainbow_lgpl3/brown.D/dad1${ch}.ch`), `dad1${ch}.ch`);
    const a = read("A");
    expect(a.format).toBe("chemstation-30");
    expect(a.signal.length).toBe(1351);
    expect(a.times_min[0]!).toBeCloseTo(-0.0375, 6);
    expect(a.times_min[1350]!).toBeCloseTo(8.9625, 6);
    expect(a.detector).toBe("DAD A, Sig=254,10 Ref=off");
    expect(a.metadata.detectorModel).toBe("G1315B");
    expect(a.metadata.method).toBe("DD-ALK6B.M");
    // Channels C and E were both recorded at Sig=230,10: the same detector signal twice.
    const c = read("C");
    const e = read("E");
    expect(c.detector).toBe(e.detector.replace("DAD E", "DAD C"));
    expect(Array.from(c.signal)).toEqual(Array.from(e.signal));
    expect(Array.from(a.signal)).not.toEqual(Array.from(c.signal));
  });

  it("refuses a truncated .ch, naming the file and the byte", () => {
    const whole = bytesOf("agilent_chemstation_mocca/DAD1A.ch");
    const cut = whole.slice(0, whole.length - 1001);
    expect(() => parseChemstationCh(cut, "cut.ch")).toThrow(FormatError);
    expect(() => parseChemstationCh(cut, "cut.ch")).toThrow(/^cut\.ch: byte \d+: .*Is the file truncated\?/);
    expect(() => parseChemstationCh(whole.slice(0, 3000), "head.ch")).toThrow(
      /^head\.ch: header: expected at least 6144 bytes/,
    );
    expect(() => parseChromatogram(new Uint8Array([3, 57, 57, 57, 0]), "odd.ch")).toThrow(
      /^odd\.ch: byte 0 \(file version\)/,
    );
  });
});

describe("Shimadzu LabSolutions ASCII", () => {
  const bytes = bytesOf("shimadzu_labsolutions_mocca/labsolutions_test_data.txt");

  it("extracts the 274 nm trace of the [PDA 3D] block, equal to an independent column split", () => {
    const c = parseLabSolutionsAscii(bytes, "lab.txt", { wavelengthNm: 274 });
    expect(c.wavelength_nm).toBe(274.25); // the axis is nm × 100; 27425 is the nearest recorded column
    expect(c.units).toBe("uAU");
    expect(c.signal.length).toBe(3001);
    expect(c.times_min[3000]!).toBeCloseTo(8, 9);
    // Independent reading: the wavelength row after "R.Time (min)", the column whose value is 27425.
    const lines = new TextDecoder("latin1").decode(bytes).split(/\r?\n/);
    const header = lines.findIndex((l, i) => i > 16 && l.startsWith("R.Time (min)"));
    const axis = lines[header + 1]!.split(",");
    const column = axis.findIndex((v) => v.trim() === "27425");
    expect(column).toBeGreaterThan(0);
    for (const row of [0, 1, 1000, 1750, 3000]) {
      const cells = lines[header + 2 + row]!.split(",");
      expect(c.times_min[row]).toBe(Number(cells[0]));
      expect(c.signal[row]).toBe(Number(cells[column]));
    }
    // Content sniffing picks the same reader and the 274 nm default.
    expect(Array.from(parseChromatogram(bytes, "lab.txt").signal)).toEqual(Array.from(c.signal));
  });

  it("names the recorded range when the wavelength is outside it", () => {
    expect(() => parseLabSolutionsAscii(bytes, "lab.txt", { wavelengthNm: 600 })).toThrow(
      /lab\.txt: \[PDA 3D\] records 189\.37–.* nm; no wavelength within 2 nm of 600 nm/,
    );
  });
});

describe("two-column CSV time_min,signal", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it("reads a header, comments and separators; round-trips through the writer", () => {
    const c = parseChromatogramCsv(encode("# run 1\ntime_min,signal [mAU]\n0,1\n0.1;2\n0.2\t1.5\n"), "a.csv");
    expect(Array.from(c.times_min)).toEqual([0, 0.1, 0.2]);
    expect(Array.from(c.signal)).toEqual([1, 2, 1.5]);
    expect(c.units).toBe("mAU");
    const back = parseChromatogramCsv(encode(writeChromatogramCsv(c)), "b.csv");
    expect(Array.from(back.signal)).toEqual(Array.from(c.signal));
  });

  it("converts a time_s column to minutes", () => {
    const c = parseChromatogramCsv(encode("time_s,signal\n0,0\n30,1\n60,0\n"), "s.csv");
    expect(Array.from(c.times_min)).toEqual([0, 0.5, 1]);
  });

  it("names line and column of a bad value, and times that do not increase", () => {
    expect(() => parseChromatogramCsv(encode("time_min,signal\n0,1\n0.1,x\n0.2,1\n"), "bad.csv")).toThrow(
      "bad.csv: line 3, column 2: expected a signal (number), found 'x'",
    );
    expect(() => parseChromatogramCsv(encode("0,1\n0.2,1\n0.1,1\n"), "order.csv")).toThrow(
      /^order\.csv: line 3, column 1: expected a time greater than 0\.2, found 0\.1/,
    );
  });
});
