import { describe, expect, it } from "vitest";
import { purityRun } from "../scripts/make-hplc-synthetic.js";
import {
  analyzeChromatogram,
  type HplcOptions,
  type SyntheticSpec,
} from "../src/core/analytics/hplc/index.js";
import { InputError } from "../src/core/errors.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";
import { methodOptions, parseHplcMethod } from "../src/io/chromatogram/index.js";
import { syntheticChromatogram } from "./helpers/hplcFixtures.js";

// Timed integration events (ChemStation's "Baseline Now" and "Integration Off/On") on seeded Gaussian runs
// whose areas are known exactly: a Gaussian of area A cut at μ + kσ keeps A·Φ(k) on a flat baseline.
function run(spec: Partial<SyntheticSpec>, options: HplcOptions = {}) {
  const full: SyntheticSpec = {
    points: 6000,
    end_min: 20,
    drift: { offset: 1, slope_per_min: 0, amplitude: 0, period_min: 1 },
    noiseSigma: 0.002,
    seed: 5,
    peaks: [],
    ...spec,
  };
  return analyzeChromatogram(syntheticChromatogram(full), options);
}

const gaussian = (name: string, mu_min: number, area: number) => ({
  name,
  mu_min,
  sigma_min: 0.05,
  tau_min: 0,
  area,
});

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 through erf; |error| < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const k = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    ((((1.061405429 * k - 1.453152027) * k + 1.421413741) * k - 0.284496736) * k + 0.254829592) *
      k *
      Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe("integration off", () => {
  const peaks = [gaussian("a", 6, 100), gaussian("b", 12, 300)];

  it("leaves out the peaks whose apex lies in the span; area % is over the rest", () => {
    const all = run({ peaks });
    expect(all.peaks).toHaveLength(2);
    const result = run({ peaks }, { integrationOff_min: [[11, 13]] });
    expect(result.peaks).toHaveLength(1);
    expect(result.peaks[0]!.rt_min).toBeCloseTo(6, 2);
    expect(result.peaks[0]!.areaPercent).toBeCloseTo(100, 9);
    expect(Math.abs(result.peaks[0]!.area / 100 - 1)).toBeLessThan(0.005);
    expect(result.settings.integrationOff_min).toEqual([[11, 13]]);
  });

  it("refuses a span that does not run forwards", () => {
    expect(() => run({ peaks }, { integrationOff_min: [[13, 11]] })).toThrow(InputError);
  });
});

describe("baseline now", () => {
  it("cuts a peak that spans it, with the baseline up to the signal there (ChemStation's Baseline Now)", () => {
    // The baseline runs from the peak's start to the signal at the event: on a flat baseline (offset 1) the
    // area is A·(Φ(z_end) − Φ(z_start)) less the trapezoid under that chord. A cut before the inflection
    // leaves the rising flank below the chord: a negative area, no peak.
    for (const k of [1, 1.5, 2]) {
      const result = run({ peaks: [gaussian("main", 10, 200)] }, { baselineNow_min: [10 + k * 0.05] });
      expect(result.peaks, `cut at μ + ${k}σ`).toHaveLength(1);
      const peak = result.peaks[0]!;
      expect(peak.type).toBe("BB");
      expect(peak.end_min).toBeCloseTo(10 + k * 0.05, 2);
      const z = (t: number) => (t - 10) / 0.05;
      const chord =
        0.5 * (peak.baselineStart - 1 + peak.baselineEnd - 1) * (peak.end_min - peak.start_min) * 60;
      const expected = 200 * (phi(z(peak.end_min)) - phi(z(peak.start_min))) - chord;
      expect(Math.abs(peak.area / expected - 1), `area cut at μ + ${k}σ`).toBeLessThan(0.005);
    }
    expect(run({ peaks: [gaussian("main", 10, 200)] }, { baselineNow_min: [10.025] }).peaks).toHaveLength(0);
  });

  it("separates two peaks at their valley instead of dropping a perpendicular to a shared baseline", () => {
    // Two Gaussians 0.25 min apart (Rs 1.25): the drop line splits the true areas (100 each); with the
    // event the valley is a baseline point, so each loses the same area under the valley (V → B).
    const peaks = [gaussian("a", 10, 100), gaussian("b", 10.25, 100)];
    const dropped = run({ peaks });
    expect(dropped.peaks.map((p) => p.type)).toEqual(["BV", "VB"]);
    for (const p of dropped.peaks) expect(Math.abs(p.area / 100 - 1)).toBeLessThan(0.003);
    const cut = run({ peaks }, { baselineNow_min: [10.125] });
    expect(cut.peaks.map((p) => p.type)).toEqual(["BB", "BB"]);
    // Each keeps A·(Φ(2.5) − Φ(z_start)) less the trapezoid under its chord to the valley.
    const valley = cut.peaks[0]!.baselineEnd - 1;
    expect(cut.peaks[1]!.baselineStart - 1).toBeCloseTo(valley, 9);
    for (const p of cut.peaks) {
      const chord = 0.5 * (p.baselineStart - 1 + p.baselineEnd - 1) * (p.end_min - p.start_min) * 60;
      expect(Math.abs(p.area / (100 - chord) - 1)).toBeLessThan(0.01);
    }
    expect(cut.settings.baselineNow_min).toEqual([10.125]);
  });

  it("before a peak on a drift, is where the peak's baseline starts (the stretch between is in no peak)", () => {
    // A linear drift: the baseline through the event's point and the peak's end is the drift itself, so the
    // area is the truth either way, and the baseline at the peak's start is the drift's value there.
    const drift = { offset: 1, slope_per_min: 0.5, amplitude: 0, period_min: 1 };
    const result = run({ peaks: [gaussian("main", 10, 200)], drift }, { baselineNow_min: [9] });
    const peak = result.peaks[0]!;
    expect(Math.abs(peak.area / 200 - 1)).toBeLessThan(0.005);
    expect(peak.baselineStart).toBeCloseTo(1 + 0.5 * peak.start_min, 2);
  });

  it("refuses a time outside the run, naming the field", () => {
    expect(() => run({ peaks: [gaussian("main", 10, 200)] }, { baselineNow_min: [25] })).toThrow(
      /baselineNow_min: 25 min is outside the run/,
    );
  });
});

describe("method files carry the timed events", () => {
  it("reads baselineNow_min and integrationOff_min from a JSON method", () => {
    const method = parseHplcMethod(
      new TextEncoder().encode('{"baselineNow_min":[4.09],"integrationOff_min":[[0,0.3],[5,5.5]]}'),
      "method.json",
    );
    expect(methodOptions(method)).toMatchObject({
      baselineNow_min: [4.09],
      integrationOff_min: [
        [0, 0.3],
        [5, 5.5],
      ],
    });
  });
});

describe("timed events anywhere keep the integration consistent", () => {
  it("200 seeded random sets of events on the purity run: valid peaks, area % summing to 100", () => {
    const spec = purityRun();
    const rand = mulberry32(2026);
    const end = spec.end_min;
    for (let trial = 0; trial < 200; trial++) {
      const baselineNow_min = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => rand() * end);
      const a = rand() * end;
      const integrationOff_min: Array<[number, number]> = rand() < 0.5 ? [[a, a + rand() * 3]] : [];
      const result = run(spec, { baseline: "whittaker", baselineNow_min, integrationOff_min });
      const where = `trial ${trial}: ${JSON.stringify({ baselineNow_min, integrationOff_min })}`;
      if (result.peaks.length === 0) continue;
      const sum = result.peaks.reduce((s, p) => s + p.areaPercent, 0);
      expect(sum, where).toBeCloseTo(100, 9);
      for (const p of result.peaks) {
        expect(p.area > 0 && Number.isFinite(p.area), where).toBe(true);
        expect(p.end_min > p.start_min, where).toBe(true);
        expect(p.type, where).toMatch(/^[BVT]{2}A?$/);
        expect(
          integrationOff_min.some(([f, t]) => p.rt_min > f + 0.01 && p.rt_min < t - 0.01),
          where,
        ).toBe(false);
      }
    }
  });
});
