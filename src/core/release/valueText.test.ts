import { describe, expect, it } from "vitest";
import { valueText } from "./evaluateSpecification.js";

describe("valueText", () => {
  it("prints each criterion's value with the unit it measures in", () => {
    expect(valueText({ type: "hplc.purity", minPercent: 98 }, 99.5)).toBe("99.5 %");
    expect(valueText({ type: "hplc.maxSingleImpurity", maxPercent: 0.15 }, 0.21)).toBe("0.21 %");
    expect(valueText({ type: "ms.ion", ion: "[M+H]+", maxAbsPpm: 5, minIsotopeScore: 0.9 }, 1.35)).toBe(
      "1.35 ppm",
    );
    expect(valueText({ type: "xrpd.form", reference: "Form 2", minScore: 0.9 }, "Form 2")).toBe("Form 2");
    expect(valueText({ type: "hplc.purity", minPercent: 98 }, null)).toBe("—");
  });
});
