/** Client for the synthesis, batch and release routes (src/apps/server/synthesisRoutes.ts, batchRoutes.ts). */
import type { Specification, SpecificationEvaluation } from "../../../core/release/index.js";
import type { CheckedRoute, RoutePlan } from "../../../core/synthesis/index.js";
import type { LatestDecision, StoredBatch, StoredRelease } from "../../../store/index.js";
import type { BatchAnalyses } from "../../shared/batchAnalyses.js";
import type { BatchReport } from "../../shared/batchRecords.js";
import { type AuditEvent, getJson, send } from "../api.js";

export type {
  BatchAnalyses,
  CheckedRoute,
  RoutePlan,
  Specification,
  SpecificationEvaluation,
  StoredBatch,
  StoredRelease,
};

/** One shipped route in the list. */
export interface RouteSummary {
  id: string;
  title: string;
  target: string;
  steps: number;
}

/** A row of `GET /api/batches`: the batch and its newest signed decision, if any. */
export type BatchListRow = StoredBatch & { decision: LatestDecision | null };

/** `GET /api/batches/:id`: the batch with its genealogy, files, analyses, evaluation, decisions and audit. */
export type BatchDetail = BatchReport & { audit: AuditEvent[] };

/** A batch to create (`POST /api/batches`). */
export interface NewBatchRequest {
  id: string;
  material?: string;
  label?: string;
  routeId?: string;
  step?: number;
  inputs?: { batchId: string; grams?: number }[];
}

/** What was done (`POST /api/batches/:id/record`); files are attached with multipart. */
export interface RecordRequest {
  actual_g?: number;
  limiting_g?: number;
  inputs?: { batchId: string; grams?: number }[];
  note?: string;
}

/** A signed decision (`POST /api/batches/:id/release`). */
export interface SignRequest {
  userName: string;
  password: string;
  meaning: string;
  decision: "released" | "rejected";
}

const enc = encodeURIComponent;

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await send(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

export const synthesisApi = {
  routes: (signal?: AbortSignal) => getJson<RouteSummary[]>("/api/synthesis/routes", signal),
  route: (id: string, signal?: AbortSignal) =>
    getJson<CheckedRoute>(`/api/synthesis/routes/${enc(id)}`, signal),
  /** Amounts for a target mass; numbers go as typed, so the server's 400 message quotes them. */
  plan: (id: string, targetG: string, yields: readonly string[], signal?: AbortSignal) =>
    getJson<RoutePlan>(
      `/api/synthesis/routes/${enc(id)}/plan?targetG=${enc(targetG)}&yields=${enc(yields.join(","))}`,
      signal,
    ),
  reactionUrl: (id: string, index: number) => `/api/synthesis/routes/${enc(id)}/steps/${index}/reaction.svg`,
  dossierUrl: (compoundId: string, format: "html" | "pdf") =>
    `/api/compounds/${enc(compoundId)}/dossier.${format}`,

  batches: (signal?: AbortSignal) => getJson<BatchListRow[]>("/api/batches", signal),
  specifications: (signal?: AbortSignal) =>
    getJson<Pick<Specification, "id" | "material" | "version" | "title">[]>("/api/specifications", signal),
  batchAnalysesUrl: (material: string, format: "html" | "pdf") =>
    `/api/materials/${enc(material)}/batch-analyses.${format}`,
  batchAnalyses: (material: string, signal?: AbortSignal) =>
    getJson<BatchAnalyses>(`/api/materials/${enc(material)}/batch-analyses`, signal),
  batch: (id: string, signal?: AbortSignal) => getJson<BatchDetail>(`/api/batches/${enc(id)}`, signal),
  createBatch: (request: NewBatchRequest) => postJson<BatchDetail>("/api/batches", request),
  async recordBatch(id: string, record: RecordRequest, files: readonly File[] = []): Promise<BatchDetail> {
    const path = `/api/batches/${enc(id)}/record`;
    if (files.length === 0) return postJson<BatchDetail>(path, record);
    const form = new FormData();
    form.set("record", JSON.stringify(record));
    for (const [i, file] of files.entries()) form.append(`file${i + 1}`, file, file.name);
    const response = await send(path, {
      method: "POST",
      headers: { accept: "application/json" },
      body: form,
    });
    return (await response.json()) as BatchDetail;
  },
  seedDemo: () => postJson<{ created: boolean; batches: Record<string, string> }>("/api/batches/demo", {}),
  evaluation: (id: string, signal?: AbortSignal) =>
    getJson<{ specification: Specification; evaluation: SpecificationEvaluation }>(
      `/api/batches/${enc(id)}/evaluation`,
      signal,
    ),
  sign: (id: string, request: SignRequest) =>
    postJson<StoredRelease>(`/api/batches/${enc(id)}/release`, request),
  fileUrl: (id: string, sha256: string) => `/api/batches/${enc(id)}/files/${sha256}`,
  coaUrl: (id: string, format: "html" | "pdf") => `/api/batches/${enc(id)}/coa.${format}`,
};
