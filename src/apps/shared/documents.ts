import type { Catalog } from "../../catalog/index.js";
import { findRoute, findSpecification, ROUTES, specificationFor } from "../../catalog/routes.js";
import type { RDKit } from "../../core/chem/index.js";
import { InputError, NotFoundError } from "../../core/errors.js";
import {
  evaluateSpecification,
  type Specification,
  type SpecificationEvaluation,
} from "../../core/release/index.js";
import { type CheckedRoute, checkRoute } from "../../core/synthesis/index.js";
import { summariseAnalysis } from "../../reports/analysisSummary.js";
import { type CoaInput, coaHtml } from "../../reports/coa.js";
import { type AssaySummary, dossierHtml, dossierPkTable, type ReleasedBatch } from "../../reports/dossier.js";
import type { Store } from "../../store/index.js";
import { IXALAB_VERSION } from "../../version.js";

const checked = new WeakMap<RDKit, Map<string, CheckedRoute>>();

/** A shipped route with its equations checked by RDKit (memoised per RDKit instance). */
export function checkedRoute(rdkit: RDKit, id: string): CheckedRoute {
  let cache = checked.get(rdkit);
  if (!cache) {
    cache = new Map();
    checked.set(rdkit, cache);
  }
  const hit = cache.get(id);
  if (hit) return hit;
  const route = checkRoute(rdkit, findRoute(id));
  cache.set(id, route);
  return route;
}

/**
 * The specification that applies to a batch: the one named, else the one of its material.
 * @throws InputError when the batch has no material with a specification.
 */
export function specificationForBatch(material: string | null, specId?: string): Specification {
  if (specId) return findSpecification(specId);
  const spec = material ? specificationFor(material) : undefined;
  if (!spec) {
    throw new InputError(
      `no specification for material '${material ?? "(none)"}': pass --spec, or create the batch with --material of a specified compound`,
    );
  }
  return spec;
}

/** The batch's current evaluation against its specification (the latest analysis of each kind). */
export async function evaluateBatch(
  store: Store,
  batchId: string,
  specId?: string,
): Promise<{ specification: Specification; evaluation: SpecificationEvaluation }> {
  const batch = await store.getBatch(batchId);
  if (!batch) throw new NotFoundError("batch", batchId, "list batches with 'ixalab batch list'");
  const specification = specificationForBatch(batch.compoundId, specId);
  const evaluation = evaluateSpecification(specification, await store.batchAnalysesForEvaluation(batchId));
  return { specification, evaluation };
}

/** The data of a batch's certificate: the signed evaluation when there is a release, else the current one. */
export async function coaData(store: Store, catalog: Catalog, batchId: string, now: Date): Promise<CoaInput> {
  const batch = await store.getBatch(batchId);
  if (!batch) throw new NotFoundError("batch", batchId, "list batches with 'ixalab batch list'");
  if (!batch.compoundId) throw new InputError(`batch '${batchId}' has no material: a certificate needs one`);
  const described = catalog.describe(batch.compoundId);
  const [release] = await store.listReleases(batchId);
  const current = await evaluateBatch(store, batchId, release?.specificationId);
  return {
    batch,
    material: {
      id: described.id,
      name: described.name,
      formula: described.computed.formula,
      molarMass_g_mol: described.conventionalAverageMass?.value ?? described.computed.averageMass,
    },
    specification: current.specification,
    evaluation: release?.evaluation ?? current.evaluation,
    ...(release && { release }),
    inputs: await store.listBatchInputs(batchId),
    generatedAt: now.toISOString(),
    ixalabVersion: IXALAB_VERSION,
  };
}

/** The certificate of analysis of a batch as HTML. */
export async function coaDocument(
  store: Store,
  catalog: Catalog,
  batchId: string,
  now: Date,
): Promise<string> {
  return coaHtml(await coaData(store, catalog, batchId, now));
}

/** Kinds whose latest stored result the dossier shows. */
export const DOSSIER_ASSAY_KINDS = [
  "ic50.run",
  "flow.apoptosis",
  "pk.simulate",
  "hplc.analyze",
  "ms.confirm",
  "nmr.process",
  "xrpd.match",
] as const;

/**
 * The compound dossier as HTML: catalog identity and properties, the route that makes it, the PK model's
 * table and the latest stored result of each assay kind (none when `store` is undefined).
 * @throws NotFoundError for an unknown compound, InputError when no shipped route makes it.
 */
export async function dossierDocument(
  catalog: Catalog,
  rdkit: RDKit,
  compoundId: string,
  store: Store | undefined,
  now: Date,
): Promise<string> {
  const compound = catalog.describe(compoundId);
  const route = ROUTES.find((r) => r.target === compoundId);
  if (!route) {
    throw new InputError(
      `no synthesis route makes '${compoundId}': the dossier covers ${ROUTES.map((r) => r.target).join(", ")}`,
    );
  }
  const assays: AssaySummary[] = [];
  const released = store ? await latestReleasedBatch(store, compoundId) : null;
  if (store) {
    for (const kind of DOSSIER_ASSAY_KINDS) {
      // A batch's tests come from the released batch when there is one: a rejected lot's impurity
      // profile is not the compound's.
      const [ofReleased] = released
        ? await store.listAnalyses({ kind, batchId: released.batchId, limit: 1 })
        : [];
      const [latest] = ofReleased ? [ofReleased] : await store.listAnalyses({ kind, limit: 1 });
      if (latest) {
        assays.push({
          id: latest.id,
          kind,
          createdAt: latest.createdAt,
          batchId: latest.batchId,
          rows: summariseAnalysis(kind, latest.result),
        });
      }
    }
  }
  return dossierHtml({
    compound,
    depictionSvg: catalog.depict(compoundId),
    route: checkedRoute(rdkit, route.id),
    pk: dossierPkTable(compound),
    assays,
    releasedBatch: released,
    generatedAt: now.toISOString(),
    ixalabVersion: IXALAB_VERSION,
  });
}

/** The compound's most recently released batch, with who signed it and when; null when none is released. */
async function latestReleasedBatch(store: Store, compoundId: string): Promise<ReleasedBatch | null> {
  const [batches, decisions] = await Promise.all([
    store.listBatches({ compoundId }),
    store.latestDecisions(),
  ]);
  let best: ReleasedBatch | null = null;
  for (const batch of batches) {
    const d = decisions.get(batch.id);
    if (d?.decision !== "released") continue;
    if (!best || d.signedAt > best.signedAt)
      best = { batchId: batch.id, signedBy: d.userName, signedAt: d.signedAt };
  }
  return best;
}
