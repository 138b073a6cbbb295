import { describe, expect, it } from "vitest";
import { parseNormalizedCsv } from "./parseNormalizedCsv.js";

const HEADER = "plate,well,compound,conc_nM,pct_activity\n";

describe("normalised data CSV", () => {
  it("reads points, allowing conc 0 (the x → 0 limit) and % activity outside 0–100", () => {
    expect(parseNormalizedCsv(`${HEADER}P,A03,ixazomib,0,104.5\nP,A4,ixazomib,1e-1,-3\n`, "n.csv")).toEqual([
      { plate: "P", well: "A3", compound: "ixazomib", conc_nM: 0, pctActivity: 104.5 },
      { plate: "P", well: "A4", compound: "ixazomib", conc_nM: 0.1, pctActivity: -3 },
    ]);
  });
  it("names file, line and column of each kind of bad input", () => {
    const cases: [string, string][] = [
      ["P,A1,x,-1,5\n", "n.csv: line 2, column 4 (conc_nM): expected a concentration in nM ≥ 0, found '-1'"],
      ["P,A1,x,1,n/a\n", "n.csv: line 2, column 5 (pct_activity): expected a number, found 'n/a'"],
      ["P,A1,,1,5\n", "n.csv: line 2, column 3 (compound): expected a compound name, found an empty field"],
      [
        "P,Z0,x,1,5\n",
        "n.csv: line 2, column 2 (well): expected a well id A1…AF48 (e.g. B7 or B07), found 'Z0'",
      ],
      [
        "P,A1,x,1,5\nP,A1,x,2,6\n",
        "n.csv: line 3, column 2 (well): expected each plate and well once, found a second row for plate P well A1 (the first is on line 2)",
      ],
      ["", "n.csv: line 2: expected rows below the header, found none"],
    ];
    for (const [body, message] of cases)
      expect(() => parseNormalizedCsv(HEADER + body, "n.csv"), body).toThrow(message);
  });
});
