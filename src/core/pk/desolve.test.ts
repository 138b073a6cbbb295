// Independent reference: R deSolve lsoda (rtol 1e-12, atol 1e-14 mg) on the same ODEs, written from the
// reference document in scripts/make-pk-fixtures.R. Tolerance 1e-6 relative: lsoda's local error
// control at rtol 1e-12 leaves a global error that grows with the number of steps and restarts (12
// here), and the issue asks for 1e-6 between two correct implementations; agreement is in fact ~1e-9.
import { describe, expect, it } from "vitest";
import { regimenEvents } from "./events.js";
import fixture from "./fixtures/desolve-gupta2017.json" with { type: "json" };
import { findPkModel } from "./models.js";
import { resolveParameters } from "./parameters.js";
import { simulateConcentrations } from "./simulate.js";
import { simulateConcentrationsOde } from "./simulateOde.js";

describe("Gupta 2017 typical subject vs R deSolve lsoda", () => {
  const model = findPkModel(fixture.model);
  const params = resolveParameters(model);
  const events = regimenEvents(fixture.regimen);
  const times = Float64Array.from(fixture.times_h);

  for (const [name, simulate] of [
    ["closed form", simulateConcentrations],
    ["RODAS4 ODE", simulateConcentrationsOde],
  ] as const) {
    it(`${name} agrees to 1e-6 relative at ${times.length} times`, () => {
      const conc = simulate(model, params, events, times);
      fixture.conc_ng_mL.forEach((ref, i) => {
        if (ref === 0)
          expect(conc[i]).toBe(0); // before the lag time
        else expect(Math.abs(conc[i]! / ref - 1), `t = ${times[i]} h`).toBeLessThan(1e-6);
      });
    });
  }
});
