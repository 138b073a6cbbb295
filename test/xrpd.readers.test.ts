import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { braggD, processPattern } from "../src/core/analytics/xrpd/index.js";
import { FormatError } from "../src/core/errors.js";
import { parseBrml } from "../src/io/brml/index.js";
import { parseBrukerRaw } from "../src/io/bruker-raw/index.js";
import { parseDiffractogram, parseReferenceCsv, sniffDiffractogram } from "../src/io/diffractogram/index.js";
import { parseJcampDiffractogram } from "../src/io/diffractogram/jcamp.js";
import { parseUxd } from "../src/io/uxd/index.js";
import { parseXrdml } from "../src/io/xrdml/index.js";
import { parseXy } from "../src/io/xy/index.js";

const DATA = "../shared/testdata/xrpd/";
const bytes = (path: string) => new Uint8Array(readFileSync(DATA + path));

describe("twin files give identical patterns", () => {
  it(".brml and its JCAMP-DX conversion: the same 2443 points exactly", () => {
    const brml = parseBrml(bytes("bruker_brml/test.brml"), "test.brml");
    const jdx = parseJcampDiffractogram(bytes("jcamp/xrd-analysis_test.jdx"), "test.jdx");
    expect(brml.twoTheta.length).toBe(2443); // MANIFEST: 2443 points, 20–79.9968°
    expect(brml.twoTheta[0]).toBe(20);
    expect(brml.twoTheta[2442]).toBe(79.9968);
    expect(Array.from(jdx.twoTheta)).toEqual(Array.from(brml.twoTheta));
    expect(Array.from(jdx.intensity)).toEqual(Array.from(brml.intensity));
    // MANIFEST: Cu anode, Kα1 1.5406 Å, Kα2 1.54439 Å, Kα2/Kα1 0.5 (the JCAMP conversion keeps none).
    expect(brml.wavelength).toMatchObject({ kAlpha1_A: 1.5406, kAlpha2_A: 1.54439, ratio: 0.5 });
    expect(jdx.wavelength).toBeNull();
  });

  it("RAW v3 and its UXD export: identical counts; 2θ equal to the UXD's printed precision", () => {
    const raw = parseBrukerRaw(bytes("xylib_samples/BT86.raw"), "BT86.raw");
    const uxd = parseUxd(bytes("xylib_samples/BT86_.UXD"), "BT86_.UXD");
    expect(raw.metadata.version).toBe("3");
    expect(raw.intensity.length).toBe(2374);
    expect(uxd.intensity.length).toBe(2374);
    expect(Array.from(uxd.intensity)).toEqual(Array.from(raw.intensity));
    // The RAW stores start and step (3°, 0.0155922°) in binary; the UXD prints each 2θ with 5 significant
    // digits (3.016, 18.59): the two agree to half a unit of the UXD's last printed decimal.
    const printed = readFileSync(`${DATA}xylib_samples/BT86_.UXD`, "utf8")
      .split(/\r?\n/)
      .filter((l) => /^[0-9]/.test(l))
      .map((l) => l.split(/\s+/)[0]!);
    expect(printed).toHaveLength(2374);
    printed.forEach((text, i) => {
      const decimals = text.split(".")[1]?.length ?? 0;
      expect(Math.abs(raw.twoTheta[i]! - uxd.twoTheta[i]!)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
    });
    // Both name the same lines: UXD _WL1 1.540600, _WL2 1.544390, _WLRATIO 0.5.
    expect(uxd.wavelength).toMatchObject({ kAlpha1_A: 1.5406, kAlpha2_A: 1.54439, ratio: 0.5 });
    expect(raw.wavelength).toMatchObject({ kAlpha1_A: 1.5406, kAlpha2_A: 1.54439, ratio: 0.5 });
  });
});

describe("Bruker RAW", () => {
  it("v4 (RAW4.00): one Locked Coupled range, wavelengths from the source segment", () => {
    // Layout as GSAS-II's G2pwd_BrukerRAW and xylib read it: 4059 steps from 37.0001° by 0.0204545°.
    const d = parseBrukerRaw(bytes("xrdpattern_lgpl/bruker.raw"), "bruker.raw");
    expect(d.metadata).toMatchObject({ version: "4", anode: "Cu" });
    expect(d.twoTheta.length).toBe(4059);
    expect(d.twoTheta[0]).toBeCloseTo(37.0001, 10);
    expect(d.twoTheta[4058]).toBeCloseTo(120.0046, 4);
    expect(d.wavelength).toMatchObject({ kAlpha1_A: 1.5406, kAlpha2_A: 1.54439, ratio: 0.5 });
    // The data block ends exactly at the end of the file (24353 bytes).
    expect(Array.from(d.intensity.subarray(0, 3))).toEqual([7264, 7202, 7335]);
  });

  it("v3 with three ranges joins them in 2θ order", () => {
    const d = parseBrukerRaw(bytes("xylib_samples/format1.raw"), "format1.raw");
    expect(d.twoTheta.length).toBe(101 + 26 + 51);
    expect(d.twoTheta[0]).toBe(10);
    expect(d.twoTheta[101]).toBe(30);
    expect(d.warnings[0]).toMatch(/3 ranges joined/);
  });

  it("refuses a STOE .raw and an unknown version with a FormatError naming the file", () => {
    expect(() => parseBrukerRaw(bytes("xrdpattern_lgpl/stoe.raw"), "stoe.raw")).toThrow(
      /stoe\.raw: bytes 0–7 \(RAW signature\): expected a Bruker RAW version 1–4.*found 'RAW_1\.06'.*STOE/,
    );
    const odd = bytes("xylib_samples/BT86.raw");
    odd.set(new TextEncoder().encode("RAW9.99"), 0);
    expect(() => parseBrukerRaw(odd, "odd.raw")).toThrow(FormatError);
  });

  it("refuses truncated files: every size is checked against the length", () => {
    const whole = bytes("xylib_samples/BT86.raw");
    for (const n of [100, 700, 1100, whole.length - 1]) {
      expect(() => parseBrukerRaw(whole.subarray(0, n), "cut.raw")).toThrow(
        /cut\.raw: .*Is the file truncated\?/,
      );
    }
    const v4 = bytes("xrdpattern_lgpl/bruker.raw");
    expect(() => parseBrukerRaw(v4.subarray(0, v4.length - 4), "cut4.raw")).toThrow(FormatError);
  });
});

describe("XRDML", () => {
  const text = readFileSync(`${DATA}xylib_samples/empyrean.xrdml`, "utf8");

  it("reads positions from start/end, counts, counting time and the wavelength", () => {
    const d = parseXrdml(text, "empyrean.xrdml");
    expect(d.twoTheta.length).toBe(196);
    expect(d.twoTheta[0]).toBe(30.05);
    expect(d.twoTheta[195]).toBeCloseTo(41.75, 12);
    expect(d.metadata.timePerStep_s).toBe(0.44);
    expect(Array.from(d.intensity.subarray(0, 4))).toEqual([8, 11, 6, 10]);
    // MANIFEST: Kα1 1.5405980 Å, Kα2 1.5444260 Å, ratio 0.5.
    expect(d.wavelength).toMatchObject({ kAlpha1_A: 1.540598, kAlpha2_A: 1.544426, ratio: 0.5 });
  });

  it("listPositions give the 2θ of each point", () => {
    const list = Array.from({ length: 196 }, (_, i) => (30 + i * 0.06).toFixed(2)).join(" ");
    const edited = text.replace(
      /<startPosition>30.0500<\/startPosition>\s*<endPosition>41.7500<\/endPosition>/,
      `<listPositions>${list}</listPositions>`,
    );
    const d = parseXrdml(edited, "list.xrdml");
    expect(d.twoTheta[1]).toBeCloseTo(30.06, 12);
  });

  it("a missing wavelength is a FormatError naming usedWavelength, unless the user gives one", () => {
    const noWavelength = new TextEncoder().encode(
      text.replace(/<usedWavelength[\s\S]*?<\/usedWavelength>/, ""),
    );
    expect(() => parseDiffractogram(noWavelength, "nowl.xrdml")).toThrow(
      /nowl\.xrdml: <usedWavelength>\/<kAlpha1>: expected the X-ray wavelength \(Kα1\), found none/,
    );
    const d = parseDiffractogram(noWavelength, "nowl.xrdml", { wavelengthA: 1.5406 });
    expect(d.wavelength).toEqual({ kAlpha1_A: 1.5406, source: "user" });
  });

  it("a count list that does not match listPositions is refused", () => {
    const edited = text.replace(
      /<startPosition>30.0500<\/startPosition>\s*<endPosition>41.7500<\/endPosition>/,
      "<listPositions>30 30.1 30.2</listPositions>",
    );
    expect(() => parseXrdml(edited, "bad.xrdml")).toThrow(/expected 196 positions/);
  });
});

describe("two-column xy and the dispatcher", () => {
  it("sniffs every sample's format", () => {
    expect(sniffDiffractogram(bytes("bruker_brml/test.brml"))).toBe("brml");
    expect(sniffDiffractogram(bytes("xylib_samples/BT86.raw"))).toBe("bruker-raw");
    expect(sniffDiffractogram(bytes("xylib_samples/BT86_.UXD"))).toBe("uxd");
    expect(sniffDiffractogram(bytes("xylib_samples/empyrean.xrdml"))).toBe("xrdml");
    expect(sniffDiffractogram(bytes("jcamp/xrd-analysis_test.jdx"))).toBe("jcamp");
    expect(sniffDiffractogram(bytes("xy/MG1-Cu2O-28_bg_subtracted.xy"))).toBe("xy");
  });

  it("PowDLL xy: a quoted header naming the Cu anode, then 2θ/counts", () => {
    const d = parseXy(bytes("xy/MG1-Cu2O-28_bg_subtracted.xy"), "cu2o.xy");
    expect(d.twoTheta[0]).toBe(10);
    expect(d.twoTheta.length).toBe(3449);
    expect(d.wavelength?.source).toBe("anode Cu (standard values)");
  });

  it("Cu2O (cuprite) peaks index to one cubic cell within 0.1 %, 0.2 % from the literature a", () => {
    // Cuprite Pn-3m, a = 4.2696 Å (Restori & Schwarzenbach, Acta Cryst. B 42, 201 (1986)); a sample-height
    // displacement shifts all lines a little, so the cell is checked for consistency, then against a.
    const out = processPattern(parseDiffractogram(bytes("xy/MG1-Cu2O-28_bg_subtracted.xy"), "cu2o.xy"));
    const hkl: [number, number][] = [
      [29.58, 2], // (110)
      [36.42, 3], // (111)
      [42.3, 4], // (200)
      [61.38, 8], // (220)
    ];
    const cells = hkl.map(([near, h2k2l2]) => {
      const p = out.peaks.find((q) => Math.abs(q.twoTheta - near) < 0.3);
      expect(p, `peak near ${near}°`).toBeDefined();
      return braggD(p!.twoTheta, 1.5406) * Math.sqrt(h2k2l2);
    });
    const mean = cells.reduce((s, a) => s + a, 0) / cells.length;
    for (const a of cells) expect(Math.abs(a - mean) / mean).toBeLessThan(0.001 + 0.002); // (110) is weak
    expect(Math.abs(mean - 4.2696) / 4.2696).toBeLessThan(0.003);
    expect(out.peaks.find((p) => Math.abs(p.twoTheta - 36.42) < 0.3)?.relIntensity).toBe(100);
  });

  it("reference CSVs: one form named by the file, or several with a form column", () => {
    expect(parseReferenceCsv("twoTheta,relIntensity\n9.02,100\n18.05,83\n", "formA.csv", "formA")).toEqual([
      {
        name: "formA",
        peaks: [
          { twoTheta: 9.02, relIntensity: 100 },
          { twoTheta: 18.05, relIntensity: 83 },
        ],
      },
    ]);
    const many = parseReferenceCsv(
      "form,twoTheta,relIntensity\nA,9,100\nB,7.9,100\nA,18,50\n",
      "all.csv",
      "all",
    );
    expect(many.map((f) => [f.name, f.peaks.length])).toEqual([
      ["A", 2],
      ["B", 1],
    ]);
    expect(() => parseReferenceCsv("twoTheta,relIntensity\n9.02,strong\n", "bad.csv", "bad")).toThrow(
      /bad\.csv: line 2, column relIntensity: expected a relative intensity ≥ 0, found 'strong'/,
    );
    expect(() => parseReferenceCsv("angle,height\n9,1\n", "hdr.csv", "hdr")).toThrow(
      /columns twoTheta and relIntensity/,
    );
  });
});
