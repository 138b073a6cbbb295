import { describe, expect, it } from "vitest";
import { analyzeChromatogram, type SyntheticSpec } from "../src/core/analytics/hplc/index.js";
import { parseHplcMethod } from "../src/io/chromatogram/index.js";
import { syntheticChromatogram } from "./helpers/hplcFixtures.js";

// Relative response factors of named impurities: a seeded run where the true amounts are known and each
// impurity's peak area is its amount times its response factor. Corrected area % must give the amounts.
const amounts = { main: 1000, "impurity A": 4, "impurity B": 2, "impurity C": 0.8 };
const rrf = { "impurity A": 0.5, "impurity B": 1.25, "impurity C": 0.5 };
const spec: SyntheticSpec = {
  points: 9000,
  end_min: 20,
  drift: { offset: 0.5, slope_per_min: 0, amplitude: 0, period_min: 1 },
  noiseSigma: 0.0005,
  seed: 9,
  peaks: [
    { name: "impurity A", mu_min: 8, sigma_min: 0.04, tau_min: 0.01, area: 4 * 0.5 },
    { name: "main", mu_min: 10, sigma_min: 0.04, tau_min: 0.01, area: 1000 },
    { name: "impurity B", mu_min: 12, sigma_min: 0.04, tau_min: 0.01, area: 2 * 1.25 },
    // Raw 0.04 % (below the 0.05 % threshold), corrected 0.08 %: reported only with its factor.
    { name: "impurity C", mu_min: 14, sigma_min: 0.04, tau_min: 0.01, area: 0.8 * 0.5 },
  ],
};
const chromatogram = syntheticChromatogram(spec);
const method = (withRrf: boolean) =>
  parseHplcMethod(
    new TextEncoder().encode(
      `name,rrt,window${withRrf ? ",rrf" : ""}\n` +
        [
          ["impurity A", 0.8, rrf["impurity A"]],
          ["impurity B", 1.2, rrf["impurity B"]],
          ["impurity C", 1.4, rrf["impurity C"]],
        ]
          .map(([name, rrt, f]) => `${name},${rrt},0.01${withRrf ? `,${f}` : ""}`)
          .join("\n"),
    ),
    "method.csv",
  );

describe("relative response factors", () => {
  const total = Object.values(amounts).reduce((s, v) => s + v, 0);

  it("corrected area % equals the amounts' %, and a corrected impurity crosses the reporting threshold", () => {
    const result = analyzeChromatogram(chromatogram, method(true));
    const byName = Object.fromEntries(result.peaks.map((p) => [p.name, p]));
    for (const [name, amount] of Object.entries(amounts)) {
      expect(byName[name], name).toBeDefined();
      expect(Math.abs(byName[name]!.areaPercent - (100 * amount) / total), name).toBeLessThan(0.005);
    }
    expect(byName["impurity A"]!.rrf).toBe(0.5);
    expect(result.peaks.reduce((s, p) => s + p.areaPercent, 0)).toBeCloseTo(100, 9);
  });

  it("without the factors the raw areas rule, and impurity C is below the threshold (with a warning)", () => {
    const result = analyzeChromatogram(chromatogram, method(false));
    const byName = Object.fromEntries(result.peaks.map((p) => [p.name, p]));
    const rawTotal = spec.peaks.reduce((s, p) => s + p.area, 0);
    expect(Math.abs(byName["impurity A"]!.areaPercent - (100 * 2) / (rawTotal - 0.4))).toBeLessThan(0.005);
    expect(byName["impurity C"]).toBeUndefined();
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/'impurity C' .* below the reporting threshold/),
    );
  });

  it("refuses a response factor that is not positive, naming the line", () => {
    expect(() =>
      parseHplcMethod(new TextEncoder().encode("name,rrt,window,rrf\nimpurity A,0.8,0.01,0\n"), "m.csv"),
    ).toThrow(/m\.csv.*line 2, column 4.*relative response factor > 0/);
  });
});
