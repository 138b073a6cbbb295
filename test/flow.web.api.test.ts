/**
 * The flow API in-process (hono's app.request) on an in-memory PGlite store: the kinds' endpoints with
 * multipart FCS uploads, and the plot, density and quadrant endpoints of a stored flow.apoptosis run.
 * References are independent of the code under test: counts by the generator's own population labels,
 * means of the values as written (rounded to float32), recounts by a plain loop over the true values.
 */
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/apps/server/createApp.js";
import { systemRunContext } from "../src/apps/shared/runContext.js";
import { writeFcs } from "../src/io/fcs/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { DEBRIS, SAMPLE_POPULATIONS, sampleEvents, sampleFcs } from "./flow.web.fixtures.js";

let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await openStore({ actor: "flow-api-test" });
  app = createApp({ store, ctx: systemRunContext() });
});
afterAll(() => store.close());

const FSC_MIN = 10000;
const truth = sampleEvents();
const gated = truth.fsc.map((f) => f >= FSC_MIN);

function upload(kind: string, files: Record<string, Uint8Array>, parameters: unknown = {}, save = false) {
  const form = new FormData();
  form.set("parameters", JSON.stringify(parameters));
  form.set("save", String(save));
  for (const [name, bytes] of Object.entries(files))
    form.set(name, new Blob([bytes as Uint8Array<ArrayBuffer>]), `${name}.fcs`);
  return app.request(`/api/analyses/${kind}`, { method: "POST", body: form });
}

/** Quadrant counts by a plain loop over the true (uncompensated-by-us) values: [live, early, late, necrotic]. */
function directCounts(ta: number, tp: number) {
  const q = { live: 0, earlyApoptotic: 0, lateApoptotic: 0, necrotic: 0 };
  truth.annexin.forEach((a, i) => {
    if (!gated[i]) return;
    const p = truth.pi[i]!;
    if (a >= ta && p >= tp) q.lateApoptotic++;
    else if (a >= ta) q.earlyApoptotic++;
    else if (p >= tp) q.necrotic++;
    else q.live++;
  });
  return q;
}

/** FSC-A ≥ the debris cut-off as a Gating-ML 2.0 rectangle gate. */
const CELL_GATE = new TextEncoder().encode(`<?xml version="1.0"?>
<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating"
  xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes">
  <gating:RectangleGate gating:id="cells">
    <gating:dimension gating:min="${FSC_MIN}"><data-type:fcs-dimension data-type:name="FSC-A"/></gating:dimension>
  </gating:RectangleGate>
</gating:Gating-ML>`);

const APOPTOSIS = { annexin: "Annexin V", pi: "PI", thresholds: [2000, 2000], fscMin: FSC_MIN };

describe("flow kinds over HTTP with FCS uploads", () => {
  it("flow.info: events, parameters and raw means of the values as written", async () => {
    const response = await upload("flow.info", { fcs: sampleFcs() });
    expect(response.status).toBe(200);
    const { envelope } = await response.json();
    const [d] = envelope.result.datasets;
    expect(d).toMatchObject({ index: 0, version: "FCS3.1", events: 10000 + DEBRIS });
    expect(d.parameters.map((p: { name: string }) => p.name)).toEqual(["FSC-A", "FITC-A", "PE-A"]);
    const fitc = truth.annexin.map((a, i) => Math.fround(a + 0.05 * truth.pi[i]!));
    const mean = fitc.reduce((s, v) => s + v, 0) / fitc.length;
    // Tolerance: summation order only (float64 sums of float32 values), far below 1e-9 relative.
    expect(d.parameters[1].rawMean).toBeCloseTo(mean, 6);
    expect(d.keywords.$SPILLOVER).toBe("2,FITC-A,PE-A,1,0.2,0.05,1");
    expect(envelope.inputs[0]).toMatchObject({ name: "fcs.fcs", format: "fcs" });
  });

  it("flow.apoptosis: exact counts of the generator's populations among the gated events", async () => {
    const response = await upload("flow.apoptosis", { fcs: sampleFcs() }, APOPTOSIS);
    expect(response.status).toBe(200);
    const { result } = (await response.json()).envelope;
    // Expected by the generator's labels: events come in population order, then the debris.
    let start = 0;
    const expected: Record<string, number> = {};
    for (const p of SAMPLE_POPULATIONS) {
      expected[p.key] = gated.slice(start, start + p.count).filter(Boolean).length;
      start += p.count;
    }
    const total = gated.filter(Boolean).length;
    expect(result.events).toBe(10000 + DEBRIS);
    expect(result.gatedEvents).toBe(total);
    for (const p of SAMPLE_POPULATIONS) {
      expect(result.populations[p.key]).toEqual({
        count: expected[p.key],
        percent: (100 * expected[p.key]!) / total,
      });
    }
    expect(result).toMatchObject({ compensated: true, channels: { annexin: "FITC-A", pi: "PE-A" } });
  });

  it("flow.gate: a Gating-ML rectangle gate counts the events in range", async () => {
    const response = await upload("flow.gate", { fcs: sampleFcs(), gatingml: CELL_GATE });
    expect(response.status).toBe(200);
    const { result } = (await response.json()).envelope;
    const inRange = truth.fsc.filter((f) => Math.fround(f) >= FSC_MIN).length;
    expect(result.gates).toEqual([
      { id: "cells", count: inRange, percent: (100 * inRange) / (10000 + DEBRIS) },
    ]);
  });

  it("thresholds from a negative control are recorded as such", async () => {
    const control = writeFcs({
      parameters: [{ name: "FSC-A" }, { name: "FITC-A", label: "Annexin V" }, { name: "PE-A", label: "PI" }],
      data: [
        Array.from({ length: 1000 }, () => 60000),
        Array.from({ length: 1000 }, (_, i) => 100 + i),
        Array.from({ length: 1000 }, (_, i) => 50 + i),
      ],
    });
    const { thresholds: _t, ...withoutThresholds } = APOPTOSIS;
    const response = await upload("flow.apoptosis", { fcs: sampleFcs(), control }, withoutThresholds);
    expect(response.status).toBe(200);
    const { result } = (await response.json()).envelope;
    // R type 7 99.5th percentile of 100…1099: 100 + 0.995·999 = 1094.005 (and 50 + … for PI).
    expect(result.thresholds.annexin).toBeCloseTo(1094.005, 9);
    expect(result.thresholds.pi).toBeCloseTo(1044.005, 9);
    expect(result.thresholds.source).toBe("control");
    // Stored, its density names both files by input and keeps the control's thresholds.
    const saved = await upload("flow.apoptosis", { fcs: sampleFcs(), control }, withoutThresholds, true);
    const { id } = await saved.json();
    const density = await (await app.request(`/api/analyses/${id}/flow/density.json`)).json();
    expect(Object.keys(density.inputs)).toEqual(["fcs", "control"]);
    expect(density.inputs.control.name).toBe("control.fcs");
    expect(density.thresholds).toEqual(result.thresholds);
  });

  it("refuses a truncated FCS file and an unknown channel with 400 and the reason", async () => {
    const bytes = sampleFcs();
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    for (const kind of ["flow.info", "flow.apoptosis"]) {
      const response = await upload(kind, { fcs: truncated }, kind === "flow.info" ? {} : APOPTOSIS);
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.type).toBe("FormatError");
      expect(error.message).toMatch(/^fcs\.fcs: .*expected .*found/);
    }
    const garbage = await upload("flow.info", { fcs: new TextEncoder().encode("not an FCS file at all") });
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error.message).toMatch(/fcs\.fcs/);
    const channel = await upload("flow.apoptosis", { fcs: sampleFcs() }, { ...APOPTOSIS, pi: "APC-A" });
    expect(channel.status).toBe(400);
    expect((await channel.json()).error.message).toMatch(/no channel 'APC-A'/);
  });
});

describe("plots, density and quadrants of a stored flow.apoptosis run", () => {
  let id: string;
  beforeAll(async () => {
    const response = await upload("flow.apoptosis", { fcs: sampleFcs() }, APOPTOSIS, true);
    expect(response.status).toBe(200);
    id = (await response.json()).id;
  });

  it("serves the density plot with the four percentages as SVG", async () => {
    const response = await app.request(`/api/analyses/${id}/plots/density.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    const svg = await response.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    const q = directCounts(2000, 2000);
    const total = gated.filter(Boolean).length;
    expect(svg).toContain(`live ${((100 * q.live) / total).toFixed(1)} %`);
    expect(svg).toContain(`late apoptotic ${((100 * q.lateApoptotic) / total).toFixed(1)} %`);
    const asinh = await app.request(`/api/analyses/${id}/plots/density.svg?transform=asinh`);
    expect(await asinh.text()).toContain("(asinh)");
    expect((await app.request(`/api/analyses/${id}/plots/density.svg?transform=log`)).status).toBe(400);
  });

  it("serves channel histograms: Annexin V, PI and any channel; 400 for an unknown one", async () => {
    for (const channel of ["annexin", "PE-A", "FSC-A"]) {
      const response = await app.request(`/api/analyses/${id}/plots/histogram.svg?channel=${channel}`);
      expect(response.status).toBe(200);
      expect(XMLValidator.validate(await response.text())).toBe(true);
    }
    const bad = await app.request(`/api/analyses/${id}/plots/histogram.svg?channel=APC-A`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/FSC-A, FITC-A, PE-A/);
  });

  it("density.json: counts sum to the gated events, edges and ticks for both axes", async () => {
    const response = await app.request(`/api/analyses/${id}/flow/density.json?bins=64`);
    expect(response.status).toBe(200);
    const d = await response.json();
    const total = gated.filter(Boolean).length;
    expect(d.bins).toBe(64);
    expect(d.counts).toHaveLength(64 * 64);
    expect(d.counts.reduce((a: number, b: number) => a + b, 0)).toBe(total);
    expect(d.binned).toBe(total);
    expect(d.x.edges).toHaveLength(65);
    expect(d.x.scale.kind).toBe("logicle");
    expect(d.y.ticks.map((t: { label: string }) => t.label)).toContain("10³");
    expect(d.thresholds).toEqual({ annexin: 2000, pi: 2000, source: "user" });
    expect(d.inputs.fcs).toMatchObject({ name: "fcs.fcs", format: "fcs" });
    expect(d.populations.live.count).toBe(directCounts(2000, 2000).live);
    for (const bins of ["8", "2000", "abc"]) {
      expect((await app.request(`/api/analyses/${id}/flow/density.json?bins=${bins}`)).status).toBe(400);
    }
  });

  it("recounts the quadrants exactly for new thresholds; 400 for bad ones", async () => {
    for (const [ta, tp] of [
      [2000, 2000],
      [500, 5000],
      [-100, 150],
      [12000, 300],
    ] as const) {
      const response = await app.request(`/api/analyses/${id}/flow/quadrants`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ thresholds: [ta, tp] }),
      });
      expect(response.status).toBe(200);
      const body = await response.json();
      const q = directCounts(ta, tp);
      expect(body.gatedEvents).toBe(gated.filter(Boolean).length);
      for (const [key, count] of Object.entries(q)) expect(body.populations[key].count).toBe(count);
    }
    for (const body of [
      '{"thresholds":[1]}',
      '{"thresholds":["a","b"]}',
      "{}",
      "not json",
      '{"thresholds":[1,2],"x":1}',
    ]) {
      const response = await app.request(`/api/analyses/${id}/flow/quadrants`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(/thresholds/);
    }
  });

  it("a run gated by a stored Gating-ML cell gate: the same density and recounts", async () => {
    const { fscMin: _f, ...ungated } = APOPTOSIS;
    const response = await upload("flow.apoptosis", { fcs: sampleFcs(), cellGate: CELL_GATE }, ungated, true);
    expect(response.status).toBe(200);
    const gatedId = (await response.json()).id;
    const d = await (await app.request(`/api/analyses/${gatedId}/flow/density.json`)).json();
    expect(Object.keys(d.inputs)).toEqual(["fcs", "cellGate"]);
    // The same cut-off as fscMin, as a gate: the same gated events (float32 FSC-A values either way).
    expect(d.gatedEvents).toBe(truth.fsc.filter((f) => Math.fround(f) >= FSC_MIN).length);
    const recount = await app.request(`/api/analyses/${gatedId}/flow/quadrants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ thresholds: [500, 5000] }),
    });
    expect((await recount.json()).populations.live.count).toBe(directCounts(500, 5000).live);
  });

  it("answers 404 for an unknown analysis and 400 for one of another kind", async () => {
    const missing = await app.request("/api/analyses/00000000-0000-4000-8000-000000000000/flow/density.json");
    expect(missing.status).toBe(404);
    const info = await upload("flow.info", { fcs: sampleFcs() }, {}, true);
    const other = (await info.json()).id;
    const response = await app.request(`/api/analyses/${other}/plots/density.svg`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/flow\.info.*flow\.apoptosis/);
  });
});
