// Two implementations that must agree: the closed form against the RODAS4 integration of the same ODEs
// (mrgsolve's test-pkmodel.R idea), to 1e-8 relative on concentrations above 1e-6 ng/mL. The ODE runs at
// rtol 1e-11 / atol 1e-20 mg (purely relative control, so the 1e-6 ng/mL floor
// is far above what atol lets through) and its own global error (~1e-11, measured) is well inside 1e-8.
import { describe, expect, it } from "vitest";
import type { DosingEvent } from "./events.js";
import { regimenEvents } from "./events.js";
import type { PkModel } from "./model.js";
import { findPkModel, PK_MODELS } from "./models.js";
import { resolveParameters } from "./parameters.js";
import { simulateConcentrations } from "./simulate.js";
import { simulateConcentrationsOde } from "./simulateOde.js";

const FLOOR_NG_ML = 1e-6;
const TOL = 1e-8;
const ODE = { rtol: 1e-11, atol: 1e-20 };

function maxRelativeDifference(
  model: PkModel,
  params: Record<string, number>,
  events: DosingEvent[],
  times: Float64Array,
): { max: number; compared: number } {
  const a = simulateConcentrations(model, params, events, times);
  const b = simulateConcentrationsOde(model, params, events, times, ODE);
  let max = 0;
  let compared = 0;
  for (let i = 0; i < times.length; i++) {
    if (Math.abs(a[i]!) < FLOOR_NG_ML) {
      expect(Math.abs(b[i]!)).toBeLessThan(FLOOR_NG_ML);
      continue;
    }
    compared++;
    max = Math.max(max, Math.abs(b[i]! / a[i]! - 1));
  }
  return { max, compared };
}

const hourly = Float64Array.from({ length: 4033 }, (_, i) => i);
const approved = regimenEvents({ doseMg: 4, days: [1, 8, 15], cycleDays: 28, cycles: 6 });

function ivModel(compartments: 1 | 2 | 3): PkModel {
  const all = [
    ["CL", 1.86],
    ["V2", 13.7],
    ["Q3", 5.18],
    ["V3", 309],
    ["Q4", 26.1],
    ["V4", 205],
  ] as const;
  return {
    id: `test-iv-${compartments}`,
    title: "test IV model",
    source: "test",
    compartments,
    absorption: "iv",
    parameters: all.slice(0, 2 * compartments).map(([name, value]) => ({
      name,
      value,
      unit: "",
      description: "",
      source: "test",
    })),
    iiv: { names: [], omega: [] },
    covariates: [],
    residualError: null,
  };
}

describe("closed form vs ODE (1e-8 relative)", () => {
  for (const model of PK_MODELS) {
    it(`${model.id}: 4 mg days 1/8/15, 28-day cycles × 6, hourly to 4,032 h`, () => {
      const { max, compared } = maxRelativeDifference(model, resolveParameters(model), approved, hourly);
      expect(compared).toBeGreaterThan(4000);
      expect(max).toBeLessThan(TOL);
    });
  }

  const gupta = findPkModel("ixazomib-gupta2017");
  const typical = resolveParameters(gupta);
  const fine = Float64Array.from({ length: 2001 }, (_, i) => i * 0.25);

  it("IV bolus into the central compartment (cmt 2) of the oral model, with a 4 mg oral dose", () => {
    const events: DosingEvent[] = [
      { time_h: 0, amt_mg: 4, cmt: 1, evid: 1 },
      { time_h: 30.5, amt_mg: 1.5, cmt: 2, evid: 1, ii_h: 72, addl: 3 },
    ];
    expect(maxRelativeDifference(gupta, typical, events, fine).max).toBeLessThan(TOL);
  });

  it("zero-order infusions into the central compartment and into the depot, overlapping", () => {
    const events: DosingEvent[] = [
      { time_h: 2, amt_mg: 3, cmt: 2, evid: 1, rate_mg_per_h: 1.2 }, // 2.5 h
      { time_h: 3, amt_mg: 2, cmt: 1, evid: 1, rate_mg_per_h: 0.5 }, // F·2/0.5 = 2.32 h, after tlag
      { time_h: 100.1, amt_mg: 1, cmt: 2, evid: 1, rate_mg_per_h: 0.1, ii_h: 48, addl: 2 },
    ];
    expect(maxRelativeDifference(gupta, typical, events, fine).max).toBeLessThan(TOL);
  });

  it("reset (evid 4) cancels pending doses and running infusions", () => {
    const events: DosingEvent[] = [
      { time_h: 0, amt_mg: 4, cmt: 1, evid: 1 },
      { time_h: 50, amt_mg: 2, cmt: 2, evid: 1, rate_mg_per_h: 0.05 },
      { time_h: 100, amt_mg: 4, cmt: 1, evid: 4 },
    ];
    const conc = simulateConcentrations(gupta, typical, events, Float64Array.of(100, 100.2, 100.3));
    expect(conc[0]).toBe(0);
    expect(conc[1]).toBe(0); // within the lag time, and the infusion was cancelled
    expect(conc[2]).toBeGreaterThan(0);
    expect(maxRelativeDifference(gupta, typical, events, fine).max).toBeLessThan(TOL);
  });

  it("ka equal to a disposition eigenvalue (defective full system) and near it", () => {
    const base = resolveParameters(gupta, { tlag: 0 });
    for (const delta of [0, 1e-9, 1e-5, 1e-2]) {
      // ka set to the middle disposition rate constant ln2/18.63 h.
      const ka = Math.LN2 / 18.628618980718667 + delta;
      const params = { ...base, ka };
      expect(maxRelativeDifference(gupta, params, approved.slice(0, 6), fine).max).toBeLessThan(TOL);
    }
  });

  for (const compartments of [1, 2, 3] as const) {
    it(`IV ${compartments}-compartment model: bolus and infusion (cmt 1)`, () => {
      const model = ivModel(compartments);
      const events: DosingEvent[] = [
        { time_h: 0, amt_mg: 2, cmt: 1, evid: 1 },
        { time_h: 24, amt_mg: 2, cmt: 1, evid: 1, rate_mg_per_h: 4 },
      ];
      expect(maxRelativeDifference(model, resolveParameters(model), events, fine).max).toBeLessThan(TOL);
    });
  }
});
