import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { Catalog as CatalogClass } from "../../catalog/catalog.js";
import { type Catalog, compoundRecordSchema, REFERENCE_DATA } from "../../catalog/index.js";
import { InputError, NotFoundError } from "../../core/errors.js";
import { ANALYSIS_KINDS, findKind, type RunContext, runAnalysis } from "../../kinds/index.js";
import { summariseAnalysis } from "../../reports/analysisSummary.js";
import { mechanismDiagram } from "../../reports/diagrams.js";
import type { Store } from "../../store/index.js";
import { IXALAB_VERSION } from "../../version.js";
import { readAnalysisRequest } from "./analysisRequest.js";
import { addBatchRoutes } from "./batchRoutes.js";
import { errorResponse } from "./errorResponse.js";
import { addFlowRoutes } from "./flowRoutes.js";
import { addHplcRoutes } from "./hplcRoutes.js";
import { addIc50Routes } from "./ic50Routes.js";
import { addMsRoutes } from "./msRoutes.js";
import { addNmrRoutes } from "./nmrRoutes.js";
import { addPkRoutes } from "./pkRoutes.js";
import { readWebFile } from "./staticFiles.js";
import { addSynthesisRoutes } from "./synthesisRoutes.js";
import { addXrpdRoutes } from "./xrpdRoutes.js";

/** What the HTTP app is built from; tests pass an in-memory store and call `app.request()`. */
export interface AppDependencies {
  store: Store;
  ctx: RunContext;
  /** Folder of the built web UI; the UI is not served when undefined. */
  webRoot?: string;
  /** Called with internal (non-input) errors, e.g. to log them. */
  onInternalError?: (error: unknown) => void;
  /** The largest request body, bytes: uploads are held in memory. @default 512 MiB */
  maxBodyBytes?: number;
}

/** 10 million events × 12 float parameters is ~480 MB: the largest FCS file a lab uploads, with room. */
export const DEFAULT_MAX_BODY_BYTES = 512 * 1024 ** 2;

/** The Ixalab HTTP API (JSON under /api) and the web UI. */
export function createApp({
  store,
  ctx,
  webRoot,
  onInternalError,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
}: AppDependencies): Hono {
  const app = new Hono();
  // Checked against Content-Length before reading, and while streaming a body without one.
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        c.json(
          {
            error: {
              type: "InputError",
              message: `request body: larger than the server's limit of ${formatMiB(maxBodyBytes)} (IXALAB_MAX_UPLOAD_MB)`,
            },
          },
          413,
        ),
    }),
  );
  let catalog: Promise<Catalog> | undefined;
  // The catalog is built from the stored compounds once; writes to compounds will reset it.
  const getCatalog = () => {
    catalog ??= Promise.all([ctx.rdkit(), store.listCompounds()]).then(
      ([rdkit, rows]) =>
        new CatalogClass(
          rdkit,
          rows.map((r) => compoundRecordSchema.parse(r.record)),
          REFERENCE_DATA.reactions,
        ),
    );
    return catalog;
  };

  app.onError((error, c) => {
    const { status, body } = errorResponse(error);
    if (status === 500) onInternalError?.(error);
    return c.json(body, status);
  });

  app.get("/api/health", (c) => c.json({ status: "ok", version: IXALAB_VERSION, store: store.backend }));
  app.get("/api/compounds", async (c) => c.json((await getCatalog()).list()));
  app.get("/api/compounds/:id", async (c) => c.json((await getCatalog()).describe(c.req.param("id"))));
  app.get("/api/compounds/:id/hydrolysis", async (c) =>
    c.json((await getCatalog()).hydrolyze(c.req.param("id"))),
  );
  app.get("/api/compounds/:id/mechanism.svg", async (c) => {
    const id = c.req.param("id");
    const cat = await getCatalog();
    if (!cat.hasMechanism(id)) {
      const covered = cat.list().filter((compound) => cat.hasMechanism(compound.id));
      throw new NotFoundError(
        "mechanism of action",
        id,
        `The guide describes that of ${covered.map((x) => x.id).join(", ")}`,
      );
    }
    return c.body(mechanismDiagram(), 200, { "content-type": "image/svg+xml; charset=utf-8" });
  });
  app.get("/api/compounds/:id/depiction.svg", async (c) => {
    const svg = (await getCatalog()).depict(c.req.param("id"));
    return c.body(svg, 200, { "content-type": "image/svg+xml; charset=utf-8" });
  });

  app.get("/api/kinds", (c) =>
    c.json(
      ANALYSIS_KINDS.map((k) => ({
        id: k.id,
        title: k.title,
        description: k.description,
        command: `ixalab ${k.command.join(" ")}`,
        parameters: z.toJSONSchema(k.parameters as z.ZodType, { unrepresentable: "any", io: "input" }),
        inputs: k.inputs,
      })),
    ),
  );

  app.post("/api/analyses/:kind", async (c) => {
    const kind = findKind(c.req.param("kind"));
    const request = await readAnalysisRequest(c.req.raw, kind.inputs);
    const envelope = await runAnalysis(kind, request.parameters, request.inputs, ctx);
    if (!request.save) return c.json({ envelope });
    const files = Object.values(request.inputs).map((i) => ({
      name: i.ref.name,
      bytes: i.bytes,
      format: i.ref.format,
    }));
    const stored = await store.saveAnalysis({
      envelope,
      files,
      ...(request.batchId !== undefined && { batchId: request.batchId }),
    });
    return c.json({ id: stored.id, envelope });
  });
  app.get("/api/analyses", async (c) => {
    const limit = Number(c.req.query("limit") ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new InputError(`limit: expected a whole number from 1 to 1000, found '${c.req.query("limit")}'`);
    }
    const view = c.req.query("view") ?? "full";
    if (view !== "full" && view !== "summary")
      throw new InputError(`view: expected 'full' or 'summary', found '${view}'`);
    const rows = await store.listAnalyses({ kind: c.req.query("kind") || undefined, limit });
    if (view === "full") return c.json(rows);
    // A list to read, not to rerun: the headline of each result instead of the result and its envelope.
    return c.json(
      rows.map(({ result, provenance: _, ...row }) => ({
        ...row,
        summary: summariseAnalysis(row.kind, result),
      })),
    );
  });
  app.get("/api/analyses/:id", async (c) => {
    const row = await store.getAnalysis(c.req.param("id"));
    if (!row) throw new NotFoundError("analysis", c.req.param("id"));
    return c.json(row);
  });
  app.get("/api/audit", async (c) => {
    const limit = Number(c.req.query("limit") ?? 200);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10000) {
      throw new InputError(`limit: expected a whole number from 1 to 10000, found '${c.req.query("limit")}'`);
    }
    const entity = c.req.query("entity") || undefined;
    const entityId = c.req.query("entityId") || undefined;
    return c.json(await store.auditLog({ limit, ...(entity && { entity }), ...(entityId && { entityId }) }));
  });
  addIc50Routes(app, store);
  addPkRoutes(app, store);
  addXrpdRoutes(app, store);
  addNmrRoutes(app, store);
  addMsRoutes(app, store);
  addHplcRoutes(app, store);
  addFlowRoutes(app, store);
  addSynthesisRoutes(app, store, ctx, getCatalog);
  addBatchRoutes(app, store, ctx, getCatalog);
  app.all("/api/*", (c) => {
    throw new NotFoundError("API route", `${c.req.method} ${c.req.path}`, "See README.md, 'HTTP API'");
  });

  app.get("*", async (c) => {
    const file = webRoot ? await readWebFile(webRoot, c.req.path) : undefined;
    if (!file) return c.text("The web UI is not built: run `npm run build`.", 404);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      "content-type": file.contentType,
      "cache-control": file.immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  });
  return app;
}

function formatMiB(bytes: number): string {
  return bytes < 1024 ** 2 ? `${bytes} bytes` : `${Number((bytes / 1024 ** 2).toPrecision(4))} MiB`;
}
