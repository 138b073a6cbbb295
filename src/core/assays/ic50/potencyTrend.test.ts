import { describe, expect, it } from "vitest";
import { type PotencyPoint, potencyTrend } from "./potencyTrend.js";

const point = (ic50_nM: number, k: number, qualifier: string | null = null): PotencyPoint => ({
  analysisId: `run-${k}`,
  createdAt: `2026-12-0${k + 1}T00:00:00Z`,
  ic50_nM,
  ci95_nM: null,
  qualifier,
});

describe("potencyTrend", () => {
  it("takes the geometric mean and ±3 SD of log10 IC50 (2, 4, 8 nM: mean 4, SD log10 2, limits 4·2^±3)", () => {
    const trend = potencyTrend([2, 4, 8].map((v, k) => point(v, k)));
    expect(trend.n).toBe(3);
    expect(trend.geometricMean_nM).toBeCloseTo(4, 12);
    expect(trend.log10Sd).toBeCloseTo(Math.log10(2), 12);
    expect(trend.lower_nM).toBeCloseTo(0.5, 12);
    expect(trend.upper_nM).toBeCloseTo(32, 10);
    expect(trend.points.map((p) => p.outOfLimits)).toEqual([false, false, false]);
  });

  it("leaves qualified IC50s out of the statistics and flags a run outside the limits", () => {
    // 20 runs at 3 nM ± 5 % and one at 30 nM: SD log10 ≈ 0.218, upper limit ≈ 15 nM, so 30 nM is out.
    const steady = Array.from({ length: 20 }, (_, k) => point(3 * (1 + 0.05 * Math.sin(k)), k));
    const trend = potencyTrend([...steady, point(30, 20), point(1000, 21, ">")]);
    expect(trend.n).toBe(21);
    expect(trend.upper_nM).toBeGreaterThan(12);
    expect(trend.upper_nM).toBeLessThan(18);
    expect(trend.points.filter((p) => p.outOfLimits).map((p) => p.ic50_nM)).toEqual([30]);
  });

  it("needs three measured runs for limits", () => {
    expect(potencyTrend([point(3, 0), point(4, 1), point(500, 2, ">")]).lower_nM).toBeNull();
    expect(potencyTrend([]).geometricMean_nM).toBeNull();
  });
});
