import { describe, expect, it } from "vitest";
import { summariseAnalysis } from "./analysisSummary.js";

describe("summariseAnalysis", () => {
  it("gives each kind's headline: the suitability verdict, the best formula, the properties", () => {
    const suitability = { pass: false, injections: [{}, {}, {}], checks: [{ pass: true }, { pass: false }] };
    expect(summariseAnalysis("hplc.suitability", suitability)).toEqual([
      ["verdict", "not suitable"],
      ["checks passed", "1 of 2, 3 injections"],
    ]);
    const formula = {
      candidates: [{ formula: "C14H19BCl2N2O4", ppmError: 0.0851 }, { formula: "C18H23Cl3O" }],
    };
    expect(summariseAnalysis("ms.formula", formula)).toEqual([
      ["best formula", "C14H19BCl2N2O4 (0.085 ppm)"],
      ["candidates", "2"],
    ]);
    expect(summariseAnalysis("ms.formula", { candidates: [] })[0]).toEqual([
      "best formula",
      "none in the window",
    ]);
    expect(
      summariseAnalysis("chem.props", { formula: "C2H6O", averageMass: 46.069, clogp: -0.0014, tpsa: 20.23 }),
    ).toEqual([
      ["formula", "C2H6O"],
      ["MW", "46.069 g/mol"],
      ["cLogP", "-0.00140"],
      ["TPSA", "20.2 Å²"],
    ]);
  });

  it("counts a library's structures, unreadable lines and rule-of-five failures", () => {
    expect(
      summariseAnalysis("chem.library", { structures: 3, failed: 1, ruleOfFiveFailures: 0, rows: [] }),
    ).toEqual([
      ["structures", "3"],
      ["unreadable", "1"],
      ["> 1 rule-of-five violation", "0"],
    ]);
  });

  it("reads a result it does not know, or a damaged one, without throwing", () => {
    expect(summariseAnalysis("some.kind", { z: 1, a: "x", nested: { b: 2 } })).toEqual([
      ["a", "x"],
      ["z", "1"],
    ]);
    expect(summariseAnalysis("hplc.analyze", null)).toEqual([
      ["purity", "— % (area)"],
      ["peaks", "—"],
    ]);
  });
});
