import { describe, expect, it } from "vitest";
import { gaussian, mulberry32 } from "../../random/mulberry32.js";
import { LINEAR_RANGE_DEFAULTS, linearRangeRate } from "./linearRange.js";

const minutes = (n: number) => Float64Array.from({ length: n }, (_, i) => i * 60);

/** Seeded standard normals (mulberry32 + Box–Muller), so the noisy cases are deterministic. */
function normals(n: number, seed: number): Float64Array {
  const rand = mulberry32(seed);
  return Float64Array.from({ length: n }, () => gaussian(rand));
}

describe("linearRangeRate", () => {
  it("has the documented defaults", () => {
    expect(LINEAR_RANGE_DEFAULTS).toEqual({
      minReads: 5,
      maxReads: Number.POSITIVE_INFINITY,
      maxCurvatureT: 3,
      slopeTolerance: 0.1,
    });
  });
  it("keeps every read of a straight progress curve", () => {
    const t = minutes(31);
    const r = linearRangeRate(
      t,
      t.map((s) => 2500 + 40 * s),
      1e6,
    );
    expect(r.nReadsUsed).toBe(31);
    expect(r.linear).toBe(true);
    expect(r.rateRfuPerMin).toBeCloseTo(2400, 9);
    expect(r.r2).toBeCloseTo(1, 12);
  });
  it("stops where substrate depletion has bent the curve by 10 %", () => {
    // Noise-free depletion, rfu = v·τ·(1 − e^(−t/τ)) with τ = 120 min: the slope falls by
    // (t_last − t_first)/τ across a window, so 10 % allows (k − 1) min ≤ 12 min, k = 13 reads.
    const t = minutes(31);
    const tau = 120;
    const rfu = t.map((s) => 2000 * tau * (1 - Math.exp(-s / 60 / tau)));
    const r = linearRangeRate(t, rfu, 1e9);
    expect(r.nReadsUsed).toBe(13);
    expect(r.linear).toBe(true);
    expect(r.slopeChange).toBeLessThanOrEqual(0.1);
    expect(Math.abs(r.curvatureT)).toBeGreaterThan(3);
    // The rate over those reads is close to the initial rate v = 2000 RFU/min.
    expect(r.rateRfuPerMin / 2000).toBeGreaterThan(0.94);
  });
  it("keeps every read of a flat, noisy (fully inhibited) well", () => {
    const t = minutes(31);
    const noise = normals(31, 7);
    const r = linearRangeRate(
      t,
      t.map((s, i) => 2500 + 0.2 * s + 50 * noise[i]!),
      65535,
    );
    expect(r.nReadsUsed).toBe(31);
    expect(r.linear).toBe(true);
  });
  it("uses only reads before saturation and is NaN with fewer than minReads", () => {
    const t = minutes(31);
    const rfu = t.map((s) => 60000 + 20 * s);
    const r = linearRangeRate(t, rfu, 65535);
    expect(r).toMatchObject({ nReadsUsed: 5, saturated: true, linear: true });
    const short = linearRangeRate(t, rfu, 62000);
    expect(short).toMatchObject({ nReadsUsed: 2, saturated: true, linear: false });
    expect(short.rateRfuPerMin).toBeNaN();
  });
  it("rejects bad options", () => {
    const t = minutes(10);
    expect(() => linearRangeRate(t, t, 1e9, { minReads: 3 })).toThrow(
      "linearRange.minReads: expected an integer ≥ 4, found 3",
    );
    expect(() => linearRangeRate(t, t, 1e9, { maxReads: 4 })).toThrow(
      "linearRange.maxReads: expected an integer ≥ minReads (5), found 4",
    );
    expect(() => linearRangeRate(t, t, 1e9, { maxCurvatureT: 0 })).toThrow(
      "linearRange.maxCurvatureT: expected a number > 0, found 0",
    );
  });
});
