/**
 * Synthesis, batch records and release over HTTP, in-process (hono's app.request) on an in-memory PGlite
 * store: the route and plan, the seeded demo campaign (one conforming batch, one with a 0.21 % impurity),
 * the specification table, the signed release and its audit rows, documents, HTTP 400 for bad input and
 * 404 for unknown batches.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/apps/server/createApp.js";
import { chromiumPath } from "../src/apps/shared/renderPdf.js";
import { systemRunContext } from "../src/apps/shared/runContext.js";
import { REFERENCE_DATA } from "../src/catalog/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { closeTo1e9, molarMass } from "./helpers/ciaawMolarMass.js";

let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await openStore({ actor: "release-api-test" });
  await store.seedCompounds(REFERENCE_DATA.compounds);
  await store.setUserPassword("qa.lead", "s3cret-password");
  app = createApp({ store, ctx: systemRunContext() });
});
afterAll(() => store.close());

async function call(path: string, init?: RequestInit) {
  const response = await app.request(path, init);
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    type,
    body: type.includes("json") ? await response.json() : await response.text(),
  };
}
const post = (path: string, body: unknown) =>
  call(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const close = closeTo1e9;
const mw = molarMass;

describe("synthesis route and plan over HTTP", () => {
  it("GET the route: four balanced steps, the released species named, depictions", async () => {
    const { status, body } = await call("/api/synthesis/routes/ixazomib-citrate");
    expect(status).toBe(200);
    expect(body.steps.map((s: { balanced: boolean }) => s.balanced)).toEqual([true, true, true, true]);
    expect(body.steps.map((s: { released: { formula: string } }) => s.released.formula)).toEqual([
      "ClH",
      "H2O",
      "C14H25BO2",
      "H4O2",
    ]);
    expect(body.steps[0].coProducts[0].name).toBe("hydrogen chloride");
    const list = await call("/api/synthesis/routes");
    expect(list.body).toEqual([
      { id: "ixazomib-citrate", title: expect.any(String), target: "ixazomib-citrate", steps: 4 },
    ]);
    const svg = await call("/api/synthesis/routes/ixazomib-citrate/steps/1/reaction.svg");
    expect(svg.type).toMatch(/image\/svg\+xml/);
    expect(svg.body).toMatch(/<svg[\s\S]*<\/svg>/);
    expect((await call("/api/synthesis/routes/ixazomib-citrate/steps/9/reaction.svg")).status).toBe(400);
    const unknown = await call("/api/synthesis/routes/aspirin");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("route 'aspirin' not found");
  });

  it("GET the plan: masses consistent with molar masses and equivalents to 1e-9; PMI and E-factor", async () => {
    const { status, body } = await call(
      "/api/synthesis/routes/ixazomib-citrate/plan?targetG=100&yields=85,80,90,88",
    );
    expect(status).toBe(200);
    const last = body.steps.at(-1);
    expect(close(last.product.g, 100)).toBe(true);
    expect(close(last.product.mol, 100 / mw("C20H23BCl2N2O9"))).toBe(true);
    expect(close(body.overallYieldPct, 85 * 0.8 * 0.9 * 0.88)).toBe(true);
    for (const step of body.steps) {
      const limiting = step.inputs.find((i: { role: string }) => i.role === "limiting");
      for (const input of step.inputs) expect(close(input.g, input.mol * mw(input.formula))).toBe(true);
      for (const input of step.inputs.filter((i: { role: string }) => i.role === "reagent")) {
        expect(close(input.mol, limiting.mol * input.equivalents)).toBe(true);
      }
    }
    expect(close(body.pmi, body.rawMaterials_g / 100)).toBe(true);
    expect(close(body.eFactor, body.pmi - 1)).toBe(true);
  });

  it("answers 400 naming the parameter for a bad target or yields", async () => {
    const plan = (q: string) => call(`/api/synthesis/routes/ixazomib-citrate/plan${q}`);
    expect((await plan("")).body.error.message).toBe("query parameter 'targetG' is required");
    const negative = await plan("?targetG=-5");
    expect(negative.status).toBe(400);
    expect(negative.body.error.message).toContain("target mass: expected a positive number");
    const short = await plan("?targetG=10&yields=85,80");
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain("expected 4 values");
    expect((await plan("?targetG=10&yields=85,80,abc,88")).body.error.message).toBe(
      "yields: expected a number, found 'abc'",
    );
    expect((await plan("?targetG=10&yields=85,80,120,88")).body.error.message).toContain(
      "step 3: expected a percentage in (0, 100]",
    );
  });
});

describe("batches and release over HTTP", () => {
  beforeAll(async () => {
    const seeded = await call("/api/batches/demo", { method: "POST" });
    expect(seeded.status).toBe(200);
    expect(seeded.body.created).toBe(true);
  });

  it("lists the demo batches and shows one with genealogy, analyses, evaluation and audit", async () => {
    const list = await call("/api/batches");
    expect(list.body.map((b: { id: string }) => b.id)).toEqual(
      expect.arrayContaining(["DBG-DEMO-01", "IXB-DEMO-01", "IXC-DEMO-01", "IXC-DEMO-02"]),
    );
    const only = await call("/api/batches?material=ixazomib-citrate");
    expect(only.body.map((b: { id: string }) => b.id)).toEqual(["IXC-DEMO-01", "IXC-DEMO-02"]);

    const { status, body } = await call("/api/batches/IXC-DEMO-01");
    expect(status).toBe(200);
    expect(body.inputs.map((l: { inputBatchId: string }) => l.inputBatchId)).toEqual(["IXB-DEMO-01"]);
    // The demo's 87.3 % step yield, with the isolated mass rounded to 0.01 g.
    expect(body.batch.record.yieldPct).toBeCloseTo(87.3, 2);
    expect(body.analyses.map((a: { kind: string }) => a.kind).sort()).toEqual([
      "hplc.analyze",
      "ms.confirm",
      "nmr.process",
      "xrpd.match",
    ]);
    expect(body.evaluation.outcome).toBe("pass");
    expect(body.audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["batch.create", "batch.input.add", "batch.record"]),
    );
    const step3 = await call("/api/batches/IXB-DEMO-01");
    expect(step3.body.outputs.map((l: { batchId: string }) => l.batchId)).toEqual(["IXC-DEMO-01"]);

    // The whole genealogy: the product down to both starting-material lots, and a lot up to the product.
    interface Node {
      batchId: string;
      quantity_g: number | null;
      children: Node[];
    }
    // Every root-to-leaf path of a tree, as "a > b > c".
    const paths = (nodes: Node[]): string[] =>
      nodes.flatMap((n) =>
        n.children.length ? paths(n.children).map((p) => `${n.batchId} > ${p}`) : [n.batchId],
      );
    expect(paths(body.lineage.madeFrom)).toEqual([
      "IXB-DEMO-01 > IXP-DEMO-01 > DBG-DEMO-01 > DCBC-DEMO-01",
      "IXB-DEMO-01 > IXP-DEMO-01 > DBG-DEMO-01 > GLY-DEMO-01",
    ]);
    expect(body.lineage.madeFrom[0].quantity_g).toBe(body.inputs[0].quantity_g);
    expect(body.lineage.batches["IXB-DEMO-01"].material).toBe("ixazomib");
    const lot = await call("/api/batches/GLY-DEMO-01");
    expect(paths(lot.body.lineage.usedIn)).toEqual(["DBG-DEMO-01 > IXP-DEMO-01 > IXB-DEMO-01 > IXC-DEMO-01"]);
  });

  it("evaluates the specification line by line: the impure batch fails the single-impurity line", async () => {
    const good = await call("/api/batches/IXC-DEMO-01/evaluation");
    expect(good.status).toBe(200);
    expect(good.body.specification.id).toBe("ixazomib-citrate-release");
    expect(good.body.evaluation.tests.map((t: { status: string }) => t.status)).toEqual([
      "pass",
      "pass",
      "pass",
      "pass",
      "pass",
    ]);
    const bad = await call("/api/batches/IXC-DEMO-02/evaluation");
    expect(bad.body.evaluation.outcome).toBe("fail");
    const lines = bad.body.evaluation.tests;
    expect(lines.find((t: { testId: string }) => t.testId === "hplc-single-impurity")).toMatchObject({
      status: "fail",
      value: 0.21,
      limit: "≤ 0.15 %",
    });
    expect(lines.filter((t: { status: string }) => t.status !== "pass")).toHaveLength(1);
  });

  it("refuses to release the failing batch, a wrong password and an empty meaning", async () => {
    const sign = { userName: "qa.lead", password: "s3cret-password", meaning: "QA release" };
    const blocked = await post("/api/batches/IXC-DEMO-02/release", sign);
    expect(blocked.status).toBe(400);
    expect(blocked.body.error.type).toBe("ReleaseBlockedError");
    expect(blocked.body.error.message).toContain("batch 'IXC-DEMO-02' cannot be released");
    expect(blocked.body.error.message).toContain(
      "Any single impurity (RP-HPLC, area %): fail (0.21, limit ≤ 0.15 %)",
    );
    const wrong = await post("/api/batches/IXC-DEMO-01/release", { ...sign, password: "nope-nope" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ type: "SignatureError" });
    const empty = await post("/api/batches/IXC-DEMO-01/release", { ...sign, meaning: " " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues).toEqual([
      { path: "meaning", message: "a signature must say what it means" },
    ]);
    expect((await call("/api/batches/IXC-DEMO-02")).body.releases).toEqual([]);
  });

  it("releases the conforming demo batch with a signature that is in the audit trail", async () => {
    const signed = await post("/api/batches/IXC-DEMO-01/release", {
      userName: "qa.lead",
      password: "s3cret-password",
      meaning: "QA release for clinical supply",
    });
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({
      decision: "released",
      specificationId: "ixazomib-citrate-release",
      evaluation: { outcome: "pass" },
      signature: { userName: "qa.lead", meaning: "QA release for clinical supply", entityId: "IXC-DEMO-01" },
    });
    const signature = signed.body.signature;
    expect(signature.contentSha256).toMatch(/^[0-9a-f]{64}$/);

    const shown = await call("/api/batches/IXC-DEMO-01");
    expect(shown.body.releases[0].signature.id).toBe(signature.id);
    const audit = shown.body.audit as { action: string; actor: string; entityId: string; after: never }[];
    expect(audit.find((e) => e.action === "signature.create")).toMatchObject({
      actor: "qa.lead",
      entityId: signature.id,
      after: { meaning: "QA release for clinical supply", contentSha256: signature.contentSha256 },
    });
    expect(audit.find((e) => e.action === "batch.release")).toMatchObject({
      actor: "qa.lead",
      entityId: "IXC-DEMO-01",
      after: { signatureId: signature.id, outcome: "pass" },
    });
    const global = (await call("/api/audit?limit=50")).body as { action: string; entityId: string }[];
    expect(global.find((e) => e.action === "signature.create")?.entityId).toBe(signature.id);

    const again = await post("/api/batches/IXC-DEMO-01/release", {
      userName: "qa.lead",
      password: "s3cret-password",
      meaning: "again",
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain("already released");
    const locked = await post("/api/batches/IXC-DEMO-01/record", { note: "late edit" });
    expect(locked.status).toBe(400);
    expect(locked.body.error.message).toContain("is released");
  });

  it("tabulates every batch of the material against its specification (CTD 3.2.S.4.4)", async () => {
    const specs = await call("/api/specifications");
    expect(specs.body.map((s: { id: string }) => s.id)).toContain("ixazomib-citrate-release");
    const table = await call("/api/materials/ixazomib-citrate/batch-analyses");
    expect(table.status).toBe(200);
    const byId = new Map(
      table.body.batches.map((b: { batchId: string }) => [b.batchId, b]) as [string, Record<string, never>][],
    );
    expect([...byId.keys()]).toEqual(expect.arrayContaining(["IXC-DEMO-01", "IXC-DEMO-02"]));
    // The released batch shows what was signed; the impure one its current evaluation.
    const released = byId.get("IXC-DEMO-01")!;
    expect(released.decision).toMatchObject({ decision: "released", userName: "qa.lead" });
    const [signed] = (await call("/api/batches/IXC-DEMO-01")).body.releases;
    expect(released.evaluation).toEqual(signed.evaluation);
    const impure = byId.get("IXC-DEMO-02") as unknown as {
      decision: null;
      evaluation: { tests: { testId: string; value: number; status: string }[] };
    };
    expect(impure.decision).toBeNull();
    expect(impure.evaluation.tests.find((t) => t.testId === "hplc-single-impurity")).toMatchObject({
      value: 0.21,
      status: "fail",
    });
    const html = await call("/api/materials/ixazomib-citrate/batch-analyses.html");
    expect(html.status).toBe(200);
    expect(html.body).toContain('<span class="bad" data-status="fail">0.21 % (fail)</span>');
    expect(html.body).toContain('<span data-decision="released">released</span>');
    const none = await call("/api/materials/water/batch-analyses");
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain("Specified materials: ixazomib-citrate");
  });

  it("serves the certificate of analysis and the dossier as HTML", async () => {
    const coa = await call("/api/batches/IXC-DEMO-01/coa.html");
    expect(coa.status).toBe(200);
    expect(coa.type).toMatch(/text\/html/);
    expect(coa.body).toContain("Certificate of analysis");
    expect(coa.body).toContain('data-decision="released"');
    const draft = await call("/api/batches/IXC-DEMO-02/coa.html");
    expect(draft.body).toContain('data-outcome="fail"');
    const dossier = await call("/api/compounds/ixazomib-citrate/dossier.html");
    expect(dossier.status).toBe(200);
    expect(dossier.body).toContain('<span data-testid="formula">C20H23BCl2N2O9</span>');
    expect(dossier.body).toContain('<span data-testid="mw">517.12</span>');
    // The batch tests are the released IXC-DEMO-01's, not those of the impure IXC-DEMO-02 stored after it.
    expect(dossier.body).toContain("are those of IXC-DEMO-01, the most recently released batch (signed by");
    for (const kind of ["hplc.analyze", "ms.confirm", "nmr.process", "xrpd.match"])
      expect(dossier.body).toMatch(
        new RegExp(`<h3>${kind.replace(".", "\\.")} <span class="muted">[^<]*batch IXC-DEMO-01</span>`),
      );
    const noRoute = await call("/api/compounds/bortezomib/dossier.html");
    expect(noRoute.status).toBe(400);
    expect(noRoute.body.error.message).toContain("no synthesis route makes 'bortezomib'");
    expect((await call("/api/compounds/nope/dossier.html")).status).toBe(404);
  });

  it.skipIf(!existsSync(chromiumPath()))(
    "prints the certificate and the dossier to PDF with headless Chromium",
    async () => {
      for (const [path, name, pages] of [
        ["/api/batches/IXC-DEMO-01/coa.pdf", "coa-IXC-DEMO-01.pdf", 1],
        ["/api/compounds/ixazomib-citrate/dossier.pdf", "dossier-ixazomib-citrate.pdf", 2],
      ] as const) {
        const response = await app.request(path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/pdf");
        expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${name}"`);
        const text = new TextDecoder("latin1").decode(new Uint8Array(await response.arrayBuffer()));
        expect(text.slice(0, 5)).toBe("%PDF-");
        expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
        // Page objects (ISO 32000-1, 7.7.3.3), at least this many.
        expect(text.match(/\/Type\s*\/Page\b/g)?.length ?? 0, path).toBeGreaterThanOrEqual(pages);
      }
    },
    90_000,
  );

  it("creates and records a batch: yield from the limiting input, files attached and downloadable", async () => {
    const created = await post("/api/batches", {
      id: "IXC-API-1",
      material: "ixazomib-citrate",
      routeId: "ixazomib-citrate",
      step: 4,
      inputs: [{ batchId: "IXB-DEMO-01", grams: 10 }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.batch.record).toEqual({
      routeId: "ixazomib-citrate",
      step: 4,
      material: "ixazomib citrate",
    });
    const form = new FormData();
    form.set("record", JSON.stringify({ actual_g: 12.5, note: "dried 12 h at 40 °C" }));
    const bytes = new TextEncoder().encode("weighing 12.50 g\n");
    form.set("weighing", new File([bytes], "weighing.txt"));
    const recorded = await call("/api/batches/IXC-API-1/record", { method: "POST", body: form });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const r = recorded.body.batch.record;
    // 10 g of ixazomib (C14H19BCl2N2O4) → ixazomib citrate (C20H23BCl2N2O9), 1:1.
    const theoretical = (10 / mw("C14H19BCl2N2O4")) * mw("C20H23BCl2N2O9");
    expect(close(r.theoretical_g, theoretical)).toBe(true);
    expect(close(r.yieldPct, (12.5 / theoretical) * 100)).toBe(true);
    expect(r.note).toBe("dried 12 h at 40 °C");
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(recorded.body.files).toMatchObject([{ name: "weighing.txt", sha256: sha }]);
    const file = await app.request(`/api/batches/IXC-API-1/files/${sha}`);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(recorded.body.audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["batch.file.attach", "batch.record"]),
    );
  });

  it("answers 400 with the reason for bad batch input", async () => {
    const issues = async (body: unknown) => {
      const res = await post("/api/batches", body);
      expect(res.status).toBe(400);
      return res.body.error;
    };
    expect((await issues({ id: "" })).issues[0].path).toBe("id");
    expect((await issues({ id: "X-1", inputs: [{ batchId: "IXB-DEMO-01", grams: -2 }] })).issues).toEqual([
      { path: "inputs.0.grams", message: expect.stringContaining(">0") },
    ]);
    expect((await issues({ id: "X-1", routeId: "ixazomib-citrate" })).message).toContain(
      "route and step go together",
    );
    expect((await issues({ id: "X-1", routeId: "ixazomib-citrate", step: 7 })).message).toContain(
      "has steps 1–4, found '7'",
    );
    expect((await issues({ id: "IXC-DEMO-01" })).message).toContain("already exists");
    const loop = await post("/api/batches/IXB-DEMO-01/record", { inputs: [{ batchId: "IXC-API-1" }] });
    expect(loop.status).toBe(400);
    expect(loop.body.error.message).toContain("the genealogy cannot loop");
    const bad = await post("/api/batches/IXC-API-1/record", { actual_g: "twelve" });
    expect(bad.body.error.issues[0].path).toBe("actual_g");
    const notJson = await call("/api/batches/IXC-API-1/record", { method: "POST", body: "x" });
    expect(notJson.status).toBe(400);
  });

  it("answers 404 for an unknown batch everywhere", async () => {
    for (const path of [
      "/api/batches/NOPE-1",
      "/api/batches/NOPE-1/evaluation",
      "/api/batches/NOPE-1/coa.html",
      `/api/batches/NOPE-1/files/${"0".repeat(64)}`,
    ]) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.message, path).toContain("'NOPE-1' not found");
    }
    const sign = { userName: "qa.lead", password: "s3cret-password", meaning: "QA release" };
    expect((await post("/api/batches/NOPE-1/release", sign)).status).toBe(404);
    expect((await post("/api/batches/NOPE-1/record", { note: "x" })).status).toBe(404);
    expect((await post("/api/batches", { id: "X-2", inputs: [{ batchId: "NOPE-1" }] })).status).toBe(404);
  });
});
