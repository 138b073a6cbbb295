import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERENCE_DATA } from "../../catalog/index.js";
import { openStore, type Store } from "../../store/index.js";
import { systemRunContext } from "../shared/runContext.js";
import { createApp } from "./createApp.js";
import { maxBodyBytesFrom } from "./startServer.js";

// The HTTP API tested in-process (hono's app.request), on an in-memory PGlite store.
let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await openStore({ actor: "api-test" });
  await store.seedCompounds(REFERENCE_DATA.compounds);
  app = createApp({ store, ctx: systemRunContext() });
});
afterAll(() => store.close());

async function getJson(path: string) {
  const response = await app.request(path);
  return { status: response.status, body: await response.json() };
}

describe("HTTP API", () => {
  it("answers health with the store backend", async () => {
    expect(await getJson("/api/health")).toEqual({
      status: 200,
      body: { status: "ok", version: expect.any(String), store: "pglite" },
    });
  });

  it("lists the seeded reference compounds", async () => {
    const { body } = await getJson("/api/compounds");
    expect(body.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(["ixazomib-citrate", "bortezomib"]),
    );
  });

  it("shows a compound with the same JSON as `compound show`", async () => {
    const { status, body } = await getJson("/api/compounds/ixazomib-citrate");
    expect(status).toBe(200);
    expect(body.computed.formula).toBe("C20H23BCl2N2O9");
    expect(body.hydrolysis.balanced).toBe(true);
    expect(body.reference.find((r: { property: string }) => r.property === "Molecular Weight").agrees).toBe(
      true,
    );
  });

  it("answers 404 JSON for an unknown compound or route", async () => {
    const { status, body } = await getJson("/api/compounds/nope");
    expect(status).toBe(404);
    expect(body.error).toMatchObject({
      type: "NotFoundError",
      message: expect.stringMatching(/compound 'nope' not found/),
    });
    expect((await getJson("/api/nothing-here")).status).toBe(404);
  });

  it("serves the depiction as SVG", async () => {
    const response = await app.request("/api/compounds/ixazomib/depiction.svg");
    expect(response.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(await response.text()).toMatch(/<svg/);
  });

  it("draws the mechanism of action for the prodrug and its active form only", async () => {
    for (const id of ["ixazomib-citrate", "ixazomib"]) {
      expect((await getJson(`/api/compounds/${id}`)).body.mechanism).toBe(true);
      const response = await app.request(`/api/compounds/${id}/mechanism.svg`);
      expect(response.status).toBe(200);
      const svg = await response.text();
      for (const step of [
        "β5",
        "unfolded protein response",
        "Caspase-8",
        "Caspase-9",
        "Caspase-3",
        "Apoptosis",
      ])
        expect(svg, step).toContain(step);
    }
    expect((await getJson("/api/compounds/bortezomib")).body.mechanism).toBe(false);
    const { status, body } = await getJson("/api/compounds/water/mechanism.svg");
    expect(status).toBe(404);
    expect(body.error.message).toBe(
      "mechanism of action 'water' not found. The guide describes that of ixazomib, ixazomib-citrate",
    );
  });

  it("lists kinds with JSON Schema parameters", async () => {
    const { body } = await getJson("/api/kinds");
    expect(body[0]).toMatchObject({
      id: "chem.props",
      parameters: { type: "object", properties: { smiles: { type: "string" } } },
    });
  });

  it("runs, stores and returns an analysis with its envelope and audit trail", async () => {
    const response = await app.request("/api/analyses/chem.props", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ parameters: { smiles: "CCO" }, save: true }),
    });
    expect(response.status).toBe(200);
    const { id, envelope } = await response.json();
    expect(envelope).toMatchObject({
      kind: "chem.props",
      parameters: { smiles: "CCO" },
      result: { formula: "C2H6O" },
    });
    const stored = await getJson(`/api/analyses/${id}`);
    expect(stored.body.result.formula).toBe("C2H6O");
    const audit = await getJson("/api/audit?limit=5");
    expect(audit.body[0]).toMatchObject({ action: "analysis.create", entityId: id, actor: "api-test" });
    const ofAnalysis = await getJson(`/api/audit?entity=analysis&entityId=${id}`);
    expect(ofAnalysis.body.map((e: { action: string }) => e.action)).toEqual(["analysis.create"]);
    const compounds = await getJson("/api/audit?entity=compound");
    expect(compounds.body.every((e: { entity: string }) => e.entity === "compound")).toBe(true);
    // The list to read: each result's headline lines, without the result and its envelope.
    const summaries = await getJson("/api/analyses?kind=chem.props&view=summary");
    const row = summaries.body.find((r: { id: string }) => r.id === id);
    expect(row.summary).toContainEqual(["formula", "C2H6O"]);
    expect(row).not.toHaveProperty("result");
    expect(row).not.toHaveProperty("provenance");
    expect(row.parameters).toEqual({ smiles: "CCO" });
    const bad = await getJson("/api/analyses?view=brief");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("view: expected 'full' or 'summary', found 'brief'");
  });

  it("takes input files as multipart/form-data and stores them content-addressed", async () => {
    const molfile =
      "ethanol\n  test\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 C   0  0\n    1.2990    0.7500    0.0000 C   0  0\n    2.5981   -0.0000    0.0000 O   0  0\n  1  2  1  0\n  2  3  1  0\nM  END\n";
    const form = new FormData();
    form.set("parameters", "{}");
    form.set("save", "true");
    form.set("molfile", new File([molfile], "ethanol.mol"));
    const response = await app.request("/api/analyses/chem.props", { method: "POST", body: form });
    expect(response.status).toBe(200);
    const { id, envelope } = await response.json();
    expect(envelope.result.formula).toBe("C2H6O");
    expect(envelope.inputs).toEqual([
      {
        name: "ethanol.mol",
        bytes: molfile.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        format: "molfile",
      },
    ]);
    const stored = await store.getAnalysis(id);
    expect(stored?.inputs).toEqual([{ name: "ethanol.mol", sha256: envelope.inputs[0].sha256, position: 0 }]);
    expect((await store.getRawFile(envelope.inputs[0].sha256))?.content).toEqual(
      new TextEncoder().encode(molfile),
    );
  });

  it("answers 400 for an input the kind does not take", async () => {
    const form = new FormData();
    form.set("parameters", JSON.stringify({ smiles: "CCO" }));
    form.set("reads", new File(["x"], "reads.csv"));
    const response = await app.request("/api/analyses/chem.props", { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0]).toMatchObject({ path: "inputs.reads" });
  });

  it("answers 400 with the issues for bad parameters, and stores nothing", async () => {
    const before = (await store.listAnalyses({})).length;
    for (const body of [
      { parameters: { smiles: "C1CC(" }, save: true },
      { parameters: {}, save: true },
      "not json",
    ]) {
      const response = await app.request("/api/analyses/chem.props", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toBeTruthy();
    }
    expect((await store.listAnalyses({})).length).toBe(before);
  });
});

describe("IC50 over HTTP", () => {
  const plate = (name: string) =>
    new File(
      [readFileSync(new URL(`../../../../shared/testdata/ic50/example-plate/${name}`, import.meta.url))],
      name,
    );
  let id: string;

  it("runs ic50.run from uploaded files and stores it", async () => {
    const form = new FormData();
    form.set("parameters", JSON.stringify({ windowReads: 10 }));
    form.set("save", "true");
    form.set("reads", plate("kinetics.csv"));
    form.set("layout", plate("layout.csv"));
    form.set("plates", plate("plates.csv"));
    const response = await app.request("/api/analyses/ic50.run", { method: "POST", body: form });
    expect(response.status).toBe(200);
    const body = await response.json();
    id = body.id;
    expect(body.envelope.inputs.map((i: { name: string }) => i.name)).toEqual([
      "kinetics.csv",
      "layout.csv",
      "plates.csv",
    ]);
    expect(body.envelope.result.plates[0].zPrime).toBeCloseTo(0.8406819565059869, 9);
  });

  it("serves curve and heat-map SVGs, the CSV table and the HTML report", async () => {
    const curve = await app.request(`/api/analyses/${id}/plots/curve.svg?plate=PA01&compound=ixazomib`);
    expect(curve.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(await curve.text()).toMatch(/<polyline/);
    const heatmap = await app.request(`/api/analyses/${id}/plots/heatmap.svg?plate=PA01&value=pct`);
    expect(heatmap.status).toBe(200);
    const csv = await (await app.request(`/api/analyses/${id}/curves.csv`)).text();
    expect(csv.split("\r\n")[0]).toMatch(/^plate,compound,class,ic50_nM/);
    expect(csv).toMatch(/PA01,ixazomib,active,3\.73/);
    const report = await app.request(`/api/analyses/${id}/report.html`);
    expect(await report.text()).toMatch(/IC50 report/);
    expect((await app.request(`/api/analyses/${id}/plots/curve.svg?plate=PA01&compound=nope`)).status).toBe(
      404,
    );
    expect((await app.request(`/api/analyses/${id}/plots/heatmap.svg?plate=PA01&value=x`)).status).toBe(400);
  });
});

describe("PK over HTTP", () => {
  it("runs and stores pk.simulate and pk.population, and plots them", async () => {
    const post = async (kind: string, parameters: unknown) => {
      const response = await app.request(`/api/analyses/${kind}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ parameters, save: true }),
      });
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(200);
      return body;
    };
    const sim = await post("pk.simulate", { cycles: 1, inhibition: { ic50_nM: 3.4 } });
    expect(sim.envelope.result.summary.vss_L).toBeCloseTo(527.7, 6);
    expect(sim.envelope.result.inhibition_pct).toHaveLength(sim.envelope.result.times_h.length);
    const plot = await app.request(`/api/analyses/${sim.id}/plots/pk.svg`);
    expect(await plot.text()).toMatch(/% β5 inhibition/);
    const pop = await post("pk.population", { subjects: 50, seed: 3, cycles: 1, aucWindows: [[0, 168]] });
    expect(pop.envelope.result.subjects).toHaveLength(50);
    expect(await (await app.request(`/api/analyses/${pop.id}/plots/pk.svg`)).text()).toMatch(/<polygon/);
  });
});

describe("upload limit", () => {
  it("answers 413 before storing anything when a body is larger than the limit, with or without a length", async () => {
    const small = createApp({ store, ctx: systemRunContext(), maxBodyBytes: 1024 });
    const form = new FormData();
    form.set("parameters", "{}");
    form.set("save", "true");
    form.set("molfile", new File(["x".repeat(4096)], "big.mol"));
    const before = (await store.listAnalyses({ limit: 1000 })).length;
    const response = await small.request("/api/analyses/chem.props", { method: "POST", body: form });
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe(
      "request body: larger than the server's limit of 1024 bytes (IXALAB_MAX_UPLOAD_MB)",
    );
    // A streamed body without Content-Length is cut off as it passes the limit.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode("y".repeat(512)));
        controller.close();
      },
    });
    const streamed = await small.request("/api/analyses/chem.props", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await store.listAnalyses({ limit: 1000 })).length).toBe(before);
  });

  it("takes the limit from IXALAB_MAX_UPLOAD_MB, refusing what is not a positive number", () => {
    expect(maxBodyBytesFrom({})).toBe(512 * 1024 ** 2);
    expect(maxBodyBytesFrom({ IXALAB_MAX_UPLOAD_MB: "2048" })).toBe(2048 * 1024 ** 2);
    expect(() => maxBodyBytesFrom({ IXALAB_MAX_UPLOAD_MB: "lots" })).toThrow(
      "IXALAB_MAX_UPLOAD_MB: expected a positive number of MiB, found 'lots'",
    );
  });
});
