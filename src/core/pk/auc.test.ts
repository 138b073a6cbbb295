// Exact AUC against an independent quadrature of the closed-form concentration: composite 5-point
// Gauss–Legendre on 0.25 h panels split at every dose arrival (the integrand is smooth on each panel, so
// the quadrature error is ~1e-14 relative); tolerance 1e-10 relative.
import { describe, expect, it } from "vitest";
import type { DosingEvent } from "./events.js";
import { regimenEvents } from "./events.js";
import type { PkModel } from "./model.js";
import { findPkModel } from "./models.js";
import { resolveParameters } from "./parameters.js";
import { exactAuc, simulateConcentrations } from "./simulate.js";

const NODES = [0.046910077030668004, 0.23076534494715845, 0.5, 0.7692346550528415, 0.953089922969332];
const WEIGHTS = [
  0.11846344252809454, 0.23931433524968324, 0.28444444444444444, 0.23931433524968324, 0.11846344252809454,
];

function quadratureAuc(
  model: PkModel,
  params: Record<string, number>,
  events: DosingEvent[],
  [t0, t1]: [number, number],
  breaks: number[],
): number {
  const cuts = [...new Set([t0, t1, ...breaks.filter((b) => b > t0 && b < t1)])].sort((a, b) => a - b);
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const panels = Math.max(1, Math.ceil((cuts[k + 1]! - cuts[k]!) / 0.25));
    const h = (cuts[k + 1]! - cuts[k]!) / panels;
    for (let p = 0; p < panels; p++) {
      for (let q = 0; q < 5; q++) {
        nodes.push(cuts[k]! + (p + NODES[q]!) * h);
        weights.push(WEIGHTS[q]! * h);
      }
    }
  }
  const conc = simulateConcentrations(model, params, events, Float64Array.from(nodes));
  return weights.reduce((sum, w, i) => sum + w * conc[i]!, 0);
}

describe("exactAuc", () => {
  const model = findPkModel("ixazomib-gupta2017");
  const typical = resolveParameters(model);
  const tlag = typical.tlag!;

  it("matches quadrature for the approved regimen, windows in any order and overlapping", () => {
    const events = regimenEvents({ doseMg: 4, days: [1, 8, 15], cycleDays: 28, cycles: 6 });
    const windows: [number, number][] = [
      [3696, 3864],
      [0, 168],
      [0.1, 0.2],
      [100, 700],
      [336, 504],
      [500, 500],
    ];
    const auc = exactAuc(model, typical, events, windows);
    const breaks = events.map((e) => e.time_h + tlag);
    windows.forEach((w, i) => {
      const q = quadratureAuc(model, typical, events, w, breaks);
      if (q === 0) expect(auc[i]).toBe(0);
      else expect(Math.abs(auc[i]! / q - 1), `window ${w}`).toBeLessThan(1e-10);
    });
  });

  it("matches quadrature with infusions into depot and central, and with ka near an eigenvalue", () => {
    const events: DosingEvent[] = [
      { time_h: 0, amt_mg: 4, cmt: 1, evid: 1 },
      { time_h: 5, amt_mg: 3, cmt: 2, evid: 1, rate_mg_per_h: 1.2 },
      { time_h: 30, amt_mg: 2, cmt: 1, evid: 1, rate_mg_per_h: 0.5 },
    ];
    const breaks = [tlag, 5, 7.5, 30 + tlag, 30 + tlag + (0.58 * 2) / 0.5];
    for (const ka of [0.34, Math.LN2 / 18.628618980718667, Math.LN2 / 18.628618980718667 + 1e-7]) {
      const params = { ...typical, ka };
      for (const w of [
        [0, 48],
        [6, 31],
        [7, 7.000001],
      ] as [number, number][]) {
        const [auc] = exactAuc(model, params, events, [w]);
        const q = quadratureAuc(model, params, events, w, breaks);
        expect(Math.abs(auc! / q - 1), `ka ${ka}, window ${w}`).toBeLessThan(1e-10);
      }
    }
  });

  it("rejects bad windows", () => {
    expect(() => exactAuc(model, typical, [], [[5, 1]])).toThrow(
      "windows[0]: expected finite hours with t0 ≤ t1, found [5, 1]",
    );
  });
});
