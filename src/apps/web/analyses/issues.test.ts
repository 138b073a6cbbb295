import { describe, expect, it } from "vitest";
import { issuesByField, issuesByInput } from "./issues.js";

const issues = [
  { path: "parameters.smiles", message: "give exactly one of smiles or molfile" },
  { path: "inputs.reads", message: "required: kinetic reads" },
  { path: "inputs.layout.row 3", message: "unknown role 'foo'" },
  { path: "inputs.layout", message: "required: plate layout" },
  { path: "parameters.windowReads", message: "too small" },
  { path: "", message: "general" },
];

describe("issuesByField", () => {
  it("puts parameter issues at their field and leaves input issues alone", () => {
    expect(issuesByField(issues, new Set(["smiles", "windowReads", "reads"]))).toEqual({
      smiles: "give exactly one of smiles or molfile",
      windowReads: "too small",
    });
  });
});

describe("issuesByInput", () => {
  it("puts inputs.<name> issues at that input, several joined", () => {
    expect(issuesByInput(issues, new Set(["reads", "layout", "plates", "smiles"]))).toEqual({
      reads: "required: kinetic reads",
      layout: "unknown role 'foo'; required: plate layout",
    });
  });
});
