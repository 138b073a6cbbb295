import { describe, expect, it } from "vitest";
import { spectrumEnvelope } from "./envelope.js";

describe("spectrumEnvelope", () => {
  it("keeps each bucket's lowest and highest point in point order, with their ppm", () => {
    const y = Float64Array.from([0, 5, 1, -2, 3, 3, 9, 0, 1]);
    const e = spectrumEnvelope(y, 10, -0.5, 3); // buckets of 3 points
    expect(Array.from(e.y)).toEqual([0, 5, -2, 3, 9, 0]);
    expect(Array.from(e.ppm)).toEqual([10, 9.5, 8.5, 8, 7, 6.5]);
  });

  it("keeps a one-point line at its full height and never exceeds 2 × buckets points", () => {
    const y = new Float64Array(131072);
    y[70001] = 100;
    const e = spectrumEnvelope(y, 12, -1e-4, 2000);
    expect(e.y.length).toBeLessThanOrEqual(4000);
    expect(Math.max(...e.y)).toBe(100);
    expect(e.ppm[Array.from(e.y).indexOf(100)]).toBeCloseTo(12 - 70001e-4, 12);
  });

  it("passes a short spectrum through whole and a flat bucket as one point", () => {
    expect(Array.from(spectrumEnvelope(Float64Array.from([1, 2]), 0, 1, 10).y)).toEqual([1, 2]);
    expect(spectrumEnvelope(new Float64Array(6), 0, 1, 2).y.length).toBe(2);
  });
});
