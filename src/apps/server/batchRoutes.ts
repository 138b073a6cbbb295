import type { Context, Hono } from "hono";
import { z } from "zod";
import type { Catalog } from "../../catalog/index.js";
import { SPECIFICATIONS } from "../../catalog/routes.js";
import { NotFoundError, ValidationError } from "../../core/errors.js";
import type { RunContext } from "../../kinds/index.js";
import { batchAnalysesHtml } from "../../reports/batchAnalysesReport.js";
import type { RawFileInput, Store } from "../../store/index.js";
import { IXALAB_VERSION } from "../../version.js";
import { batchAnalysesOf } from "../shared/batchAnalyses.js";
import {
  batchAuditTrail,
  batchNotFound,
  batchReport,
  createBatchRecord,
  recordBatch,
} from "../shared/batchRecords.js";
import { seedDemoBatches } from "../shared/demoBatches.js";
import { coaDocument, evaluateBatch, specificationForBatch } from "../shared/documents.js";
import { type DocumentFormat, documentResponse } from "./documentResponse.js";

const grams = z.number().finite().positive();
const inputUse = z.strictObject({ batchId: z.string().trim().min(1), grams: grams.optional() });
const createBody = z.strictObject({
  id: z.string().trim().min(1),
  material: z.string().min(1).optional(),
  label: z.string().optional(),
  routeId: z.string().min(1).optional(),
  step: z.number().int().positive().optional(),
  inputs: z.array(inputUse).optional(),
});
const recordBody = z.strictObject({
  actual_g: z.number().finite().nonnegative().optional(),
  limiting_g: grams.optional(),
  inputs: z.array(inputUse).optional(),
  note: z.string().optional(),
});
const releaseBody = z.strictObject({
  userName: z.string().min(1),
  password: z.string().min(1),
  meaning: z.string().trim().min(1, "a signature must say what it means"),
  decision: z.enum(["released", "rejected"]).optional(),
  specificationId: z.string().min(1).optional(),
});

/**
 * Batch records and release over HTTP: list, show (genealogy, files, analyses, evaluation, releases, audit),
 * create, record, the evaluation against the specification, the signed decision, attached files, the
 * certificate of analysis (HTML / PDF) and the demo campaign.
 */
export function addBatchRoutes(
  app: Hono,
  store: Store,
  ctx: RunContext,
  catalog: () => Promise<Catalog>,
): void {
  const rdkit = () => ctx.rdkit();
  const show = async (id: string) => {
    const report = await batchReport(store, id);
    return { ...report, audit: await batchAuditTrail(store, id, report.releases) };
  };

  app.get("/api/batches", async (c) => {
    const material = c.req.query("material");
    const [batches, decisions] = await Promise.all([
      store.listBatches(material ? { compoundId: material } : {}),
      store.latestDecisions(),
    ]);
    return c.json(batches.map((b) => ({ ...b, decision: decisions.get(b.id) ?? null })));
  });
  app.post("/api/batches", async (c) => {
    const body = parseBody(createBody, await c.req.json().catch(() => undefined), "batch");
    const created = await createBatchRecord(store, rdkit, body);
    return c.json(await show(created.id), 201);
  });
  app.post("/api/batches/demo", async (c) =>
    c.json(await seedDemoBatches(store, await ctx.rdkit(), ctx.now())),
  );
  app.get("/api/batches/:id", async (c) => c.json(await show(c.req.param("id"))));
  app.get("/api/specifications", (c) =>
    c.json(SPECIFICATIONS.map(({ id, material, version, title }) => ({ id, material, version, title }))),
  );
  app.get("/api/materials/:id/batch-analyses", async (c) =>
    c.json(await batchAnalysesOf(store, c.req.param("id"))),
  );
  for (const format of ["html", "pdf"] as const) {
    app.get(`/api/materials/:id/batch-analyses.${format}`, async (c) => {
      const analyses = await batchAnalysesOf(store, c.req.param("id"));
      const html = batchAnalysesHtml(analyses, ctx.now().toISOString(), IXALAB_VERSION);
      return documentResponse(html, format, `batch-analyses-${analyses.material}`);
    });
  }
  app.post("/api/batches/:id/record", async (c) => {
    const id = c.req.param("id");
    const { body, files } = await readRecordRequest(c);
    await recordBatch(store, rdkit, id, { ...body, files });
    return c.json(await show(id));
  });
  app.get("/api/batches/:id/files/:sha256", async (c) => {
    const id = c.req.param("id");
    const sha = c.req.param("sha256");
    if (!(await store.getBatch(id))) throw batchNotFound(id);
    const attached = (await store.listBatchFiles(id)).find((f) => f.sha256 === sha);
    const file = attached && (await store.getRawFile(sha));
    if (!attached || !file) throw new NotFoundError(`file of batch ${id}`, sha);
    return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${attached.name.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    });
  });
  app.get("/api/batches/:id/evaluation", async (c) => {
    const id = c.req.param("id");
    if (!(await store.getBatch(id))) throw batchNotFound(id);
    return c.json(await evaluateBatch(store, id, c.req.query("spec") || undefined));
  });
  app.post("/api/batches/:id/release", async (c) => {
    const id = c.req.param("id");
    const body = parseBody(releaseBody, await c.req.json().catch(() => undefined), "release");
    const batch = await store.getBatch(id);
    if (!batch) throw batchNotFound(id);
    const release = await store.releaseBatch({
      batchId: id,
      decision: body.decision ?? "released",
      specification: specificationForBatch(batch.compoundId, body.specificationId),
      userName: body.userName,
      password: body.password,
      meaning: body.meaning,
    });
    return c.json(release, 201);
  });

  const coa = async (id: string, format: DocumentFormat) => {
    const html = await coaDocument(store, await catalog(), id, ctx.now());
    return documentResponse(html, format, `coa-${id}`);
  };
  app.get("/api/batches/:id/coa.html", (c) => coa(c.req.param("id"), "html"));
  app.get("/api/batches/:id/coa.pdf", (c) => coa(c.req.param("id"), "pdf"));
}

/** @throws ValidationError with one issue per problem, located by path. */
function parseBody<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  if (raw === undefined) {
    throw new ValidationError([{ path: "", message: "expected a JSON object body" }], `invalid ${what}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    `invalid ${what}`,
  );
}

/**
 * `POST /api/batches/:id/record`: JSON `{actual_g?, limiting_g?, inputs?, note?}`, or multipart/form-data
 * with that JSON in a `record` field and any number of files to attach.
 */
async function readRecordRequest(c: Context) {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    return { body: parseBody(recordBody, await c.req.json().catch(() => undefined), "record"), files: [] };
  }
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw new ValidationError([{ path: "", message: "malformed multipart/form-data" }], "invalid record");
  }
  let raw: unknown = {};
  const files: RawFileInput[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") {
      files.push({ name: value.name || name, bytes: new Uint8Array(await value.arrayBuffer()) });
    } else if (name === "record") {
      try {
        raw = JSON.parse(value);
      } catch {
        throw new ValidationError([{ path: "record", message: "expected a JSON object" }], "invalid record");
      }
    } else {
      throw new ValidationError(
        [{ path: name, message: "expected a file, or the 'record' JSON field" }],
        "invalid record",
      );
    }
  }
  return { body: parseBody(recordBody, raw, "record"), files };
}
