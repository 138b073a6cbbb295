import { describe, expect, it } from "vitest";
import { findPkModel } from "../models.js";
import { resolveParameters } from "../parameters.js";
import { simulateConcentrations } from "../simulate.js";
import { nca } from "./nca.js";

// Cross-layer check: NCA of the Gupta 2017 typical subject after one 4 mg dose, sampled like a rich
// phase 1 study, recovers the model's own exposure (AUC0–∞ = F·Dose/CL = 1247.3 ng·h/mL, CL/F = 3.21 L/h)
// and terminal half-life (224.5 h). Tolerances: the trapezoid error of the sparse design (≤ 2 %), and
// for t½ the pull of the 18.6 h phase on the first λz points (≤ 5 %).
describe("nca on a simulated Gupta 2017 profile", () => {
  it("recovers AUCinf, CL/F and the terminal half-life", () => {
    const model = findPkModel("ixazomib-gupta2017");
    const params = resolveParameters(model);
    const time_h = Float64Array.of(
      0,
      0.5,
      1,
      1.5,
      2,
      3,
      4,
      6,
      8,
      12,
      24,
      48,
      72,
      96,
      168,
      336,
      504,
      672,
      1008,
      1344,
      2016,
    );
    const conc = simulateConcentrations(model, params, [{ time_h: 0, amt_mg: 4, cmt: 1, evid: 1 }], time_h);
    const r = nca(time_h, conc, { doseMg: 4 });
    const aucTrue = (params.F! * 4 * 1000) / params.CL!;
    expect(aucTrue).toBeCloseTo(1247.3, 1);
    expect(Math.abs(r.aucinf! / aucTrue - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.clF! / (params.CL! / params.F!) - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.halfLife! / 224.5 - 1)).toBeLessThan(0.05);
    expect(r.aucPctExtrap!).toBeLessThan(20);
  });
});
