import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/apps/server/createApp.js";
import { systemRunContext } from "../src/apps/shared/runContext.js";
import { openStore, type Store } from "../src/store/index.js";

// The potency control chart over stored IC50 runs: three ic50.fit runs of a reference compound whose
// noiseless 4PL data have IC50 2, 4 and 8 nM (Hill 1, 0–100 %). The fits recover each IC50 (1e-3), so the
// chart's geometric mean is 4 nM and its ±3 SD limits 4·2^∓3 = 0.5 and 32 nM (SD of log10 IC50 = log10 2).
let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await openStore({ actor: "ic50-trend-test" });
  app = createApp({ store, ctx: systemRunContext() });
});
afterAll(() => store.close());

const concentrations = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];
const wells = (k: number) => `${String.fromCharCode(65 + Math.floor(k / 12))}${(k % 12) + 1}`;
function normalizedCsv(ic50: number): string {
  const rows = concentrations.map((c, k) => `P1,${wells(k)},ref,${c},${100 / (1 + c / ic50)}`);
  return `plate,well,compound,conc_nM,pct_activity\n${rows.join("\n")}\n`;
}

describe("GET /api/assays/ic50/trend", () => {
  it("charts a compound's IC50 over the stored runs: geometric mean and ±3 SD of log10 IC50", async () => {
    for (const ic50 of [2, 4, 8]) {
      const form = new FormData();
      form.set("parameters", "{}");
      form.set("save", "true");
      form.set("data", new File([normalizedCsv(ic50)], `run-${ic50}.csv`));
      const response = await app.request("/api/analyses/ic50.fit", { method: "POST", body: form });
      expect(response.status).toBe(200);
    }
    const trend = await (await app.request("/api/assays/ic50/trend?compound=ref")).json();
    expect(trend.points.map((p: { ic50_nM: number }) => p.ic50_nM)).toEqual([
      expect.closeTo(2, 3),
      expect.closeTo(4, 3),
      expect.closeTo(8, 3),
    ]);
    expect(trend.geometricMean_nM).toBeCloseTo(4, 3);
    expect(trend.log10Sd).toBeCloseTo(Math.log10(2), 3);
    expect(trend.lower_nM).toBeCloseTo(0.5, 3);
    expect(trend.upper_nM).toBeCloseTo(32, 1);
    const svg = await (await app.request("/api/assays/ic50/trend.svg?compound=ref")).text();
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain("geometric mean 4.00 nM");
    const none = await (await app.request("/api/assays/ic50/trend?compound=unknown")).json();
    expect(none).toMatchObject({ compound: "unknown", points: [], n: 0, geometricMean_nM: null });
    expect((await app.request("/api/assays/ic50/trend")).status).toBe(400);
  });
});
