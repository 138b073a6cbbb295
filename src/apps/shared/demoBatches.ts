import { demoAnalysisResults } from "../../catalog/demoBatch.js";
import type { RDKit } from "../../core/chem/index.js";
import type { ProvenanceEnvelope } from "../../core/provenance.js";
import { batchYield, planRoute } from "../../core/synthesis/index.js";
import type { Store } from "../../store/index.js";
import { IXALAB_VERSION } from "../../version.js";
import { checkedRoute } from "./documents.js";

/** The demo lots: starting materials, the three intermediates, a conforming and an impure product batch. */
export const DEMO_BATCHES = {
  chloride: "DCBC-DEMO-01",
  glycine: "GLY-DEMO-01",
  step1: "DBG-DEMO-01",
  step2: "IXP-DEMO-01",
  step3: "IXB-DEMO-01",
  product: "IXC-DEMO-01",
  impure: "IXC-DEMO-02",
} as const;

// Actual yields of the demo campaign (%, per step): close to the plan, as a real campaign would be.
const DEMO_YIELDS = [86.2, 78.9, 91.4, 87.3];

/**
 * Seeds a demo campaign of the ixazomib citrate route (idempotent: nothing is done when the product batch
 * exists): starting-material lots, one batch per step with actual amounts, yields and genealogy, and two
 * product batches with hand-made analysis results in the documented shapes (parameters.demo = true): one
 * conforming, one with a 0.21 % impurity.
 * @returns the ids of the demo batches, and whether they were created now.
 */
export async function seedDemoBatches(store: Store, rdkit: RDKit, now: Date) {
  if (await store.getBatch(DEMO_BATCHES.product)) return { created: false, batches: DEMO_BATCHES };
  const route = checkedRoute(rdkit, "ixazomib-citrate");
  const plan = planRoute(route, 100);
  const s1 = plan.steps[0]!;
  await store.createBatch({
    id: DEMO_BATCHES.chloride,
    compoundId: "dichlorobenzoyl-chloride",
    label: "2,5-dichlorobenzoyl chloride, purchased",
    record: { material: s1.inputs[0]!.name, actual_g: 100, demo: true },
  });
  await store.createBatch({
    id: DEMO_BATCHES.glycine,
    label: "glycine, purchased",
    record: { material: "glycine", actual_g: 50, demo: true },
  });
  const steps = [
    {
      id: DEMO_BATCHES.step1,
      compoundId: "dichlorobenzoyl-glycine",
      inputs: [DEMO_BATCHES.chloride, DEMO_BATCHES.glycine],
    },
    { id: DEMO_BATCHES.step2, compoundId: undefined, inputs: [DEMO_BATCHES.step1] },
    { id: DEMO_BATCHES.step3, compoundId: "ixazomib", inputs: [DEMO_BATCHES.step2] },
    { id: DEMO_BATCHES.product, compoundId: "ixazomib-citrate", inputs: [DEMO_BATCHES.step3] },
  ];
  let previousActual: number | undefined;
  for (const [k, step] of steps.entries()) {
    const planned = plan.steps[k]!;
    const def = route.steps[k]!;
    const limiting = planned.inputs.find((i) => i.role === "limiting")!;
    // The limiting input: the planned mass for step 1, what the previous step really gave afterwards.
    const limiting_g = previousActual ?? limiting.g;
    const y = batchYield(limiting_g, limiting.molarMass_g_mol, def.product.molarMass_g_mol, 0);
    const actual_g = Math.round(y.theoretical_g * DEMO_YIELDS[k]!) / 100;
    await store.createBatch({
      id: step.id,
      ...(step.compoundId && { compoundId: step.compoundId }),
      label: `${def.product.name}, demo campaign`,
      record: { routeId: route.id, step: def.index, material: def.product.name, demo: true },
    });
    for (const [j, input] of step.inputs.entries()) {
      const grams = j === 0 ? limiting_g : planned.inputs[j]!.g;
      await store.addBatchInput(step.id, input, Math.round(grams * 100) / 100);
    }
    const done = batchYield(limiting_g, limiting.molarMass_g_mol, def.product.molarMass_g_mol, actual_g);
    await store.updateBatchRecord(step.id, {
      limiting_g: Math.round(limiting_g * 100) / 100,
      actual_g,
      theoretical_g: done.theoretical_g,
      yieldPct: done.yieldPct,
    });
    previousActual = actual_g;
  }
  await store.createBatch({
    id: DEMO_BATCHES.impure,
    compoundId: "ixazomib-citrate",
    label: "ixazomib citrate, demo batch with a high impurity",
    record: { routeId: route.id, step: 4, material: "ixazomib citrate", actual_g: 12.4, demo: true },
  });
  for (const [kind, result] of Object.entries(demoAnalysisResults())) {
    await store.saveAnalysis({ envelope: demoEnvelope(kind, result, now), batchId: DEMO_BATCHES.product });
    const impure = structuredClone(result) as { peaks?: { areaPercent: number }[]; purityPercent?: number };
    if (kind === "hplc.analyze" && impure.peaks) {
      impure.peaks[1]!.areaPercent = 0.21;
      impure.peaks[2]!.areaPercent = 99.51;
      impure.purityPercent = 99.51;
    }
    await store.saveAnalysis({ envelope: demoEnvelope(kind, impure, now), batchId: DEMO_BATCHES.impure });
  }
  return { created: true, batches: DEMO_BATCHES };
}

function demoEnvelope(kind: string, result: unknown, now: Date): ProvenanceEnvelope {
  return {
    kind,
    ixalabVersion: IXALAB_VERSION,
    startedAt: now.toISOString(),
    durationMs: 0,
    inputs: [],
    parameters: { demo: true, note: "hand-made result in the documented result shape of the kind" },
    warnings: ["demo data: not computed from an instrument file"],
    result,
  };
}
