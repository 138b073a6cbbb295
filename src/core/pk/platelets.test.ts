import { describe, expect, it } from "vitest";
import { regimenEvents } from "./events.js";
import reference from "./fixtures/desolve-srimani2022.json" with { type: "json" };
import { findPkModel } from "./models.js";
import { resolveParameters } from "./parameters.js";
import { type PlateletPkParameters, simulatePlatelets } from "./platelets.js";

// Independent reference: R deSolve lsoda (rtol 1e-11) on the same equations, written separately in
// scripts/make-platelet-fixtures.R. Both solvers run at ~1e-10 tolerances, so 1e-7 relative is generous.
const pk = resolveParameters(findPkModel("ixazomib-gupta2017")) as unknown as PlateletPkParameters;
const ixazomib = regimenEvents({ doseMg: 4, days: [1, 8, 15], cycleDays: 28, cycles: 2 });
const lenalidomide = [0, 1].flatMap((c) =>
  Array.from({ length: 21 }, (_, d) => ({ time_h: (c * 28 + d) * 24, amt_mg: 25 })),
);

describe("Srimani 2022 platelet model", () => {
  it("agrees with R deSolve on ixazomib + lenalidomide over two cycles", () => {
    const times = Float64Array.from(reference.times_h);
    const out = simulatePlatelets(pk, ixazomib, lenalidomide, times);
    expect(out.solverStatus).toBe("success");
    reference.platelets_1e9_per_L.forEach((want, i) => {
      expect(
        Math.abs((out.platelets_1e9_per_L[i] ?? 0) / want - 1),
        `t = ${reference.times_h[i]} h`,
      ).toBeLessThan(1e-7);
    });
  });

  it("stays at baseline without drug and dips with ixazomib alone", () => {
    const times = Float64Array.from({ length: 57 }, (_, i) => i * 12);
    const none = simulatePlatelets(pk, [], [], times);
    expect(Math.max(...none.platelets_1e9_per_L.map((p) => Math.abs(p - 203)))).toBeLessThan(1e-6);
    const alone = simulatePlatelets(pk, ixazomib, [], times);
    expect(alone.nadir.platelets_1e9_per_L).toBeLessThan(203);
    expect(alone.nadir.platelets_1e9_per_L).toBeGreaterThan(100);
  });
});
