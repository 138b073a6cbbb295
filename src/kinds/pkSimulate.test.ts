import { describe, expect, it } from "vitest";
import { systemRunContext } from "../apps/shared/runContext.js";
import { pkSimulateKind } from "./pkSimulate.js";

describe("pk.simulate firstDose", () => {
  it("is the single-dose peak (1.28 h, 18.0 ng/mL after 4 mg, as gupta2017.test.ts finds it) on the 6-cycle label regimen", async () => {
    const params = pkSimulateKind.parameters.parse({ doseMg: 4, days: [1, 8, 15], cycleDays: 28, cycles: 6 });
    const { result } = await pkSimulateKind.run(params, {}, systemRunContext());
    expect(result.firstDose.tmax_h).toBeCloseTo(1.28, 2);
    expect(result.firstDose.cmax_ng_mL).toBeCloseTo(18.0, 1);
    // The regimen's overall peak comes late, after accumulation: not the label's "Tmax after a dose".
    expect(result.summary.tmax_h).toBeGreaterThan(24 * 28 * 5);
    expect(result.summary.cmax_ng_mL).toBeGreaterThan(result.firstDose.cmax_ng_mL);
  });

  it("measures Tmax from the first dose when the regimen starts on a later day", async () => {
    const params = pkSimulateKind.parameters.parse({ doseMg: 4, days: [3], cycleDays: 7, cycles: 1 });
    const { result } = await pkSimulateKind.run(params, {}, systemRunContext());
    expect(result.firstDose.tmax_h).toBeCloseTo(1.28, 2);
  });
});
