import { type DemoSample, demoInstrumentRuns } from "../../catalog/demo/demoInstrumentFiles.js";
import type { RDKit } from "../../core/chem/index.js";
import type { ProvenanceEnvelope } from "../../core/provenance.js";
import { batchYield, planRoute } from "../../core/synthesis/index.js";
import { sha256Hex } from "../../io/files/readInputFile.js";
import { findKind, type RunContext, runAnalysis, type SuppliedInputs } from "../../kinds/index.js";
import type { Store } from "../../store/index.js";
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
 * product batches (one conforming, one with a 0.21 % impurity) whose HPLC, HRMS, NMR and XRPD analyses are
 * real runs of the kinds on seeded synthetic instrument files ({@link runDemoAnalyses}), stored with their
 * files like a user's `--save` run.
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
  const ctx: RunContext = { rdkit: async () => rdkit, now: () => now };
  for (const [batchId, sample] of [
    [DEMO_BATCHES.product, "conforming"],
    [DEMO_BATCHES.impure, "impure"],
  ] as const) {
    for (const run of await runDemoAnalyses(sample, ctx)) await store.saveAnalysis({ ...run, batchId });
  }
  return { created: true, batches: DEMO_BATCHES };
}

/** A demo analysis as the store takes it: the envelope and the input files it was computed from. */
export interface DemoAnalysis {
  envelope: ProvenanceEnvelope;
  files: { name: string; bytes: Uint8Array; format: string }[];
}

/**
 * Runs hplc.analyze, ms.confirm, nmr.process (with the expected-list comparison) and xrpd.match on the
 * seeded synthetic files of a demo batch (src/catalog/demo/demoInstrumentFiles.ts), as the CLI's `--save`
 * does; the envelope gets a warning saying the inputs are synthetic demo files.
 */
export async function runDemoAnalyses(sample: DemoSample, ctx: RunContext): Promise<DemoAnalysis[]> {
  const out: DemoAnalysis[] = [];
  for (const run of demoInstrumentRuns(sample)) {
    const kind = findKind(run.kind);
    const inputs: Record<string, SuppliedInputs[string]> = {};
    const files: DemoAnalysis["files"] = [];
    for (const spec of kind.inputs) {
      const file = run.inputs[spec.name];
      if (!file) continue;
      const ref = {
        name: file.name,
        bytes: file.bytes.length,
        sha256: sha256Hex(file.bytes),
        format: spec.format,
      };
      inputs[spec.name] = { ref, bytes: file.bytes };
      files.push({ name: file.name, bytes: file.bytes, format: spec.format });
    }
    const envelope = await runAnalysis(kind, run.parameters, inputs, ctx);
    envelope.warnings = [...envelope.warnings, `demo data: computed from a ${run.note}; not a measurement`];
    out.push({ envelope, files });
  }
  return out;
}
