import { describe, expect, it } from "vitest";
import { hillFormula } from "./formula.js";

// Hill system (Hill 1900; CAS convention): C, H, then alphabetical; without C, all alphabetical.
describe("hillFormula", () => {
  it("orders C, H, then the rest alphabetically", () => {
    expect(hillFormula({ O: 9, Cl: 2, N: 2, B: 1, H: 23, C: 20 })).toBe("C20H23BCl2N2O9");
  });
  it("orders everything alphabetically without carbon", () => {
    expect(hillFormula({ O: 1, H: 2 })).toBe("H2O");
    expect(hillFormula({ Na: 1, Cl: 1 })).toBe("ClNa");
  });
  it("appends the charge as RDKit does", () => {
    expect(hillFormula({ C: 4, H: 12, N: 1 }, 1)).toBe("C4H12N+");
    expect(hillFormula({ S: 1, O: 4 }, -2)).toBe("O4S-2");
  });
});
