import { describe, expect, it } from "vitest";
import { ruleOfFive } from "./ruleOfFive.js";

describe("ruleOfFive", () => {
  it("counts Lipinski's four rules, each limit itself allowed", () => {
    // Ixazomib citrate as RDKit computes it (computeProperties.test.ts): 4 NH/OH, 11 N+O, MW 517.1.
    const citrate = ruleOfFive({ averageMass: 517.127, clogp: 1.54, lipinskiHbd: 4, lipinskiHba: 11 });
    expect(citrate.violations).toBe(2);
    expect(citrate.checks.filter((c) => !c.met).map((c) => c.rule)).toEqual(["MW ≤ 500", "HBA ≤ 10"]);
    expect(ruleOfFive({ averageMass: 500, clogp: 5, lipinskiHbd: 5, lipinskiHba: 10 }).violations).toBe(0);
  });
});
