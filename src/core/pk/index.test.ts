import { describe, expect, it } from "vitest";
import * as pk from "./index.js";

describe("src/core/pk public surface", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(pk).sort()).toMatchInlineSnapshot(`
      [
        "FIND_PEAK_DEFAULTS",
        "INHIBITION_DEFAULTS",
        "ODE_DEFAULTS",
        "ODE_SIMULATION_DEFAULTS",
        "PK_MODELS",
        "SRIMANI_2022",
        "beta5Inhibition",
        "centralCompartment",
        "compartmentCount",
        "compileSchedule",
        "concentrationsPrepared",
        "dispositionSummary",
        "exactAuc",
        "exactAucPrepared",
        "findPeak",
        "findPkModel",
        "linearPkOdeSystem",
        "luDecompose",
        "luSolve",
        "peakOf",
        "prepareLinearPk",
        "regimenEvents",
        "resolveParameters",
        "scheduleFor",
        "simulateConcentrations",
        "simulateConcentrationsOde",
        "simulatePlatelets",
        "solveOde",
        "structuralParameterNames",
      ]
    `);
  });
});
