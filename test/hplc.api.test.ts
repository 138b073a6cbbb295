import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/apps/server/createApp.js";
import { systemRunContext } from "../src/apps/shared/runContext.js";
import { simulateChromatogram } from "../src/core/analytics/hplc/index.js";
import { writeChromatogramCsv } from "../src/io/chromatogram-csv/index.js";
import { openStore, type Store } from "../src/store/index.js";

// hplc.analyze through the HTTP API (multipart upload), the stored result and the chromatogram plot route,
// on an in-memory PGlite store.
const MOCCA = "../shared/testdata/hplc/agilent_chemstation_mocca/";
let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await openStore({ actor: "hplc-test" });
  app = createApp({ store, ctx: systemRunContext() });
});
afterAll(() => store.close());

describe("HPLC over HTTP", () => {
  it("hplc.analyze: an uploaded .ch and a method file, stored, with the plot route", async () => {
    const form = new FormData();
    form.set("parameters", JSON.stringify({ minHeight: 1, minArea: 1 }));
    form.set("save", "true");
    form.set("chromatogram", new File([readFileSync(`${MOCCA}DAD1A.ch`)], "DAD1A.ch"));
    form.set("method", new File(["name,rrt,window\nsolvent front,0.1405,0.005\n"], "method.csv"));
    const response = await app.request("/api/analyses/hplc.analyze", { method: "POST", body: form });
    expect(response.status).toBe(200);
    const { id, envelope } = await response.json();
    expect(envelope.result.mainPeak.rt_min).toBeCloseTo(2.4867, 3);
    expect(envelope.result.chromatogram.format).toBe("chemstation-130");
    expect(envelope.result.method).toBe("method.csv");
    expect(
      envelope.result.peaks.find((p: { name: string }) => p.name === "solvent front").rt_min,
    ).toBeCloseTo(0.3494, 3);
    expect(envelope.inputs.map((i: { name: string }) => i.name)).toEqual(["DAD1A.ch", "method.csv"]);
    const stored = await store.getAnalysis(id);
    expect(stored?.kind).toBe("hplc.analyze");
    const plot = await app.request(`/api/analyses/${id}/plots/chromatogram.svg`);
    expect(plot.status).toBe(200);
    expect(plot.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(await plot.text()).toContain("<svg");
    // The zoom the web's chromatogram controls ask for: the impurities' scale over 3.4–4.5 min.
    const zoomed = await app.request(
      `/api/analyses/${id}/plots/chromatogram.svg?scale=impurities&from=3.4&to=4.5`,
    );
    expect(zoomed.status).toBe(200);
    const zoomedSvg = await zoomed.text();
    expect(zoomedSvg).toContain("(zoomed: peaks may run off the top)");
    expect(zoomedSvg).not.toContain("2.487 ("); // the main peak (2.487 min) is outside the window
    for (const [query, reason] of [
      ["from=abc", "from: expected a time in minutes"],
      ["from=4&to=3", "expected from < to"],
      ["scale=log", "scale: expected 'full' or 'impurities'"],
    ] as const) {
      const bad = await app.request(`/api/analyses/${id}/plots/chromatogram.svg?${query}`);
      expect(bad.status, query).toBe(400);
      expect(JSON.stringify(await bad.json()), query).toContain(reason);
    }
    const csv = await app.request(`/api/analyses/${id}/peaks.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(1 + envelope.result.peaks.length);
    expect(lines.some((l) => l.includes("solvent front"))).toBe(true);
  });

  it("hplc.analyze with a blank run and timed events as parameters", async () => {
    const spec = {
      points: 6000,
      end_min: 20,
      drift: { offset: 1, slope_per_min: 0, amplitude: 0, period_min: 1 },
      noiseSigma: 0.002,
      seed: 3,
      peaks: [{ name: "main", mu_min: 8, sigma_min: 0.05, tau_min: 0, area: 500 }],
    };
    const hump = { name: "hump", mu_min: 16, sigma_min: 1, tau_min: 0, area: 900 };
    const sample = writeChromatogramCsv(simulateChromatogram({ ...spec, peaks: [...spec.peaks, hump] }));
    const blank = writeChromatogramCsv(simulateChromatogram({ ...spec, seed: 4, peaks: [hump] }));
    const form = new FormData();
    form.set("parameters", JSON.stringify({ baselineNow_min: [7.5], integrationOff_min: [[15, 20]] }));
    form.set("chromatogram", new File([sample], "sample.csv"));
    form.set("blank", new File([blank], "blank.csv"));
    const response = await app.request("/api/analyses/hplc.analyze", { method: "POST", body: form });
    expect(response.status).toBe(200);
    const { envelope } = await response.json();
    expect(envelope.result.blank).toMatchObject({ name: "blank.csv", points: 6000 });
    expect(envelope.result.settings.baselineNow_min).toEqual([7.5]);
    expect(envelope.result.settings.integrationOff_min).toEqual([[15, 20]]);
    expect(envelope.result.peaks).toHaveLength(1);
    expect(Math.abs(envelope.result.mainPeak.area / 500 - 1)).toBeLessThan(0.01);
    expect(envelope.inputs.map((i: { name: string }) => i.name)).toEqual(["sample.csv", "blank.csv"]);
  });

  it("answers 400 naming the file for a truncated .ch", async () => {
    const whole = readFileSync(`${MOCCA}DAD1B.ch`);
    const form = new FormData();
    form.set("parameters", "{}");
    form.set("chromatogram", new File([whole.subarray(0, whole.length - 999)], "cut.ch"));
    const response = await app.request("/api/analyses/hplc.analyze", { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/cut\.ch: byte \d+: .*Is the file truncated\?/);
  });

  it("answers 404 for the plot of an unknown analysis", async () => {
    expect((await app.request("/api/analyses/nope/plots/chromatogram.svg")).status).toBe(404);
    expect((await app.request("/api/analyses/nope/peaks.csv")).status).toBe(404);
  });

  it("overlays stored runs: ?ids= of hplc.analyze analyses, with the batch or sample as the legend", async () => {
    const saved: string[] = [];
    for (const [seed, impurity] of [
      [11, 1.5],
      [12, 4],
    ] as const) {
      const run = simulateChromatogram({
        points: 3000,
        end_min: 10,
        drift: { offset: seed, slope_per_min: 0.1, amplitude: 0, period_min: 1 },
        noiseSigma: 0.002,
        seed,
        peaks: [
          { name: "main", mu_min: 5, sigma_min: 0.04, tau_min: 0, area: 900 },
          { name: "imp", mu_min: 6.2, sigma_min: 0.04, tau_min: 0, area: impurity },
        ],
      });
      const form = new FormData();
      form.set("parameters", "{}");
      form.set("save", "true");
      form.set("chromatogram", new File([writeChromatogramCsv(run)], `lot-${seed}.csv`));
      const response = await app.request("/api/analyses/hplc.analyze", { method: "POST", body: form });
      saved.push((await response.json()).id);
    }
    const plot = await app.request(
      `/api/plots/chromatogram-overlay.svg?ids=${saved.join(",")}&scale=impurities`,
    );
    expect(plot.status).toBe(200);
    const svg = await plot.text();
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    for (const id of saved) expect(svg).toContain(`(${id.slice(0, 8)}) · purity`);
    const status = async (query: string) =>
      (await app.request(`/api/plots/chromatogram-overlay.svg?${query}`)).status;
    expect(await status("ids=")).toBe(400);
    expect(await status(`ids=${Array(8).fill(saved[0]).join(",")}`)).toBe(400);
    expect(await status(`ids=${saved[0]},nope`)).toBe(404);
    expect(await status(`ids=${saved[0]}&scale=log`)).toBe(400);
  });
});
