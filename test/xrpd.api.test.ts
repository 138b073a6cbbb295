import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/apps/server/createApp.js";
import { systemRunContext } from "../src/apps/shared/runContext.js";
import { SYNTHETIC_FORMS } from "../src/core/analytics/xrpd/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { mixtureXy, referenceCsv } from "./helpers/xrpdFixtures.js";

// The xrpd.peaks / xrpd.match kinds through the HTTP API (multipart uploads), the stored result and the
// plot route, on an in-memory PGlite store.
let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await openStore({ actor: "xrpd-test" });
  app = createApp({ store, ctx: systemRunContext() });
});
afterAll(() => store.close());

describe("XRPD over HTTP", () => {
  it("xrpd.match: multipart pattern + references, stored, with the plot route", async () => {
    const form = new FormData();
    form.set("parameters", "{}");
    form.set("save", "true");
    form.set("pattern", new File([mixtureXy()], "mix.xy"));
    form.set("reference1", new File([referenceCsv(SYNTHETIC_FORMS.formA)], "formA.csv"));
    form.set("reference2", new File([referenceCsv(SYNTHETIC_FORMS.formB)], "formB.csv"));
    const response = await app.request("/api/analyses/xrpd.match", { method: "POST", body: form });
    expect(response.status).toBe(200);
    const { id, envelope } = await response.json();
    expect(envelope.result.bestMatch).toBe("formA");
    expect(envelope.result.otherFormsPresent).toEqual(["formB"]);
    expect(envelope.warnings.join(" ")).toMatch(/second form formB detected/);
    expect(envelope.inputs.map((i: { name: string }) => i.name)).toEqual([
      "mix.xy",
      "formA.csv",
      "formB.csv",
    ]);
    const plot = await app.request(`/api/analyses/${id}/plots/xrpd.svg`);
    expect(plot.status).toBe(200);
    expect(plot.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    const svg = await plot.text();
    expect(svg).toContain("formA");
    expect(svg).toContain("formB");
  });

  it("answers 400 naming the file for an XRDML without a wavelength", async () => {
    const text = readFileSync("../shared/testdata/xrpd/xylib_samples/empyrean.xrdml", "utf8");
    const form = new FormData();
    form.set("parameters", "{}");
    form.set(
      "pattern",
      new File([text.replace(/<usedWavelength[\s\S]*?<\/usedWavelength>/, "")], "nowl.xrdml"),
    );
    const response = await app.request("/api/analyses/xrpd.peaks", { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/nowl\.xrdml: <usedWavelength>\/<kAlpha1>/);
  });

  it("stores xrpd.peaks of a real RAW and plots it; 404 for an unknown analysis", async () => {
    const form = new FormData();
    form.set("parameters", "{}");
    form.set("save", "true");
    form.set(
      "pattern",
      new File([readFileSync("../shared/testdata/xrpd/xylib_samples/BT86.raw")], "BT86.raw"),
    );
    const { id, envelope } = await (
      await app.request("/api/analyses/xrpd.peaks", { method: "POST", body: form })
    ).json();
    expect(envelope.result.peaks.length).toBeGreaterThan(5);
    expect((await app.request(`/api/analyses/${id}/plots/xrpd.svg`)).status).toBe(200);
    expect((await app.request("/api/analyses/nope/plots/xrpd.svg")).status).toBe(404);
  });
});
