import { describe, expect, it } from "vitest";
import { ixalab } from "./helpers/cli.js";

// The synthesis CLI contract (issue 8): exact keys, and plan masses consistent with the route's equivalents.
const json = (args: string[]) => {
  const run = ixalab([...args, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe("ixalab synthesis route", () => {
  it("prints the four balanced steps with the contract's keys", () => {
    const out = json(["synthesis", "route", "ixazomib-citrate"]);
    expect(Object.keys(out)).toEqual(["steps"]);
    expect(out.steps).toHaveLength(4);
    for (const step of out.steps) {
      expect(Object.keys(step)).toEqual([
        "index",
        "name",
        "reactionSmiles",
        "balanced",
        "inputs",
        "product",
        "expectedYieldPct",
      ]);
      expect(step.balanced).toBe(true);
      for (const input of step.inputs)
        expect(Object.keys(input)).toEqual(["name", "smiles", "role", "equivalents"]);
      expect(Object.keys(step.product)).toEqual(["name", "smiles"]);
      expect(step.inputs.filter((i: { role: string }) => i.role === "limiting")).toHaveLength(1);
    }
    expect(out.steps.map((s: { product: { name: string } }) => s.product.name)).toEqual([
      "N-(2,5-dichlorobenzoyl)glycine",
      "ixazomib (1S,2S,3R,5S)-pinanediol ester",
      "ixazomib",
      "ixazomib citrate",
    ]);
  });

  it("exits 2 with one line for an unknown route", () => {
    const run = ixalab(["synthesis", "route", "aspirin", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("ixalab: route 'aspirin' not found. Known routes: ixazomib-citrate");
  });
});

describe("ixalab synthesis plan", () => {
  it("plans back from the target with the contract's keys; equivalents hold to 1e-9", () => {
    const out = json([
      "synthesis",
      "plan",
      "ixazomib-citrate",
      "--target-g",
      "50",
      "--yields",
      "85,80,90,88",
    ]);
    expect(Object.keys(out)).toEqual(["steps", "overallYieldPct", "pmi"]);
    const route = json(["synthesis", "route", "ixazomib-citrate"]);
    const close = (a: number, b: number) =>
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
    close(out.overallYieldPct, 85 * 0.8 * 0.9 * 0.88);
    close(out.steps[3].product.g, 50);
    for (const [k, step] of out.steps.entries()) {
      expect(Object.keys(step)).toEqual(["index", "inputs", "product"]);
      expect(Object.keys(step.product)).toEqual(["mol", "g"]);
      const limiting = step.inputs[0];
      for (const [j, input] of step.inputs.entries()) {
        expect(Object.keys(input)).toEqual(["name", "mol", "g", "mL"]);
        const def = route.steps[k].inputs[j];
        if (def.role !== "solvent") close(input.mol, limiting.mol * def.equivalents);
      }
      if (k > 0) close(limiting.mol, out.steps[k - 1].product.mol);
    }
    expect(out.pmi).toBeGreaterThan(1);
  });

  it("exits 2 naming the flag for bad yields or target", () => {
    const few = ixalab(["synthesis", "plan", "ixazomib-citrate", "--target-g", "5", "--yields", "85,80"]);
    expect(few.code).toBe(2);
    expect(few.stderr.trim()).toBe(
      "ixalab: yields: expected 4 values (one per step of ixazomib-citrate), found 2",
    );
    const bad = ixalab(["synthesis", "plan", "ixazomib-citrate", "--target-g", "-1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("target mass: expected a positive number of grams");
  });
});
