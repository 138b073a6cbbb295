/**
 * The NMR result pages in a real Chromium against the server run in-process (see helpers/browserApp.ts;
 * run `npx vite build --config vite.config.ts` first). A seeded synthetic ixazomib-like ¹H experiment is
 * stored as nmr.process (with the built-in expected list) and nmr.integrate through the API; the analysis
 * pages must show the stored ranges, integrals and comparison exactly (to the printed decimals) and the
 * server's spectrum plot. Skips when Chromium is missing (unless CI requires it). NMR_SCREENSHOT=path
 * keeps a screenshot of the nmr.process page.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserApp, startBrowserApp } from "./helpers/browserApp.js";
import { hasChromium, requireBrowser, rowCells, shown, visibleText } from "./helpers/browserPage.js";
import { ixazomibLikeLines, syntheticBrukerZip } from "./helpers/nmrFixtures.js";

const WAIT_MS = 20_000;
const text = (locator: Parameters<typeof visibleText>[0]) => visibleText(locator, WAIT_MS);
requireBrowser("NMR pages in Chromium");

describe.skipIf(!hasChromium)("NMR pages in Chromium", () => {
  let app: BrowserApp;
  const zip = syntheticBrukerZip(ixazomibLikeLines(), { seed: 3 });
  beforeAll(async () => {
    app = await startBrowserApp("nmr", WAIT_MS);
  }, 60_000);
  afterAll(() => app?.close());

  async function save(kind: string, parameters: object) {
    const form = new FormData();
    form.set("parameters", JSON.stringify(parameters));
    form.set("save", "true");
    form.set("spectrum", new File([zip as Uint8Array<ArrayBuffer>], "ixa.zip"));
    const response = await fetch(`${app.url}/api/analyses/${kind}`, { method: "POST", body: form });
    expect(response.status).toBe(200);
    const { id, envelope } = await response.json();
    return { id: id as string, result: envelope.result };
  }

  async function expectPlotLoaded() {
    await app.page.getByTestId("nmr-plot").scrollIntoViewIfNeeded();
    await app.page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="nmr-plot"]');
      return img?.complete && img.naturalWidth > 0;
    });
  }

  it("nmr.process page: facts, the expected-signal verdict, the range table and the plot", async () => {
    const { id, result } = await save("nmr.process", { expectedList: "ixazomib-citrate" });
    expect(result.expected.agrees).toBe(true);
    await app.page.goto(`${app.url}/analyses/${id}`);
    const view = app.page.getByTestId("nmr-process-result");
    expect(await text(view.getByTestId("nmr-nucleus"))).toBe("¹H");
    expect(await text(view.getByTestId("nmr-verdict"))).toContain("ixazomib-citrate-1h-dmso-d6: agrees");
    const ranges = await rowCells(view.getByTestId("nmr-range-table").locator("tbody tr"));
    expect(ranges.map((row) => [row[0], row[1], row[4]])).toEqual(
      result.ranges.map((r: { from: number; to: number; integral: number }) => [
        shown(r.from, 3),
        shown(r.to, 3),
        shown(r.integral, 3),
      ]),
    );
    const expected = await rowCells(view.getByTestId("nmr-expected-table").locator("tbody tr"));
    expect(expected.map((row) => row[2])).toEqual(["2", "2", "3", "2", "5", "1", "2", "6"]);
    expect(await view.getByTestId("nmr-peak-table").locator("tbody tr").count()).toBe(result.peaks.length);
    await expectPlotLoaded();
    const screenshot = process.env.NMR_SCREENSHOT;
    if (screenshot) await app.page.screenshot({ path: screenshot, fullPage: false });
  });

  it("nmr.integrate page: the given ranges in the given order with their integrals", async () => {
    const { id, result } = await save("nmr.integrate", { ranges: "7.8-7.3,0.98-0.7" });
    await app.page.goto(`${app.url}/analyses/${id}`);
    const view = app.page.getByTestId("nmr-integrate-result");
    const rows = await rowCells(view.getByTestId("nmr-integral-table").locator("tbody tr"));
    expect(rows).toEqual(
      result.integrals.map((r: { from: number; to: number; integral: number }, i: number) => [
        String(i + 1),
        shown(r.from, 3),
        shown(r.to, 3),
        shown(r.integral, 3),
      ]),
    );
    expect(rows.map((row) => row[1])).toEqual(["7.800", "0.980"]);
    await expectPlotLoaded();
    expect(app.pageErrors).toEqual([]);
  });
});
