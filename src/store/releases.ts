import { createHash, randomUUID } from "node:crypto";
import { InputError } from "../core/errors.js";
import {
  type EvaluatedAnalysis,
  evaluateSpecification,
  ReleaseBlockedError,
  type Specification,
  type SpecificationEvaluation,
} from "../core/release/index.js";
import { listAnalyses } from "./analyses.js";
import { appendAudit } from "./audit.js";
import { lockBatch } from "./batchRecords.js";
import { authenticate } from "./credentials.js";
import type { Queryable } from "./db.js";
import { canonicalJson, toIso } from "./sqlValues.js";

/** A QA decision on a batch, to be signed. */
export interface ReleaseRequest {
  batchId: string;
  decision: "released" | "rejected";
  specification: Specification;
  /** The signer, re-authenticated by password at this moment. */
  userName: string;
  password: string;
  /** What the signature means (21 CFR 11.50), e.g. "QA release of the batch for clinical use". */
  meaning: string;
}

/** An electronic signature: who, when, what it means, and the hash of the record it signs. */
export interface StoredSignature {
  id: string;
  userName: string;
  signedAt: string;
  meaning: string;
  entity: string;
  entityId: string;
  /** SHA-256 of the canonical JSON of {batchId, decision, specification id and version, evaluation}. */
  contentSha256: string;
}

/** A signed release decision with the evaluation it was based on. */
export interface StoredRelease {
  id: string;
  batchId: string;
  decision: "released" | "rejected";
  specificationId: string;
  specificationVersion: number;
  evaluation: SpecificationEvaluation;
  signature: StoredSignature;
  createdAt: string;
}

/** The analyses of a batch in the shape the evaluator reads. */
export async function batchAnalysesForEvaluation(
  db: Queryable,
  batchId: string,
): Promise<EvaluatedAnalysis[]> {
  // Oldest first (the database's full-precision order), so that the evaluator's "later wins" breaks ties
  // of millisecond timestamps the right way.
  const rows = (await listAnalyses(db, { batchId, limit: 10_000 })).reverse();
  return rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: r.createdAt, result: r.result }));
}

/**
 * Re-authenticates the signer, evaluates the batch's stored analyses against the specification inside the
 * transaction, and stores the signature, the decision and their audit rows together.
 * @throws SignatureError for a wrong user or password, ReleaseBlockedError when a release is asked for a
 * batch that does not pass, InputError when the batch is already released or the meaning is empty,
 * NotFoundError for an unknown batch.
 */
export async function releaseBatch(tx: Queryable, request: ReleaseRequest): Promise<StoredRelease> {
  const { batchId, decision, specification, userName } = request;
  if (decision !== "released" && decision !== "rejected") {
    throw new InputError(`decision: expected 'released' or 'rejected', found '${decision}'`);
  }
  const meaning = typeof request.meaning === "string" ? request.meaning.trim() : "";
  if (meaning === "") throw new InputError("meaning: a signature must say what it means");
  await authenticate(tx, userName, request.password);
  await lockBatch(tx, batchId);
  const [already] = await tx.query("select 1 from releases where batch_id = $1 and decision = 'released'", [
    batchId,
  ]);
  if (already) throw new InputError(`batch '${batchId}' is already released`);
  const evaluation = evaluateSpecification(specification, await batchAnalysesForEvaluation(tx, batchId));
  if (decision === "released" && evaluation.outcome !== "pass") {
    throw new ReleaseBlockedError(batchId, evaluation);
  }
  const signed = {
    batchId,
    decision,
    specificationId: specification.id,
    specificationVersion: specification.version,
    evaluation,
  };
  const contentSha256 = createHash("sha256").update(canonicalJson(signed)).digest("hex");
  const signatureId = randomUUID();
  const [sig] = await tx.query<SignatureRow>(
    `insert into signatures (id, user_name, meaning, entity, entity_id, content_sha256)
     values ($1, $2, $3, 'batch', $4, $5) returning ${SIGNATURE_COLUMNS}`,
    [signatureId, userName, meaning, batchId, contentSha256],
  );
  const signature = toSignature(sig!);
  const releaseId = randomUUID();
  const [row] = await tx.query<{ created_at: Date }>(
    `insert into releases (id, batch_id, decision, specification_id, specification_version, evaluation, signature_id)
     values ($1, $2, $3, $4, $5, $6, $7) returning created_at`,
    [
      releaseId,
      batchId,
      decision,
      specification.id,
      specification.version,
      JSON.stringify(evaluation),
      signatureId,
    ],
  );
  await appendAudit(tx, userName, {
    action: "signature.create",
    entity: "signature",
    entityId: signatureId,
    after: signature,
  });
  await appendAudit(tx, userName, {
    action: decision === "released" ? "batch.release" : "batch.reject",
    entity: "batch",
    entityId: batchId,
    after: {
      releaseId,
      decision,
      specificationId: specification.id,
      outcome: evaluation.outcome,
      signatureId,
    },
  });
  return {
    id: releaseId,
    batchId,
    decision,
    specificationId: specification.id,
    specificationVersion: specification.version,
    evaluation,
    signature,
    createdAt: toIso(row!.created_at),
  };
}

/** A batch's signed decisions, newest first. */
export async function listReleases(db: Queryable, batchId: string): Promise<StoredRelease[]> {
  const rows = await db.query<ReleaseRow>(
    `select r.id, r.batch_id, r.decision, r.specification_id, r.specification_version, r.evaluation, r.created_at,
            ${SIGNATURE_COLUMNS.split(", ")
              .map((c) => `s.${c} as s_${c}`)
              .join(", ")}
     from releases r join signatures s on s.id = r.signature_id
     where r.batch_id = $1 order by r.created_at desc, r.id desc`,
    [batchId],
  );
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    decision: r.decision,
    specificationId: r.specification_id,
    specificationVersion: r.specification_version,
    evaluation: r.evaluation,
    createdAt: toIso(r.created_at),
    signature: toSignature({
      id: r.s_id,
      user_name: r.s_user_name,
      signed_at: r.s_signed_at,
      meaning: r.s_meaning,
      entity: r.s_entity,
      entity_id: r.s_entity_id,
      content_sha256: r.s_content_sha256,
    }),
  }));
}

const SIGNATURE_COLUMNS = "id, user_name, signed_at, meaning, entity, entity_id, content_sha256";

interface SignatureRow {
  id: string;
  user_name: string;
  signed_at: Date;
  meaning: string;
  entity: string;
  entity_id: string;
  content_sha256: string;
}

interface ReleaseRow {
  id: string;
  batch_id: string;
  decision: "released" | "rejected";
  specification_id: string;
  specification_version: number;
  evaluation: SpecificationEvaluation;
  created_at: Date;
  s_id: string;
  s_user_name: string;
  s_signed_at: Date;
  s_meaning: string;
  s_entity: string;
  s_entity_id: string;
  s_content_sha256: string;
}

function toSignature(r: SignatureRow): StoredSignature {
  return {
    id: r.id,
    userName: r.user_name,
    signedAt: toIso(r.signed_at),
    meaning: r.meaning,
    entity: r.entity,
    entityId: r.entity_id,
    contentSha256: r.content_sha256,
  };
}

/** The newest signed decision on a batch, as a list of batches shows it. */
export interface LatestDecision {
  decision: "released" | "rejected";
  userName: string;
  signedAt: string;
}

/** The newest signed decision of every batch that has one, by batch id (one query for a whole list). */
export async function latestDecisions(db: Queryable): Promise<Map<string, LatestDecision>> {
  const rows = await db.query<{
    batch_id: string;
    decision: "released" | "rejected";
    user_name: string;
    signed_at: Date | string;
  }>(
    `select distinct on (r.batch_id) r.batch_id, r.decision, s.user_name, s.signed_at
     from releases r join signatures s on s.id = r.signature_id
     order by r.batch_id, r.created_at desc, r.id desc`,
  );
  return new Map(
    rows.map((r) => [
      r.batch_id,
      { decision: r.decision, userName: r.user_name, signedAt: toIso(r.signed_at) },
    ]),
  );
}
