import { SPECIFICATIONS } from "../../catalog/routes.js";
import { NotFoundError } from "../../core/errors.js";
import type { BatchAnalyses, BatchAnalysisLine } from "../../reports/batchAnalysesReport.js";
import type { Store } from "../../store/index.js";
import { evaluateBatch } from "./documents.js";

export type { BatchAnalyses, BatchAnalysisLine };

/**
 * The results of every batch of a material, test by test, as a regulatory batch-analysis table lists them.
 * @throws NotFoundError when no specification covers the material.
 */
export async function batchAnalysesOf(store: Store, material: string): Promise<BatchAnalyses> {
  const specification = SPECIFICATIONS.find((s) => s.material === material);
  if (!specification)
    throw new NotFoundError(
      "specification for material",
      material,
      `Specified materials: ${SPECIFICATIONS.map((s) => s.material).join(", ")}`,
    );
  const [batches, decisions] = await Promise.all([
    store.listBatches({ compoundId: material }),
    store.latestDecisions(),
  ]);
  const lines = await Promise.all(
    batches.map(async (batch): Promise<BatchAnalysisLine> => {
      const [release] = await store.listReleases(batch.id);
      const evaluation =
        release?.evaluation ?? (await evaluateBatch(store, batch.id, specification.id)).evaluation;
      const actual = (batch.record as Record<string, unknown>).actual_g;
      return {
        batchId: batch.id,
        label: batch.label,
        createdAt: batch.createdAt,
        actual_g: typeof actual === "number" ? actual : null,
        decision: decisions.get(batch.id) ?? null,
        evaluation,
      };
    }),
  );
  lines.sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.batchId < b.batchId ? -1 : 1,
  );
  return { material, specification, batches: lines };
}
