import { describe, expect, it } from "vitest";
import { type LineageNode, lineageTree } from "./lineage.js";

// lot1 → int1 → api ← int2 ← lot2, and lot1 also into int2: a diamond.
const links = [
  { batchId: "int1", inputBatchId: "lot1", quantity_g: 5 },
  { batchId: "int2", inputBatchId: "lot2", quantity_g: 6 },
  { batchId: "int2", inputBatchId: "lot1", quantity_g: 1.5 },
  { batchId: "api", inputBatchId: "int1", quantity_g: 4 },
  { batchId: "api", inputBatchId: "int2", quantity_g: null },
];
const outline = (nodes: LineageNode[]): unknown =>
  nodes.map((n) => [n.batchId, n.quantity_g, ...(n.children.length ? [outline(n.children)] : [])]);

// The ancestry of api: lot1 under both intermediates, with the grams of each use.
const API_ANCESTRY = [
  ["int1", 4, [["lot1", 5]]],
  [
    "int2",
    null,
    [
      ["lot1", 1.5],
      ["lot2", 6],
    ],
  ],
];

describe("lineageTree", () => {
  it("builds the ancestry down to the lots, a shared lot under each intermediate with that use's grams", () => {
    expect(outline(lineageTree("api", links, "ancestors"))).toEqual(API_ANCESTRY);
  });

  it("builds the descendants of a lot up to the product", () => {
    expect(outline(lineageTree("lot1", links, "descendants"))).toEqual([
      ["int1", 5, [["api", 4]]],
      ["int2", 1.5, [["api", null]]],
    ]);
    expect(lineageTree("api", links, "descendants")).toEqual([]);
  });

  it("cuts a link back onto its own path instead of looping", () => {
    const looped = [...links, { batchId: "lot1", inputBatchId: "api", quantity_g: 1 }];
    expect(outline(lineageTree("api", looped, "ancestors"))).toEqual(API_ANCESTRY);
  });
});
