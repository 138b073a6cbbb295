import { describe, expect, it } from "vitest";
import { applyGatingStrategy } from "./applyGatingStrategy.js";
import { compensate } from "./compensate.js";
import { ellipsoidMask, polygonMask, quadrantMask, rectangleMask } from "./gateMasks.js";
import type { GatingStrategy } from "./types.js";

const f64 = (xs: number[]) => Float64Array.from(xs);

describe("gate masks (Gating-ML 2.0 §4)", () => {
  it("rectangle: min ≤ x < max, missing bounds unbounded (§4.2)", () => {
    const x = f64([0, 1, 1.5, 2, 3]);
    expect([...rectangleMask([x], [{ min: 1, max: 2 }], 5)]).toEqual([0, 1, 1, 0, 0]);
    expect([...rectangleMask([x], [{ min: 2 }], 5)]).toEqual([0, 0, 0, 1, 1]);
    expect([...rectangleMask([x], [{ max: 1 }], 5)]).toEqual([1, 0, 0, 0, 0]);
    expect([...rectangleMask([f64([Number.NaN])], [{}], 1)]).toEqual([0]);
  });

  it("polygon: even-odd rule, self-intersecting polygons included (§4.3)", () => {
    const square: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect([...polygonMask(f64([5, 15, -1, 5]), f64([5, 5, 5, 11]), square)]).toEqual([1, 0, 0, 0]);
    const bowtie: [number, number][] = [
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
    ];
    expect([...polygonMask(f64([2, 5, 8]), f64([5, 2, 5]), bowtie)]).toEqual([1, 0, 1]);
  });

  it("ellipsoid: (x − μ)ᵀC⁻¹(x − μ) ≤ distanceSquare (§4.4)", () => {
    const m = ellipsoidMask(
      [f64([0, 2, 2.01, 0]), f64([0, 0, 0, 1])],
      [0, 0],
      [
        [4, 0],
        [0, 1],
      ],
      1,
      4,
    );
    expect([...m]).toEqual([1, 1, 0, 1]);
  });

  it("quadrant: a value on a divider belongs to the upper side (§4.5)", () => {
    const m = quadrantMask([f64([4.9, 5, 7, 10])], [[5, 10]], [6], 4);
    expect([...m]).toEqual([0, 1, 1, 0]);
  });
});

describe("compensate (§5.2)", () => {
  it("inverts the spillover: observed = true × S", () => {
    const S = [
      [1, 0.1],
      [0.2, 1],
    ];
    const trueA = f64([100, 0]);
    const trueB = f64([0, 50]);
    const obs = {
      D1: f64([100 * S[0]![0]! + 0, 50 * S[1]![0]!]),
      D2: f64([100 * S[0]![1]!, 50 * S[1]![1]!]),
    };
    const c = compensate({ fluorochromes: ["A", "B"], detectors: ["D1", "D2"], coefficients: S }, obs);
    for (let i = 0; i < 2; i++) expect(c.A![i]).toBeCloseTo(trueA[i]!, 12);
    for (let i = 0; i < 2; i++) expect(c.B![i]).toBeCloseTo(trueB[i]!, 12);
  });
});

describe("applyGatingStrategy", () => {
  const events = { X: f64([1, 5, 9, 5]), Y: f64([1, 5, 9, 20]) };
  const dim = (name: string, min?: number, max?: number) => ({
    name,
    compensationRef: "FCS",
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  });
  const strategy: GatingStrategy = {
    transformations: {},
    spectrumMatrices: {},
    gates: [
      { type: "RectangleGate", id: "R", dimensions: [dim("X", 2)] },
      { type: "RectangleGate", id: "Child", parentId: "R", dimensions: [dim("Y", undefined, 10)] },
      {
        type: "QuadrantGate",
        id: "Q",
        dividers: [{ id: "dx", dimension: dim("X"), values: [5] }],
        quadrants: [
          { id: "XN", positions: [{ dividerId: "dx", location: 0 }] },
          { id: "XP", positions: [{ dividerId: "dx", location: 10 }] },
        ],
      },
      { type: "BooleanGate", id: "NotR", operator: "not", references: [{ ref: "R", complement: false }] },
      {
        type: "BooleanGate",
        id: "XPorNotChild",
        operator: "or",
        references: [
          { ref: "XN", complement: false },
          { ref: "Child", complement: true },
        ],
      },
    ],
  };
  const masks = applyGatingStrategy(strategy, events);
  it("nests by parent, gives each quadrant its own mask, combines Boolean references", () => {
    expect([...masks.get("R")!]).toEqual([0, 1, 1, 1]);
    expect([...masks.get("Child")!]).toEqual([0, 1, 1, 0]);
    expect([...masks.get("XN")!]).toEqual([1, 0, 0, 0]);
    expect([...masks.get("XP")!]).toEqual([0, 1, 1, 1]);
    expect(masks.has("Q")).toBe(false);
    expect([...masks.get("NotR")!]).toEqual([1, 0, 0, 0]);
    expect([...masks.get("XPorNotChild")!]).toEqual([1, 0, 0, 1]);
  });
  it("refuses unknown references", () => {
    const bad: GatingStrategy = {
      ...strategy,
      gates: [
        { type: "BooleanGate", id: "B", operator: "not", references: [{ ref: "nope", complement: false }] },
      ],
    };
    expect(() => applyGatingStrategy(bad, events)).toThrow(/nope/);
  });
});
