import { describe, expect, it } from "vitest";
import { InputError, NotFoundError, ValidationError } from "../errors.js";
import { regimenEvents } from "./events.js";
import { findPkModel, PK_MODELS } from "./models.js";
import { resolveParameters } from "./parameters.js";
import { simulateConcentrations } from "./simulate.js";

const gupta = findPkModel("ixazomib-gupta2017");

describe("built-in models (values from ../shared/reference/ixazomib-pk-pd.md)", () => {
  it("lists exactly the two ixazomib models", () => {
    expect(PK_MODELS.map((m) => m.id)).toEqual(["ixazomib-gupta2017", "ixazomib-gupta2015"]);
  });

  it("Gupta 2017: typical values, IIV, BSA covariate and residual error", () => {
    expect(resolveParameters(gupta)).toEqual({
      ka: 0.34,
      CL: 1.86,
      V2: 13.7,
      Q3: 5.18,
      V3: 309,
      Q4: 26.1,
      V4: 205,
      F: 0.58,
      tlag: 13 / 60,
    });
    expect(gupta.iiv).toEqual({
      names: ["CL", "F", "V4"],
      omega: [0.17697, 0.2255, 0, 0.2255, 0.42726, 0, 0, 0, 0.48492],
    });
    // Correlation of log CL and log F 0.82.
    expect(0.2255 / Math.sqrt(0.17697 * 0.42726)).toBeCloseTo(0.82, 2);
    expect(gupta.covariates).toMatchObject([
      { name: "BSA", reference: 1.87, appliesTo: "V4", exponent: 2.06 },
    ]);
    expect(gupta.residualError).toEqual({
      kind: "log-additive-time-varying",
      sd0: 0.46,
      sd1: 1.9,
      ksd_per_h: 0.84,
    });
  });

  it("Gupta 2015: typical values, no lag, %BSV as ω² = ln(1 + CV²)", () => {
    const m = findPkModel("ixazomib-gupta2015");
    expect(resolveParameters(m)).toEqual({
      ka: 0.5,
      CL: 2.0,
      V2: 14.3,
      Q3: 9.7,
      V3: 412,
      Q4: 22.3,
      V4: 83.4,
      F: 0.6,
    });
    expect(m.iiv.names).toEqual(["CL", "V2", "V4", "ka", "F"]);
    expect(m.iiv.omega[0]).toBeCloseTo(Math.log(1 + 0.423 ** 2), 15);
    expect(m.covariates).toMatchObject([{ name: "BSA", reference: 1.9, exponent: 2.3, appliesTo: "V4" }]);
  });

  it("findPkModel names the known ids", () => {
    expect(() => findPkModel("bortezomib")).toThrow(NotFoundError);
    expect(() => findPkModel("bortezomib")).toThrow(
      "PK model 'bortezomib' not found. Known models: ixazomib-gupta2017, ixazomib-gupta2015",
    );
  });
});

describe("resolveParameters", () => {
  it("applies overrides, then the BSA effect on V4", () => {
    const p = resolveParameters(gupta, { CL: 1.05, V4: 200 }, { BSA: 2.0 });
    expect(p.CL).toBe(1.05);
    expect(p.V4).toBeCloseTo(200 * (2.0 / 1.87) ** 2.06, 12);
    expect(resolveParameters(gupta, {}, { BSA: 1.87 }).V4).toBe(205);
    expect(resolveParameters(gupta, { tlag: 0 }).tlag).toBe(0);
  });

  it("rejects unknown names and non-positive values, verbatim", () => {
    const call = () => resolveParameters(gupta, { Cl: 1, V2: 0, F: -1, ka: Number.NaN }, { WT: 70 });
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(InputError);
    expect(call).toThrow(
      "invalid parameters for model 'ixazomib-gupta2017': " +
        "overrides.Cl: unknown parameter; known: ka, CL, V2, Q3, V3, Q4, V4, F, tlag; " +
        "overrides.V2: must be a finite number > 0, found 0; " +
        "overrides.F: must be a finite number > 0, found -1; " +
        "overrides.ka: must be a finite number > 0, found NaN; " +
        "covariates.WT: unknown covariate; known: BSA",
    );
  });

  it("the simulators reject missing or bad parameters and unsorted times", () => {
    const events = regimenEvents({ doseMg: 4, days: [1], cycleDays: 28, cycles: 1 });
    const { CL: _, ...noCl } = resolveParameters(gupta);
    expect(() => simulateConcentrations(gupta, noCl, events, Float64Array.of(1))).toThrow(
      "invalid parameters for model 'ixazomib-gupta2017': params.CL: missing",
    );
    expect(() =>
      simulateConcentrations(gupta, resolveParameters(gupta), events, Float64Array.of(2, 1)),
    ).toThrow("times_h[1]: times must be sorted ascending, found 1 after 2");
  });
});
