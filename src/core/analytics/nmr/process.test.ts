import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../random/mulberry32.js";
import {
  findSolvent,
  integrateRanges,
  median,
  NMR_DEFAULTS,
  normaliseDegrees,
  processNmr,
  type SyntheticLine,
  syntheticFid,
} from "./index.js";

/** An ethyl-acetate-like ¹H pattern at 300 MHz: a singlet, a quartet (J 7.1 Hz) and a triplet; areas 3 : 2 : 3. */
const J = 7.1 / 300.13;
const LINES: SyntheticLine[] = [
  { ppm: 2.05, area: 3, widthHz: 1 },
  ...[1, 3, 3, 1].map((w, k) => ({ ppm: 4.12 + (1.5 - k) * J, area: (2 * w) / 8, widthHz: 1 })),
  ...[1, 2, 1].map((w, k) => ({ ppm: 1.26 + (1 - k) * J, area: (3 * w) / 4, widthHz: 1 })),
];

function fid(options: { phase?: number; groupDelay?: number; seed?: number; noise?: number } = {}) {
  return syntheticFid({
    lines: LINES,
    points: 16384,
    spectralWidthHz: 4800,
    frequencyMHz: 300.13,
    carrierPpm: 5,
    noise: options.noise ?? 0.002,
    rand: mulberry32(options.seed ?? 1),
    phaseDegrees: options.phase ?? 0,
    groupDelay: options.groupDelay ?? 0,
  });
}

describe("NMR processing on synthetic FIDs (seeded; known lines and integrals)", () => {
  it("recovers line positions within 0.0005 ppm (0.15 Hz; the digital resolution is 0.15 Hz per point)", () => {
    const p = processNmr({ fid: fid() }, { reference: "file" });
    for (const line of LINES) {
      const nearest = p.peaks.reduce((a, b) =>
        Math.abs(b.ppm - line.ppm) < Math.abs(a.ppm - line.ppm) ? b : a,
      );
      expect(Math.abs(nearest.ppm - line.ppm)).toBeLessThan(0.0005);
    }
    expect(p.peaks).toHaveLength(LINES.length);
  });

  // Tolerance 3 %: ranges end ≥ 10 line widths beyond their outer lines, where a Lorentzian still has
  // 1.6 % of its area per side; a multiplet's inner lines lie farther from the edges than a singlet's.
  it("finds three ranges whose integrals are 3 : 2 : 3 within 3 %", () => {
    const p = processNmr({ fid: fid() }, { reference: "file" });
    expect(p.ranges.map((r) => r.multiplicity)).toEqual(["q", "s", "t"]);
    const [q, s, t] = p.ranges.map((r) => r.rawIntegral) as [number, number, number];
    expect(s / q).toBeCloseTo(1.5, 1);
    expect(Math.abs(s / q / 1.5 - 1)).toBeLessThan(0.03);
    expect(Math.abs(t / s - 1)).toBeLessThan(0.03);
    // multiplet centres: the intensity-weighted centre of a symmetric multiplet is its shift
    expect(Math.abs(p.ranges[0]!.centre - 4.12)).toBeLessThan(0.001);
    expect(Math.abs(p.ranges[2]!.centre - 1.26)).toBeLessThan(0.001);
  });

  // ph1 spans the whole 16 ppm width: 6° there is < 1.1° across the 2.9 ppm the lines occupy.
  it.each([37, -120, 170])("corrects a zero-order phase error of %d° to within 2° (ph1 within 6°)", (err) => {
    const p = processNmr({ fid: fid({ phase: err }) }, { reference: "file" });
    expect(Math.abs(normaliseDegrees(p.phase!.ph0 + err))).toBeLessThan(2);
    expect(Math.abs(p.phase!.ph1)).toBeLessThan(6);
  });

  it("removes a Bruker-style digital-filter group delay of 67.98 points (ph1 left ≈ 0, lines in place)", () => {
    const p = processNmr({ fid: fid({ groupDelay: 67.984 }) }, { reference: "file" });
    expect(Math.abs(p.phase!.ph1)).toBeLessThan(6);
    const single = p.peaks.find((x) => Math.abs(x.ppm - 2.05) < 0.01)!;
    expect(Math.abs(single.ppm - 2.05)).toBeLessThan(0.0005);
    const [q, s] = p.ranges.map((r) => r.rawIntegral) as [number, number];
    expect(Math.abs(s / q / 1.5 - 1)).toBeLessThan(0.03);
  });

  it("references to the solvent residual: acetone-d5 at 2.05 ppm moved from 2.09", () => {
    const shifted = syntheticFid({
      lines: LINES.map((l) => ({ ...l, ppm: l.ppm + 0.04 })),
      points: 16384,
      spectralWidthHz: 4800,
      frequencyMHz: 300.13,
      carrierPpm: 5,
      noise: 0.002,
      rand: mulberry32(3),
      solvent: "Acetone",
    });
    const p = processNmr({ fid: shifted });
    expect(p.solvent).toBe("acetone-d6");
    expect(p.referencing.method).toBe("solvent");
    expect(p.referencing.shiftPpm).toBeCloseTo(-0.04, 3);
    expect(Math.abs(p.peaks.find((x) => Math.abs(x.ppm - 2.05) < 0.01)!.ppm - 2.05)).toBeLessThan(1e-9);
  });

  it("integrates user ranges on the automatic ranges' scale (the non-solvent ranges sum to 100)", () => {
    const p = processNmr({ fid: fid() }, { reference: "file" });
    const auto = p.ranges.map((r) => r.rawIntegral * p.integralScale);
    expect(auto.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    const user = integrateRanges(
      p,
      p.ranges.map((r) => [r.from, r.to]),
    );
    user.forEach((v, i) => {
      expect(v).toBeCloseTo(auto[i]!, 9);
    });
    // order given, either direction of the limits
    const [a, b] = integrateRanges(p, [
      [1.1, 1.4],
      [4.3, 3.9],
    ]);
    expect(a! / b!).toBeCloseTo(1.5, 1);
  });
});

describe("NMR helpers", () => {
  it("median by quickselect agrees with sorting", () => {
    const rand = mulberry32(9);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const v = Float64Array.from({ length: n }, () => rand());
      const s = Float64Array.from(v).sort();
      const m = n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
      expect(median(v)).toBe(m);
    }
  });

  it("recognises solvents as files write them", () => {
    expect(findSolvent("DMSO")?.h1).toBe(2.5);
    expect(findSolvent("CDCl3")?.h1).toBe(7.26);
    expect(findSolvent("Acetone")?.id).toBe("acetone-d6");
    expect(findSolvent("unknown")).toBeUndefined();
  });

  it("documents its defaults (TSDoc @default values)", () => {
    expect(NMR_DEFAULTS.lineBroadeningHz1H).toBe(0.3);
    expect(NMR_DEFAULTS.zeroFill).toBe(2);
    expect(NMR_DEFAULTS.reference).toBe("solvent");
    expect(NMR_DEFAULTS.minSignalToNoise).toBe(8);
    expect(NMR_DEFAULTS.minRelativeHeight).toBe(0.01);
    expect(NMR_DEFAULTS.multipletGapHz1H).toBe(16);
  });
});
