import { describe, expect, it } from "vitest";
import type { InputSpec } from "../api.js";
import { visibleInputs } from "./visibleInputs.js";

const spec = (name: string, required = false): InputSpec => ({
  name,
  format: "x",
  description: name,
  required,
});
const inputs = [
  spec("injection1", true),
  spec("injection2", true),
  spec("injection3"),
  spec("injection4"),
  spec("blank"),
];
const names = (chosen: Record<string, unknown>) => visibleInputs(inputs, chosen).map((i) => i.name);

describe("visibleInputs", () => {
  it("opens a numbered series one picker at a time after the required ones", () => {
    expect(names({})).toEqual(["injection1", "injection2", "blank"]);
    expect(names({ injection1: 1, injection2: 1 })).toEqual([
      "injection1",
      "injection2",
      "injection3",
      "blank",
    ]);
    expect(names({ injection1: 1, injection2: 1, injection3: 1 })).toEqual([
      "injection1",
      "injection2",
      "injection3",
      "injection4",
      "blank",
    ]);
  });
  it("keeps a picker that holds a file, and names without a number or with no predecessor", () => {
    expect(names({ injection4: 1 })).toEqual(["injection1", "injection2", "injection4", "blank"]);
    expect(visibleInputs([spec("fcs7"), spec("design")], {}).map((i) => i.name)).toEqual(["fcs7", "design"]);
  });
});
