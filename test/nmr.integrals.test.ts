import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  compareWithExpected,
  type IntegrationRange,
  integrate,
  type NmrProcessed,
  processNmr,
  syntheticFid,
} from "../src/core/analytics/nmr/index.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";
import { parseBrukerZip } from "../src/io/bruker/index.js";
import { parseNmrInput } from "../src/kinds/nmrInput.js";

// Integral ratios of the real aspirin spectrum (1H, CDCl3, 300.13 MHz, zg30, NS 32) against the proton
// counts of the structure. Literature shifts (CDCl3): CO2H ~11 (br), H-6 8.12 (dd), H-4 7.62 (td), H-5 7.36
// (td), H-3 7.14 (dd), CH3 2.35 (s) (SDBS, as quoted at socratic.org/answers/116588). This sample's axis (and
// TopSpin's, SREF on "CDCl3") sits ~0.07 ppm below those, so signals are found by this spectrum's lines.
// Used: H-4 (7.53), H-3 (7.07) and CH3 (2.30), well separated. Not used: H-6 (8.05) sits on the tail of the
// broad exchange-averaged CO2H/H2O signal at 8.25 (no separate water at 1.56); H-5 (7.29) holds the
// unresolved CHCl3 residual.
const DIR = "../shared/testdata/nmr/bruker/";
const zip = (name: string) => parseBrukerZip(new Uint8Array(readFileSync(DIR + name)), name);
const rangeAt = (p: NmrProcessed, ppm: number) => p.ranges.find((r) => r.from >= ppm && r.to <= ppm)!;
const compound = (r: IntegrationRange) => r.rawIntegral - (r.solventIntegral ?? 0);

/** Per-proton integrals of H-4, H-3 and CH3 over the given limits, as ratios to their mean. */
function perProton(p: NmrProcessed, limits: [number, number][]): number[] {
  const v = limits.map(([a, b], i) => integrate(p.y, p.firstPpm, p.stepPpm, a, b) / [1, 1, 3][i]!);
  const mean = (v[0]! + v[1]! + v[2]!) / 3;
  return v.map((x) => x / mean);
}

describe("aspirin: integral ratios of well-separated signals agree with the proton counts within 5 %", () => {
  const own = processNmr({ fid: zip("aspirin-1h.zip").data.fid! });
  const limits = [7.53, 7.07, 2.3].map((ppm) => {
    const r = rangeAt(own, ppm);
    return [r.from, r.to] as [number, number];
  });

  it("the automatic ranges: H-4 : H-3 : CH3 per proton within 5 % of 1 : 1 : 1", () => {
    for (const ratio of perProton(own, limits)) expect(Math.abs(ratio - 1)).toBeLessThan(0.05);
    // the CH3 range is one singlet range: its +20 Hz spinning sideband at 2.37 joins it as a shoulder
    const ch3 = rangeAt(own, 2.3);
    expect(ch3.multiplicity).toBe("s");
    expect(ch3.from).toBeGreaterThan(2.39);
  });

  it("TopSpin's own processed 1r (aspirin-1h-processed.zip) over the same ranges: within 5 % too, and each per-proton integral within 6 % of ours", () => {
    const topspin = processNmr({ spectrum: zip("aspirin-1h-processed.zip").data.spectrum! });
    expect(topspin.referencing.method).toBe("solvent");
    const theirs = perProton(topspin, limits);
    const ours = perProton(own, limits);
    for (const [i, ratio] of theirs.entries()) {
      expect(Math.abs(ratio - 1)).toBeLessThan(0.05);
      expect(Math.abs(ratio / ours[i]! - 1)).toBeLessThan(0.06);
    }
  });

  it("the CHCl3 residual inside the H-5 multiplet: the range stays a compound range, the residual's share is reported (≈ 0: the mirror line of 7.26 about the td centre is as tall)", () => {
    const r = rangeAt(own, 7.26);
    expect(own.solventRange).toBe(-1);
    expect(r.peaks.length).toBe(6);
    expect(r.solventIntegral).toBeDefined();
    expect(r.solventIntegral! / r.rawIntegral).toBeLessThan(0.02);
    expect(own.warnings.join("\n")).toMatch(/CDCl3 residual \(7\.26 ppm\) lies inside the compound range/);
  });
});

describe("a residual line inside a compound range is split off (synthetic, seeded)", () => {
  // A doublet (J 7 Hz, 1 H) at 7.29 with CHCl3 (0.4 H) at 7.26, 1 Hz lines, and a 3 H singlet at 2.30.
  const J = 7 / 300.13;
  const lines = [
    { ppm: 7.29 + J / 2, area: 0.5, widthHz: 1 },
    { ppm: 7.29 - J / 2, area: 0.5, widthHz: 1 },
    { ppm: 7.26, area: 0.4, widthHz: 1 },
    { ppm: 2.3, area: 3, widthHz: 1 },
  ];
  const fid = syntheticFid({
    lines,
    points: 16384,
    spectralWidthHz: 4800,
    frequencyMHz: 300.13,
    carrierPpm: 5,
    noise: 0.002,
    rand: mulberry32(7),
    solvent: "CDCl3",
  });
  const p = processNmr({ fid });

  it("the doublet's range keeps 1 H against the 3 H singlet within 5 %; the residual's 0.4 H within 10 %", () => {
    const d = rangeAt(p, 7.29);
    const s = rangeAt(p, 2.3);
    const perH = compound(s) / 3;
    expect(Math.abs(compound(d) / perH - 1)).toBeLessThan(0.05);
    expect(Math.abs(d.solventIntegral! / perH / 0.4 - 1)).toBeLessThan(0.1);
  });
});

describe("water and solvent signals in the comparison with expected signals (Fulmer et al. 2010, Table 1)", () => {
  const f = "../shared/testdata/nmr/jeol/Rutin_DMSOd6_1H_400MHz.jdf";
  const rutin = processNmr(parseNmrInput(new Uint8Array(readFileSync(f)), f, { npoints: "strict" }));

  it("rutin in DMSO-d6: ranges at the water line (3.33 ± 0.1) and the DMSO-d5 residual are reported as water / solvent, not as unexplained", () => {
    const c = compareWithExpected(rutin, [{ from: 7.6, to: 7.5, protons: 2 }], { id: "t", status: "user" });
    const near = (u: { from: number; to: number }, ppm: number, half: number) =>
      u.to <= ppm + half && u.from >= ppm - half;
    expect(c.solventSignals.some((u) => u.kind === "water" && u.ppm === 3.33)).toBe(true);
    expect(c.solventSignals.some((u) => u.kind === "solvent" && u.ppm === 2.5)).toBe(true);
    expect(c.unexplained.some((u) => near(u, 3.33, 0.1) || near(u, 2.5, 0.05))).toBe(false);
    expect(c.solventSignals.every((u) => u.protons > 0)).toBe(true);
  });

  it("an expected window over the water line is reported but not judged", () => {
    const c = compareWithExpected(
      rutin,
      [
        { from: 7.6, to: 7.5, protons: 2 },
        { from: 3.4, to: 3.25, protons: 1 },
      ],
      { id: "t", status: "user" },
    );
    expect(c.signals[1]).toMatchObject({ overlapsWater: true, agrees: null });
    expect(c.signals[0]).toMatchObject({ overlapsWater: false });
  });
});

// TopSpin's own integration of the 1-naphthoic acid spectrum (naphtoicAcid-1h.zip, 500.13 MHz, acetone-d6):
// pdata/1/intrng holds the six regions, pdata/1/integrals.txt their integrals relative to the first, on a
// spectrum made with efp (LB 0.5 Hz, SI 128 K), manual phase, no baseline correction (pdata/1/auditp.txt).
// Processed here alike (LB 0.5, FFT 16 × 8 K = 128 K points, no baseline, the file's ppm axis), over the
// same regions. The phase is the one thing that cannot be copied: TopSpin's PHC0/PHC1 refer to its own
// group-delay handling and pivot.
describe("1-naphthoic acid: relative integrals over TopSpin's regions against TopSpin's integrals.txt", () => {
  const entries = zip("naphtoicAcid-1h.zip");
  const files = unzipText("naphtoicAcid-1h.zip", ["1/pdata/1/intrng", "1/pdata/1/integrals.txt"]);
  const regions = [
    ...files["1/pdata/1/intrng"]!.matchAll(/^\s*([\d.]+)\s+([\d.]+)\s+-?[\d.]+\s+-?[\d.]+\s+#/gm),
  ].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  const topspin = [
    ...files["1/pdata/1/integrals.txt"]!.matchAll(/^\s+\d+\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s*$/gm),
  ].map((m) => Number(m[1]));
  const relative = (phase?: { ph0: number; ph1: number }) => {
    const p = processNmr(
      { fid: entries.data.fid! },
      { reference: "file", lineBroadeningHz: 0.5, zeroFill: 16, baseline: false, ...(phase && { phase }) },
    );
    const v = regions.map(([a, b]) => integrate(p.y, p.firstPpm, p.stepPpm, a, b));
    return v.map((x) => x / v[0]!);
  };
  const worst = (ours: number[]) => Math.max(...ours.map((x, i) => Math.abs(x / topspin[i]! - 1)));

  it("reads six regions and TopSpin's six integrals (1.000 … 2.046: five CH and the 2 H multiplet)", () => {
    expect(regions).toHaveLength(6);
    expect(topspin).toEqual([1, 1.00795, 1.02131, 1.04016, 1.04458, 2.04576]);
  });

  it("at the phase that reproduces TopSpin's (scanned in 1° steps: ph0 114°, ph1 −8.7°) all six agree within 1 %", () => {
    // Measured: worst 0.5 % (the 2 H region: 2.040 vs 2.046). One fitted number for six agreements: the
    // integration (limits, sums, axis) is TopSpin's.
    expect(worst(relative({ ph0: 114, ph1: -8.68 }))).toBeLessThan(0.01);
  });

  it("with the automatic phase: within 7 %, the known difference kept visible", () => {
    // Measured: the automatic phase is ph0 108.5°, ph1 −8.7°, ~5.5° from TopSpin's; worst 6.3 % (the 2 H
    // region 2.175 vs 2.046; its boundary with the 1 H triplet lies 4 Hz from their nearest lines, where a
    // line's dispersion tail moves area across it). Peak phases within each doublet still alternate by ±7°:
    // the neighbour-tilt correction of autoPhase removes about two thirds of the partner's dispersion.
    const ours = relative();
    expect(worst(ours)).toBeLessThan(0.07);
    expect(worst(ours)).toBeGreaterThan(0.01); // when this fails, autoPhase got better: tighten the bound
  });
});

function unzipText(name: string, paths: string[]): Record<string, string> {
  const all = unzipSync(new Uint8Array(readFileSync(DIR + name)));
  return Object.fromEntries(paths.map((p) => [p, new TextDecoder("latin1").decode(all[p])]));
}
