import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/apps/server/createApp.js";
import { systemRunContext } from "../src/apps/shared/runContext.js";
import { openStore, type Store } from "../src/store/index.js";

// The nmr.process / nmr.integrate kinds through the HTTP API (multipart uploads), the stored result with
// its provenance and the plot route, on an in-memory PGlite store.
const NMR = "../shared/testdata/nmr/";
let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await openStore({ actor: "nmr-test" });
  app = createApp({ store, ctx: systemRunContext() });
});
afterAll(() => store.close());

function upload(kind: string, file: string, name: string, parameters: object, save = true) {
  const form = new FormData();
  form.set("parameters", JSON.stringify(parameters));
  if (save) form.set("save", "true");
  form.set("spectrum", new File([readFileSync(file)], name));
  return app.request(`/api/analyses/${kind}`, { method: "POST", body: form });
}

describe("NMR over HTTP", () => {
  it("lists both kinds with their inputs", async () => {
    const kinds = (await (await app.request("/api/kinds")).json()) as {
      id: string;
      inputs: { name: string }[];
    }[];
    for (const id of ["nmr.process", "nmr.integrate"]) {
      const kind = kinds.find((k) => k.id === id);
      expect(kind?.inputs.map((i) => i.name)).toEqual(["spectrum", "expected"]);
    }
  });

  it("nmr.process: a Bruker zip uploaded, stored with provenance, read back and plotted", async () => {
    const response = await upload("nmr.process", `${NMR}bruker/aspirin-1h.zip`, "aspirin-1h.zip", {});
    expect(response.status).toBe(200);
    const { id, envelope } = await response.json();
    expect(envelope.kind).toBe("nmr.process");
    expect(envelope.inputs).toEqual([
      expect.objectContaining({ name: "aspirin-1h.zip", bytes: 59987, format: "nmr" }),
    ]);
    expect(envelope.parameters).toMatchObject({ reference: "solvent", zeroFill: 2, baseline: true });
    expect(envelope.result).toMatchObject({ nucleus: "1H", solvent: "CDCl3", format: "bruker-zip" });
    const stored = await (await app.request(`/api/analyses/${id}`)).json();
    expect(stored.kind).toBe("nmr.process");
    expect(stored.result.peaks).toEqual(envelope.result.peaks);
    const plot = await app.request(`/api/analyses/${id}/plots/nmr.svg`);
    expect(plot.status).toBe(200);
    expect(plot.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(await plot.text()).toContain("δ ¹H (ppm)");
  });

  it("nmr.integrate: a JEOL .jdf with ranges in the given order and the built-in expected list", async () => {
    const response = await upload("nmr.integrate", `${NMR}jeol/Rutin_DMSOd6_1H_400MHz.jdf`, "rutin.jdf", {
      ranges: "7.6-7.5,1.1-0.9",
      expectedList: "ixazomib-citrate",
    });
    expect(response.status).toBe(200);
    const { id, envelope } = await response.json();
    expect(envelope.result.integrals.map((i: { from: number }) => i.from)).toEqual([7.6, 1.1]);
    expect(envelope.result.expected.agrees).toBe(false); // rutin is not ixazomib citrate
    const svg = await (await app.request(`/api/analyses/${id}/plots/nmr.svg`)).text();
    expect(svg).toContain("7.6–7.5 ppm");
  });

  it("answers 400 naming the file for a JCAMP with inconsistent ##NPOINTS and a truncated .jdf", async () => {
    const npoints = await upload("nmr.process", `${NMR}jcamp/varian.jdx`, "varian.jdx", {}, false);
    expect(npoints.status).toBe(400);
    expect(JSON.stringify(await npoints.json())).toMatch(
      /varian\.jdx: line 27: ##NPOINTS: expected 16385 points/,
    );
    const form = new FormData();
    form.set("parameters", "{}");
    form.set(
      "spectrum",
      new File([readFileSync(`${NMR}jeol/Rutin_DMSOd6_1H_400MHz.jdf`).subarray(0, 400000)], "cut.jdf"),
    );
    const cut = await app.request("/api/analyses/nmr.process", { method: "POST", body: form });
    expect(cut.status).toBe(400);
    expect(JSON.stringify(await cut.json())).toMatch(/cut\.jdf: data section: .*the FID is truncated/);
  });

  it("answers 400 for bad ranges and 404 for an unknown analysis's plot", async () => {
    const bad = await upload(
      "nmr.integrate",
      `${NMR}bruker/aspirin-1h.zip`,
      "a.zip",
      { ranges: "7-x" },
      false,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/ranges: item 1 '7-x'/);
    expect((await app.request("/api/analyses/nope/plots/nmr.svg")).status).toBe(404);
  });
});
