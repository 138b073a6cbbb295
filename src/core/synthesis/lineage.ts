/** One genealogy link: `inputBatchId` went into `batchId`, `quantity_g` grams of it when recorded. */
export interface LineageLink {
  batchId: string;
  inputBatchId: string;
  quantity_g: number | null;
}

/** A batch in a genealogy tree, with the grams of the link that leads to it from its parent. */
export interface LineageNode {
  batchId: string;
  quantity_g: number | null;
  children: LineageNode[];
}

/**
 * The genealogy around `rootId` as a tree. "ancestors": a node's children are the batches that went into
 * it, down to the starting-material lots; "descendants": the batches made from it, up to the products.
 * A batch reached along two paths (one lot into two intermediates) appears under each, with the amount of
 * that use. A link back onto the path (which the store refuses) is cut rather than followed.
 */
export function lineageTree(
  rootId: string,
  links: readonly LineageLink[],
  direction: "ancestors" | "descendants",
): LineageNode[] {
  const childOf = (link: LineageLink) => (direction === "ancestors" ? link.inputBatchId : link.batchId);
  const next = new Map<string, LineageLink[]>();
  for (const link of links) {
    const from = direction === "ancestors" ? link.batchId : link.inputBatchId;
    next.set(from, [...(next.get(from) ?? []), link]);
  }
  const grow = (id: string, path: ReadonlySet<string>): LineageNode[] =>
    (next.get(id) ?? [])
      .filter((link) => !path.has(childOf(link)))
      .sort((a, b) => (childOf(a) < childOf(b) ? -1 : 1))
      .map((link) => ({
        batchId: childOf(link),
        quantity_g: link.quantity_g,
        children: grow(childOf(link), new Set([...path, childOf(link)])),
      }));
  return grow(rootId, new Set([rootId]));
}
