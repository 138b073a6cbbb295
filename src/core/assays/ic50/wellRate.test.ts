import { describe, expect, it } from "vitest";
import { olsSlope } from "./olsSlope.js";
import { WELL_RATE_DEFAULTS, type WellRate, wellRate } from "./wellRate.js";

const t = (n: number, offset = 0) => Float64Array.from({ length: n }, (_, i) => i * 60 + offset);

/** Exact inputs give rates exact to rounding: 1e-12 relative. */
function expectRate(r: WellRate, rate: number, nReadsUsed: number, saturated: boolean) {
  expect(Math.abs(r.rateRfuPerMin / rate - 1)).toBeLessThan(1e-12);
  expect({ nReadsUsed: r.nReadsUsed, saturated: r.saturated }).toEqual({ nReadsUsed, saturated });
}

describe("wellRate (DEFINITIONS.md §1)", () => {
  it("has the documented defaults", () => {
    expect(WELL_RATE_DEFAULTS).toEqual({ windowReads: 10, minReads: 3 });
  });
  it("is 60 × the OLS slope over the first 10 reads, with actual (offset) times", () => {
    const time = t(31, 0.7);
    // Linear for 10 reads, then bending: only the first 10 may count.
    const rfu = time.map((s, i) => 100 + 2 * s + (i >= 10 ? -50 * (i - 9) ** 2 : 0));
    expectRate(wellRate(time, rfu, 65535), 120, 10, false);
    expect(wellRate(time, rfu, 65535, { windowReads: 5 }).nReadsUsed).toBe(5);
  });
  it("matches a textbook OLS slope on noisy data (1e-12 relative)", () => {
    const x = Float64Array.of(0, 60.3, 120.1, 180.4, 240.2);
    const y = Float64Array.of(2519, 4948, 7423, 9888, 12283);
    // Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² computed independently with the raw-sums formula.
    const n = x.length;
    const sx = x.reduce((a, b) => a + b);
    const sy = y.reduce((a, b) => a + b);
    const sxy = x.reduce((a, xi, i) => a + xi * y[i]!, 0);
    const sxx = x.reduce((a, xi) => a + xi * xi, 0);
    const reference = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    expect(Math.abs(olsSlope(x, y, 0, n) / reference - 1)).toBeLessThan(1e-12);
    expect(wellRate(x, y, 65535).rateRfuPerMin).toBeCloseTo(60 * reference, 9);
  });
  it("truncates just before the first read ≥ detector_max", () => {
    const time = t(31);
    const rfu = time.map((s) => 60000 + 1000 * (s / 60));
    // Reads 0..5 are 60000…65000; read 6 is 66000 ≥ 65535.
    const r = wellRate(time, rfu, 65535);
    expectRate(r, 1000, 6, true);
    // Exactly detector_max counts as saturated.
    const atMax = Float64Array.of(100, 200, 300, 65535, 500);
    expectRate(wellRate(t(5), atMax, 65535), 100, 3, true);
  });
  it("is NaN with fewer than 3 reads left, and says how many were left", () => {
    const r = wellRate(
      t(31),
      Float64Array.from({ length: 31 }, (_, i) => 65000 + 300 * i),
      65535,
    );
    expect(r.nReadsUsed).toBe(2);
    expect(r.saturated).toBe(true);
    expect(r.rateRfuPerMin).toBeNaN();
    expect(wellRate(t(2), Float64Array.of(1, 2), 65535)).toEqual({
      rateRfuPerMin: Number.NaN,
      nReadsUsed: 2,
      saturated: false,
    });
    // Over-range markers are +Infinity: saturated from the first read.
    expect(wellRate(t(3), Float64Array.of(Number.POSITIVE_INFINITY, 1, 2), 65535).nReadsUsed).toBe(0);
  });
  it("rejects bad options and unsorted times, before any work", () => {
    expect(() => wellRate(t(3), t(3), 1e6, { windowReads: 1 })).toThrow(
      "windowReads: expected an integer ≥ 2, found 1",
    );
    expect(() => wellRate(t(3), t(3), 1e6, { windowReads: 2 })).toThrow(
      "windowReads: expected at least minReads (3) reads, found 2. Every rate would be undefined",
    );
    expect(() => wellRate(t(3), t(3), 1e6, { minReads: 2.5 })).toThrow(
      "minReads: expected an integer ≥ 2, found 2.5",
    );
    expect(() => wellRate(Float64Array.of(0, 120, 60), t(3), 1e6)).toThrow(
      "reads: expected times in ascending order, found 60 s after 120 s",
    );
  });
});
