import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { purityRun } from "../scripts/make-hplc-synthetic.js";
import {
  analyzeChromatogram,
  type Chromatogram,
  HPLC_DEFAULTS,
  type HplcOptions,
  type SyntheticSpec,
  simulateChromatogram,
} from "../src/core/analytics/hplc/index.js";
import { methodOptions, parseHplcMethod } from "../src/io/chromatogram/index.js";

// Integration on seeded synthetic chromatograms whose peak areas are known exactly (scripts/
// make-hplc-synthetic.ts: exponentially modified Gaussians, closed-form areas), and USP <621> figures on
// Gaussian peaks, whose W½ = 2√(2 ln 2) σ, tailing T = 1 and resolution follow analytically.
const asChromatogram = (run: ReturnType<typeof simulateChromatogram>): Chromatogram => ({
  ...run,
  units: "mAU",
  detector: "synthetic",
  format: "chromatogram-csv",
  metadata: {},
});

function analyzeSpec(spec: SyntheticSpec, options: HplcOptions = {}) {
  return analyzeChromatogram(asChromatogram(simulateChromatogram(spec)), options);
}

// The purity run's baseline is a sine on a slope (amplitude 1.5 mAU over 40 min): curved drift, for which the
// documented option is the Whittaker curve baseline under straight-segment integration.
const DRIFT: HplcOptions = { baseline: "whittaker" };

describe("purity run: EMG peaks, drifting baseline, noise σ 0.004 mAU, shoulder at Rs ≈ 1.2", () => {
  const spec = purityRun();
  const total = spec.peaks.reduce((s, p) => s + p.area, 0);
  const result = analyzeSpec(spec, DRIFT);
  const found = (name: string) => {
    const truth = spec.peaks.find((p) => p.name === name)!;
    const peak = result.peaks.reduce((a, b) =>
      Math.abs(b.rt_min - truth.mu_min) < Math.abs(a.rt_min - truth.mu_min) ? b : a,
    );
    return { truth, peak };
  };

  it("finds every peak and reports them in retention order", () => {
    expect(result.peaks.map((p) => p.rt_min)).toEqual(
      [...result.peaks.map((p) => p.rt_min)].sort((a, b) => a - b),
    );
    for (const truth of spec.peaks) {
      const { peak } = found(truth.name);
      expect(Math.abs(peak.rt_min - truth.mu_min), truth.name).toBeLessThan(truth.tau_min + 0.01);
    }
    expect(result.peaks).toHaveLength(spec.peaks.length);
  });

  it("integrates the known areas: main within 0.1 %, the resolved pair within 1 %, impurities within 4 %", () => {
    // Measured: main 0.00 %, pair −0.2/+0.2 % (drop line at the valley, Rs 1.2), impurities −0.6 to +2.7 %
    // (the 0.05 % impurity is 2 mAU·s under 0.004 mAU noise: 0.1 mAU high, S/N 26).
    const tolerance: Record<string, number> = { main: 0.001, "pair-1": 0.01, shoulder: 0.01 };
    for (const truth of spec.peaks) {
      const { peak } = found(truth.name);
      expect(Math.abs(peak.area / truth.area - 1), truth.name).toBeLessThan(tolerance[truth.name] ?? 0.04);
    }
  });

  it("area % of the reported peaks sums to 100 and matches the truth within 0.01 absolute", () => {
    expect(result.peaks.reduce((s, p) => s + p.areaPercent, 0)).toBeCloseTo(100, 9);
    for (const truth of spec.peaks) {
      const { peak } = found(truth.name);
      expect(Math.abs(peak.areaPercent - (100 * truth.area) / total), truth.name).toBeLessThan(0.01);
    }
    expect(result.mainPeak!.rt_min).toBeCloseTo(15, 1);
    expect(result.purityPercent).toBe(result.mainPeak!.areaPercent);
    expect(result.totalImpuritiesPercent! + result.purityPercent!).toBeCloseTo(100, 9);
  });

  it("the shoulder pair is resolved at the designed Rs = 1.2 (USP, half-height widths) within 0.02", () => {
    const { peak } = found("shoulder");
    expect(peak.type).toBe("VB");
    expect(Math.abs(peak.resolution! - 1.2)).toBeLessThan(0.02); // measured 1.196
  });

  it("applies the reporting threshold (default 0.05 %): at 0.08 % the 0.053 % impurity drops out", () => {
    expect(HPLC_DEFAULTS.thresholdPct).toBe(0.05);
    const strict = analyzeSpec(spec, { ...DRIFT, thresholdPct: 0.08 });
    expect(strict.peaks).toHaveLength(spec.peaks.length - 1);
    expect(strict.peaks.some((p) => Math.abs(p.rt_min - 6) < 0.05)).toBe(false);
    expect(strict.peaks.reduce((s, p) => s + p.areaPercent, 0)).toBeCloseTo(100, 9);
    // A disregard limit keeps a peak listed but out of the total impurities.
    const disregard = analyzeSpec(spec, { ...DRIFT, disregardLimitPct: 0.15 });
    const small = disregard.peaks.filter((p) => p !== disregard.mainPeak && p.areaPercent < 0.15);
    expect(small.length).toBe(2);
    const summed = disregard.peaks
      .filter((p) => p !== disregard.mainPeak && p.areaPercent >= 0.15)
      .reduce((s, p) => s + p.areaPercent, 0);
    expect(disregard.totalImpuritiesPercent).toBeCloseTo(summed, 12);
  });

  it("relative retention to the main peak and named impurities from a method file", () => {
    const main = result.mainPeak!;
    for (const p of result.peaks) expect(p.rrt).toBeCloseTo(p.rt_min / main.rt_min, 12);
    const csv = "name,rrt,window\nimpurity A,0.40,0.02\nimpurity B,1.667,0.01\nimpurity C,1.2,0.01\n";
    const method = parseHplcMethod(new TextEncoder().encode(csv), "method.csv");
    const named = analyzeSpec(spec, { ...DRIFT, ...methodOptions(method) });
    const byName = (name: string) => named.peaks.find((p) => p.name === name);
    expect(byName("impurity A")!.rt_min).toBeCloseTo(6, 1); // 6 / 15.02 = 0.400
    expect(byName("impurity B")!.rt_min).toBeCloseTo(25, 1); // 25 / 15.02 = 1.664
    expect(byName("impurity C")).toBeUndefined();
    expect(named.warnings.join(" ")).toMatch(/named impurity 'impurity C' \(RRT 1\.2 ± 0\.01\): no peak/);
    expect(named.mainPeak!.name).toBe("main");
    // The JSON method form, with a main-peak window.
    const json = parseHplcMethod(
      new TextEncoder().encode(
        JSON.stringify({ mainPeak: { rt_min: 11, window_min: 0.1, name: "API" }, impurities: [] }),
      ),
      "m.json",
    );
    expect(analyzeSpec(spec, { ...DRIFT, ...methodOptions(json) }).mainPeak!.rt_min).toBeCloseTo(11, 1);
  });
});

describe("USP <621> figures on Gaussian peaks (analytic widths)", () => {
  // Three Gaussians, σ = 0.05 min (W½ = 0.117741 min), flat baseline, noise σ 0.002 mAU; the second pair is
  // placed for Rs = 1.5 exactly: Δt = 1.5 × 2 W½ / 1.18.
  const sigma = 0.05;
  const halfWidth = 2 * Math.sqrt(2 * Math.LN2) * sigma;
  const delta = (1.5 * 2 * halfWidth) / 1.18;
  const spec: SyntheticSpec = {
    points: 6000,
    end_min: 20,
    drift: { offset: 1, slope_per_min: 0, amplitude: 0, period_min: 1 },
    noiseSigma: 0.002,
    seed: 7,
    peaks: [
      { name: "a", mu_min: 5, sigma_min: sigma, tau_min: 0, area: 600 },
      { name: "b", mu_min: 10, sigma_min: sigma, tau_min: 0, area: 300 },
      { name: "c", mu_min: 10 + delta, sigma_min: sigma, tau_min: 0, area: 300 },
    ],
  };
  const result = analyzeSpec(spec); // the default integrator: flat baseline, straight segments

  it("W½ = 2.3548 σ, N = 5.54 (tR / W½)², T = 1, Rs = 1.5 within 1 %; H = A / (σ √2π)", () => {
    expect(result.peaks).toHaveLength(3);
    spec.peaks.forEach((truth, k) => {
      const p = result.peaks[k]!;
      expect(Math.abs(p.widthHalf_min! / halfWidth - 1), truth.name).toBeLessThan(0.01);
      const plates = 5.54 * (truth.mu_min / halfWidth) ** 2;
      expect(Math.abs(p.plates! / plates - 1), truth.name).toBeLessThan(0.02);
      const height = truth.area / 60 / (sigma * Math.sqrt(2 * Math.PI));
      expect(Math.abs(p.height / height - 1), truth.name).toBeLessThan(0.01);
    });
    expect(Math.abs(result.peaks[0]!.tailing! - 1)).toBeLessThan(0.02);
    expect(Math.abs(result.peaks[2]!.resolution! / 1.5 - 1)).toBeLessThan(0.01);
  });

  it("S/N = 2H / h with h the peak-to-peak noise of the quietest 20 W½ window", () => {
    const p = result.peaks[0]!;
    expect(p.signalToNoise).toBeCloseTo((2 * p.height) / result.noise.peakToPeak, 9);
    // h of white noise over ~700 samples is about 6 σ (expected range of 700 normals ≈ 6.4 σ).
    expect(result.noise.peakToPeak / 0.002).toBeGreaterThan(5);
    expect(result.noise.peakToPeak / 0.002).toBeLessThan(8);
  });
});

describe("HPLC_DEFAULTS against the TSDoc @default tags", () => {
  it("every documented default equals the resolved one", () => {
    const source = readFileSync("src/core/analytics/hplc/analyze.ts", "utf8");
    const documented = [...source.matchAll(/@default ("?[\w.]+"?) \*\/\n\s+(\w+)\?:/g)].map((m) => [
      m[2]!,
      JSON.parse(m[1]!),
    ]);
    expect(documented.length).toBeGreaterThanOrEqual(6);
    for (const [name, value] of documented)
      expect(HPLC_DEFAULTS[name as keyof typeof HPLC_DEFAULTS], name).toBe(value);
  });
});
