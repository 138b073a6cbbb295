import { describe, expect, it } from "vitest";
import { approximateQuadrants, positionOf, valueAt } from "./flowMath.js";
import type { DensityJson } from "./types.js";

const edges = [-10, 0, 10, 100, 1000, 10000];

/** A 5×5 density with one event per cell (and 2 gated NaN events), values between the edges above. */
function density(): DensityJson {
  const axis = { scale: { kind: "logicle", T: 10000, W: 0.5, M: 4.5, A: 0 }, edges, ticks: [] } as const;
  return {
    bins: 5,
    counts: Array.from({ length: 25 }, () => 1),
    maxCount: 1,
    binned: 25,
    events: 30,
    gatedEvents: 27,
    x: axis,
    y: axis,
  } as unknown as DensityJson;
}

describe("density helpers", () => {
  it("maps values to positions through the bin edges and back", () => {
    expect(positionOf(edges, 0)).toBe(0.2);
    expect(positionOf(edges, 55)).toBeCloseTo(0.5, 12);
    expect(positionOf(edges, -1e6)).toBe(0);
    expect(positionOf(edges, 1e6)).toBe(1);
    for (const v of [-5, 3, 42, 999, 5000]) expect(valueAt(edges, positionOf(edges, v))).toBeCloseTo(v, 9);
  });

  it("counts whole cells exactly when the thresholds lie on bin edges", () => {
    // Annexin ≥ 100 keeps columns 3–4, PI ≥ 10 keeps rows 2–4: 2×3 late, 2×2 early, 3×3 necrotic.
    const q = approximateQuadrants(density(), [100, 10]);
    expect(q.lateApoptotic.count).toBe(6);
    expect(q.earlyApoptotic.count).toBe(4);
    expect(q.necrotic.count).toBe(9);
    expect(q.live.count).toBe(27 - 19);
    expect(
      q.live.percent + q.earlyApoptotic.percent + q.lateApoptotic.percent + q.necrotic.percent,
    ).toBeCloseTo(100, 12);
  });

  it("shares a split bin in proportion", () => {
    const q = approximateQuadrants(density(), [55, 1e9]);
    // Column 2 is split in half: 2.5 columns × 5 rows are Annexin V+.
    expect(q.earlyApoptotic.count).toBeCloseTo(12.5, 12);
  });
});
