import { describe, expect, it } from "vitest";
import { coProductText, groupCoProducts } from "./coProducts.js";

const water = { name: "water", formula: "H2O" };
const hcl = { name: "hydrogen chloride", formula: "ClH" };

describe("groupCoProducts", () => {
  it("counts identical co-products in first-seen order", () => {
    expect(groupCoProducts([water, hcl, water])).toEqual([
      { count: 2, name: "water", formula: "H2O" },
      { count: 1, name: "hydrogen chloride", formula: "ClH" },
    ]);
    expect(coProductText([water, water])).toBe("2 H2O (water)");
    expect(coProductText([hcl])).toBe("ClH (hydrogen chloride)");
    expect(coProductText([])).toBe("");
  });
});
