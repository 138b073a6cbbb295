import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  referencePeaksOf,
  SYNTHETIC_FORMS,
  type SyntheticForm,
  simulatePattern,
  TYPICAL_CU_SCAN,
} from "../src/core/analytics/xrpd/index.js";
import { ixalab } from "./helpers/cli.js";

// The XRPD CLI contract (issue: structure and solid form), on seeded synthetic patterns with known lines
// and on the shared real files.
const DATA = "../shared/testdata/xrpd/";
const tmp = mkdtempSync(join(tmpdir(), "ixalab-xrpd-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A PowDLL-style xy (Cu anode header: standard Cu Kα1/Kα2) of a synthetic pattern. */
function writePattern(name: string, forms: SyntheticForm[], seed: number) {
  const { pattern, lines } = simulatePattern({
    forms,
    ...TYPICAL_CU_SCAN,
    seed,
  });
  const rows = Array.from(pattern.twoTheta, (x, i) => `${x.toFixed(4)} ${pattern.intensity[i]!.toFixed(2)}`);
  const path = join(tmp, name);
  writeFileSync(path, `'Anode: "Cu" Scantype: "Coupled TwoTheta/Theta"\n${rows.join("\n")}\n`);
  return { path, lines };
}

function writeReference(name: string, form: SyntheticForm) {
  const path = join(tmp, `${name}.csv`);
  const rows = referencePeaksOf(form, 1.5406).map(
    (p) => `${p.twoTheta.toFixed(3)},${p.relIntensity.toFixed(1)}`,
  );
  writeFileSync(path, `twoTheta,relIntensity\n${rows.join("\n")}\n`);
  return path;
}

const pure = writePattern("formA.xy", [SYNTHETIC_FORMS.formA], 5);
const mixture = writePattern("mix.xy", [SYNTHETIC_FORMS.formA, { ...SYNTHETIC_FORMS.formB, scale: 0.25 }], 6);
const refA = writeReference("formA", SYNTHETIC_FORMS.formA);
const refB = writeReference("formB", SYNTHETIC_FORMS.formB);

const json = (args: string[]) => {
  const run = ixalab([...args, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  return { out: JSON.parse(run.stdout), stderr: run.stderr };
};

describe("ixalab xrpd peaks", () => {
  it("prints the contract's document: Kα1 positions within 0.01°, d by Bragg, strongest = 100", () => {
    const { out } = json(["xrpd", "peaks", pure.path]);
    expect(Object.keys(out)).toEqual(["wavelength_A", "peaks"]);
    expect(out.wavelength_A).toBe(1.5406);
    expect(out.peaks).toHaveLength(pure.lines.length);
    for (const [i, p] of (
      out.peaks as { twoTheta: number; dSpacing_A: number; relIntensity: number }[]
    ).entries()) {
      expect(Object.keys(p)).toEqual(["twoTheta", "dSpacing_A", "relIntensity"]);
      expect(Math.abs(p.twoTheta - pure.lines[i]!.twoTheta)).toBeLessThan(0.01);
      // 2θ is printed to 4 decimals, d from the unrounded 2θ: they agree to 1e-3 Å.
      expect(p.dSpacing_A).toBeCloseTo(1.5406 / (2 * Math.sin((p.twoTheta * Math.PI) / 360)), 3);
    }
    expect(Math.max(...out.peaks.map((p: { relIntensity: number }) => p.relIntensity))).toBe(100);
  });

  it("reads a real RAW v3 and writes the plot with --plot", () => {
    const svg = join(tmp, "bt86.svg");
    const { out } = json(["xrpd", "peaks", `${DATA}xylib_samples/BT86.raw`, "--plot", svg]);
    expect(out.peaks.length).toBeGreaterThan(5);
    const text = readFileSync(svg, "utf8");
    expect(text.startsWith("<svg")).toBe(true);
    expect(text).toContain("background");
  });

  it("--wavelength replaces the file's Kα1", () => {
    const { out } = json(["xrpd", "peaks", `${DATA}xylib_samples/BT86.raw`, "--wavelength", "1.5406"]);
    expect(out.wavelength_A).toBe(1.5406);
  });
});

describe("ixalab xrpd match", () => {
  it("prints the contract's document and picks the right form", () => {
    const { out, stderr } = json(["xrpd", "match", pure.path, "--reference", refA, "--reference", refB]);
    expect(Object.keys(out)).toEqual(["matches", "bestMatch"]);
    expect(out.bestMatch).toBe("formA");
    expect(out.matches.map((m: { reference: string }) => m.reference)).toEqual(["formA", "formB"]);
    expect(Object.keys(out.matches[0])).toEqual(["reference", "score", "matchedPeaks", "unmatchedPeaks"]);
    expect(out.matches[0]).toMatchObject({ matchedPeaks: 12, unmatchedPeaks: 0 });
    expect(stderr).not.toMatch(/second form/);
  });

  it("flags the second form of a mixture (on stderr; the JSON stays the contract's)", () => {
    const plot = join(tmp, "mix.svg");
    const { out, stderr } = json([
      "xrpd",
      "match",
      mixture.path,
      "--reference",
      refA,
      "--reference",
      refB,
      "--plot",
      plot,
    ]);
    expect(out.bestMatch).toBe("formA");
    expect(stderr).toMatch(/second form formB detected/);
    expect(readFileSync(plot, "utf8")).toContain("formB");
  });

  it("takes several forms from one CSV with a form column", () => {
    const all = join(tmp, "all.csv");
    const rows = (name: string, form: SyntheticForm) =>
      referencePeaksOf(form, 1.5406).map(
        (p) => `${name},${p.twoTheta.toFixed(3)},${p.relIntensity.toFixed(1)}`,
      );
    writeFileSync(
      all,
      [
        "form,twoTheta,relIntensity",
        ...rows("A", SYNTHETIC_FORMS.formA),
        ...rows("B", SYNTHETIC_FORMS.formB),
      ].join("\n"),
    );
    const { out } = json(["xrpd", "match", pure.path, "--references", all]);
    expect(out.bestMatch).toBe("A");
  });
});

describe("bad input: exit 2 with the file and the reason", () => {
  const fails = (args: string[], message: RegExp) => {
    const run = ixalab(args);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  };

  it("a RAW of an unknown version (STOE)", () => {
    fails(
      ["xrpd", "peaks", `${DATA}xrdpattern_lgpl/stoe.raw`, "--json"],
      /stoe\.raw: bytes 0–7 \(RAW signature\): expected a Bruker RAW/,
    );
  });

  it("an XRDML without a wavelength; accepted with --wavelength", () => {
    const text = readFileSync(`${DATA}xylib_samples/empyrean.xrdml`, "utf8");
    const path = join(tmp, "nowl.xrdml");
    writeFileSync(path, text.replace(/<usedWavelength[\s\S]*?<\/usedWavelength>/, ""));
    fails(
      ["xrpd", "peaks", path, "--json"],
      /nowl\.xrdml: <usedWavelength>\/<kAlpha1>: expected the X-ray wavelength/,
    );
    expect(ixalab(["xrpd", "peaks", path, "--wavelength", "1.5406", "--json"]).code).toBe(0);
  });

  it("a truncated RAW, a bad reference CSV, no reference", () => {
    const raw = readFileSync(`${DATA}xylib_samples/BT86.raw`);
    const cut = join(tmp, "cut.raw");
    writeFileSync(cut, raw.subarray(0, 4000));
    fails(["xrpd", "peaks", cut], /cut\.raw: range 1 data: expected 9496 bytes at offset 1056/);
    const bad = join(tmp, "bad.csv");
    writeFileSync(bad, "twoTheta,relIntensity\n9.0,strong\n");
    fails(["xrpd", "match", pure.path, "--reference", bad], /bad\.csv: line 2, column relIntensity/);
    fails(["xrpd", "match", pure.path], /give at least one --reference/);
  });
});
