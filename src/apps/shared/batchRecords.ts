import type { RDKit } from "../../core/chem/index.js";
import { InputError, NotFoundError } from "../../core/errors.js";
import type { SpecificationEvaluation } from "../../core/release/index.js";
import { batchYield, type LineageNode, lineageTree } from "../../core/synthesis/index.js";
import { summariseAnalysis } from "../../reports/analysisSummary.js";
import type {
  AuditEvent,
  BatchFile,
  BatchLink,
  RawFileInput,
  Store,
  StoredBatch,
  StoredRelease,
} from "../../store/index.js";
import { checkedRoute, evaluateBatch } from "./documents.js";

/** Loads RDKit when a route has to be checked (the CLI's loadRdkit, the server's RunContext.rdkit). */
export type RDKitLoader = () => Promise<RDKit>;

/** An input batch of a batch, and the grams of it used (unknown when omitted). */
export interface BatchInputUse {
  batchId: string;
  grams?: number;
}

/** A batch to create: of a catalog material, optionally made by a route step from input batches. */
export interface NewBatch {
  id: string;
  /** Catalog compound id. */
  material?: string;
  label?: string;
  /** Route id and step index go together: the step names the material made. */
  routeId?: string;
  step?: number;
  inputs?: readonly BatchInputUse[];
}

/** What was really done: amounts, further inputs, raw files and a note. */
export interface BatchRecordUpdate {
  /** Grams of product isolated. */
  actual_g?: number;
  /** Grams of the step's limiting input used (default: its input batch's quantity). */
  limiting_g?: number;
  inputs?: readonly BatchInputUse[];
  files?: readonly RawFileInput[];
  note?: string;
}

/** Everything known about a batch: record, genealogy both ways, files, analyses, evaluation, releases. */
export interface BatchReport {
  batch: StoredBatch;
  /** Batches that went into this one. */
  inputs: BatchLink[];
  /** Batches made from this one. */
  outputs: BatchLink[];
  /** The whole genealogy as trees: everything this batch was made from, and everything made from it. */
  lineage: BatchLineage;
  files: BatchFile[];
  /** Each with its result's headline lines (see summariseAnalysis). */
  analyses: { id: string; kind: string; createdAt: string; summary: [string, string][] }[];
  /** The current evaluation against the material's specification, when the material has one. */
  evaluation?: SpecificationEvaluation;
  releases: StoredRelease[];
}

/** A batch's genealogy trees, with the material and label of every batch in them. */
export interface BatchLineage {
  madeFrom: LineageNode[];
  usedIn: LineageNode[];
  batches: Record<string, { material: string | null; label: string | null }>;
}

/**
 * Creates a batch, checking the route step when one is given, and links its input batches.
 * @throws InputError for a route without a step (or the reverse), an unknown step, a taken id, a loop;
 * NotFoundError for an unknown route, material or input batch.
 */
export async function createBatchRecord(
  store: Store,
  rdkit: RDKitLoader,
  input: NewBatch,
): Promise<StoredBatch> {
  const record: Record<string, unknown> = {};
  if (input.routeId !== undefined || input.step !== undefined) {
    if (input.routeId === undefined || input.step === undefined)
      throw new InputError("route and step go together: give both, or neither");
    const route = checkedRoute(await rdkit(), input.routeId);
    const def = route.steps.find((s) => s.index === input.step);
    if (!def) {
      throw new InputError(
        `step: route ${input.routeId} has steps 1–${route.steps.length}, found '${input.step}'`,
      );
    }
    Object.assign(record, { routeId: input.routeId, step: input.step, material: def.product.name });
  }
  for (const use of input.inputs ?? []) {
    checkGrams(use);
    // Checked before anything is written, so an unknown input does not leave a half-made batch.
    if (!(await store.getBatch(use.batchId))) throw batchNotFound(use.batchId);
  }
  const created = await store.createBatch({
    id: input.id,
    ...(input.material && { compoundId: input.material }),
    ...(input.label && { label: input.label }),
    record,
  });
  for (const use of input.inputs ?? []) await store.addBatchInput(created.id, use.batchId, use.grams);
  return created;
}

/**
 * Records what was done in a batch: input links and files first, then the amounts, with the theoretical
 * mass and the yield following from the limiting input (see {@link batchYieldPatch}).
 * @throws NotFoundError for an unknown batch, InputError for a released batch or a bad amount.
 */
export async function recordBatch(
  store: Store,
  rdkit: RDKitLoader,
  batchId: string,
  update: BatchRecordUpdate,
): Promise<void> {
  if (!(await store.getBatch(batchId))) throw batchNotFound(batchId);
  if (update.actual_g !== undefined) checkMass(update.actual_g, "actual_g", true);
  if (update.limiting_g !== undefined) checkMass(update.limiting_g, "limiting_g", false);
  for (const use of update.inputs ?? []) checkGrams(use);
  for (const use of update.inputs ?? []) await store.addBatchInput(batchId, use.batchId, use.grams);
  for (const file of update.files ?? []) await store.attachBatchFile(batchId, file);
  const patch: Record<string, unknown> = {};
  if (update.note !== undefined) patch.note = update.note;
  if (update.actual_g !== undefined) patch.actual_g = update.actual_g;
  if (update.limiting_g !== undefined) patch.limiting_g = update.limiting_g;
  Object.assign(patch, await batchYieldPatch(store, rdkit, batchId, patch));
  if (Object.keys(patch).length) await store.updateBatchRecord(batchId, patch);
}

/**
 * The yield fields implied by a batch's record with `patch` applied: the theoretical mass from the grams of
 * the step's limiting input (given, or the quantity of the input batch holding it) and the route's molar
 * masses; nothing when the batch is not of a route step or a mass is unknown.
 */
export async function batchYieldPatch(
  store: Store,
  rdkit: RDKitLoader,
  batchId: string,
  patch: Record<string, unknown>,
): Promise<{ limiting_g?: number; theoretical_g?: number; yieldPct?: number }> {
  const batch = await store.getBatch(batchId);
  if (!batch) return {};
  const record = { ...batch.record, ...patch };
  if (
    typeof record.routeId !== "string" ||
    typeof record.step !== "number" ||
    typeof record.actual_g !== "number"
  )
    return {};
  const step = checkedRoute(await rdkit(), record.routeId).steps.find((s) => s.index === record.step);
  if (!step) return {};
  const limitingInput = step.inputs.find((i) => i.role === "limiting")!;
  let limiting_g = typeof record.limiting_g === "number" ? record.limiting_g : undefined;
  if (limiting_g === undefined) {
    // The input batch holding the limiting material: the previous step's batch, or one named like it.
    for (const link of await store.listBatchInputs(batchId)) {
      const input = await store.getBatch(link.inputBatchId);
      const r = input?.record ?? {};
      const isLimiting =
        r.material === limitingInput.name ||
        (limitingInput.fromStep !== undefined && r.step === limitingInput.fromStep);
      if (isLimiting && link.quantity_g !== null) limiting_g = link.quantity_g;
    }
  }
  if (limiting_g === undefined) return {};
  const y = batchYield(
    limiting_g,
    limitingInput.molarMass_g_mol,
    step.product.molarMass_g_mol,
    record.actual_g,
  );
  return { limiting_g, theoretical_g: y.theoretical_g, yieldPct: y.yieldPct };
}

/**
 * Everything known about a batch. The evaluation is left out when the material has no specification.
 * @throws NotFoundError for an unknown batch.
 */
export async function batchReport(store: Store, batchId: string): Promise<BatchReport> {
  const batch = await store.getBatch(batchId);
  if (!batch) throw batchNotFound(batchId);
  const [up, down, files, analyses, releases] = await Promise.all([
    store.listBatchLineage(batchId, "ancestors"),
    store.listBatchLineage(batchId, "descendants"),
    store.listBatchFiles(batchId),
    store.listAnalyses({ batchId, limit: 1000 }),
    store.listReleases(batchId),
  ]);
  // The direct links are the first level of the genealogy (same order: by batch, then by input batch).
  const inputs = up.filter((l) => l.batchId === batchId);
  const outputs = down.filter((l) => l.inputBatchId === batchId);
  const lineage = await batchLineage(store, batchId, up, down);
  const evaluation = batch.compoundId
    ? await evaluateBatch(store, batchId).then(
        (e) => e.evaluation,
        () => undefined,
      )
    : undefined;
  return {
    batch,
    inputs,
    outputs,
    lineage,
    files,
    analyses: analyses.map((a) => ({
      id: a.id,
      kind: a.kind,
      createdAt: a.createdAt,
      summary: summariseAnalysis(a.kind, a.result),
    })),
    ...(evaluation && { evaluation }),
    releases,
  };
}

/** The genealogy trees from the links above (`up`) and below (`down`) a batch, with each batch's material. */
async function batchLineage(
  store: Store,
  batchId: string,
  up: BatchLink[],
  down: BatchLink[],
): Promise<BatchLineage> {
  const ids = new Set([...up, ...down].flatMap((l) => [l.batchId, l.inputBatchId]));
  ids.delete(batchId);
  const batches: BatchLineage["batches"] = {};
  for (const b of await Promise.all([...ids].sort().map((id) => store.getBatch(id)))) {
    if (b) batches[b.id] = { material: batchMaterial(b), label: b.label };
  }
  return {
    madeFrom: lineageTree(batchId, up, "ancestors"),
    usedIn: lineageTree(batchId, down, "descendants"),
    batches,
  };
}

/** The catalog compound of a batch, else the material its record names (e.g. a purchased starting lot). */
export function batchMaterial(batch: StoredBatch): string | null {
  const named = batch.record.material;
  return batch.compoundId ?? (typeof named === "string" ? named : null);
}

/**
 * The audit trail of a batch, newest first: its own rows and those of the signatures of its decisions.
 * @throws InputError for a bad limit.
 */
export async function batchAuditTrail(
  store: Store,
  batchId: string,
  releases: readonly StoredRelease[],
  limit = 500,
): Promise<AuditEvent[]> {
  const own = await store.auditLog({ entity: "batch", entityId: batchId, limit });
  const signatures = await Promise.all(
    releases.map((r) => store.auditLog({ entity: "signature", entityId: r.signature.id, limit: 10 })),
  );
  return [...own, ...signatures.flat()].sort((a, b) => b.id - a.id).slice(0, limit);
}

/** The error for an unknown batch id, with where to look. */
export function batchNotFound(batchId: string): NotFoundError {
  return new NotFoundError("batch", batchId, "list batches with 'ixalab batch list' or GET /api/batches");
}

function checkGrams(use: BatchInputUse) {
  if (typeof use.batchId !== "string" || use.batchId.trim() === "") {
    throw new InputError(`input batch: expected a batch id, found '${String(use.batchId)}'`);
  }
  if (use.grams !== undefined) checkMass(use.grams, `input ${use.batchId}`, false);
}

function checkMass(value: number, what: string, zeroOk: boolean) {
  if (!Number.isFinite(value) || value < 0 || (!zeroOk && value === 0)) {
    throw new InputError(
      `${what}: expected a ${zeroOk ? "non-negative" : "positive"} number of grams, found ${value}`,
    );
  }
}
