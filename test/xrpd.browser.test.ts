/**
 * The XRPD result pages in a real Chromium against the server run in-process (see helpers/browserApp.ts;
 * run `npx vite build --config vite.config.ts` first). A seeded synthetic mixture (formA + 25 % formB) is
 * stored as xrpd.peaks and xrpd.match through the API; the analysis pages must show the stored peak list
 * exactly (to the printed decimals), the server's plot, the ranked matches and the mixture flag. Skips
 * when Chromium is missing (unless CI requires it). XRPD_SCREENSHOT=path keeps a screenshot of the match.
 */

import { existsSync } from "node:fs";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYNTHETIC_FORMS } from "../src/core/analytics/xrpd/index.js";
import { type BrowserApp, chromiumPath, startBrowserApp } from "./helpers/browserApp.js";
import { mixtureXy, referenceCsv } from "./helpers/xrpdFixtures.js";

const hasChromium = existsSync(chromiumPath);
const browserRequired = Boolean(process.env.CI) && Boolean(process.env.IXALAB_REQUIRE_BROWSER);
const WAIT_MS = 20_000;

if (!hasChromium && browserRequired) {
  describe("XRPD pages in Chromium", () => {
    it("has a browser to run in", () => {
      throw new Error(`Chromium not found at ${chromiumPath}; set CHROMIUM_PATH.`);
    });
  });
}

async function text(locator: Locator): Promise<string> {
  await locator.waitFor({ state: "visible", timeout: WAIT_MS });
  return ((await locator.textContent()) ?? "").trim();
}

/** The page's rendering of a number with `digits` decimals (real minus sign, as format.ts `fixed`). */
const shown = (v: number, digits: number) => v.toFixed(digits).replace("-", "−");

/** The text of each body row's cells. */
const rowCells = (rows: Locator) =>
  rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent)));

describe.skipIf(!hasChromium)("XRPD pages in Chromium", () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp("xrpd", WAIT_MS);
  }, 60_000);
  afterAll(() => app?.close());

  /** Stores an analysis through the API; returns its id and stored result. */
  async function save(kind: string, files: Record<string, File>) {
    const form = new FormData();
    form.set("parameters", "{}");
    form.set("save", "true");
    for (const [name, file] of Object.entries(files)) form.set(name, file);
    const response = await fetch(`${app.url}/api/analyses/${kind}`, { method: "POST", body: form });
    expect(response.status).toBe(200);
    const { id, envelope } = await response.json();
    return { id: id as string, result: envelope.result };
  }

  async function expectPlotLoaded() {
    await app.page.getByTestId("xrpd-plot").scrollIntoViewIfNeeded();
    await app.page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="xrpd-plot"]');
      return img?.complete && img.naturalWidth > 0;
    });
  }

  it("xrpd.peaks page: the stored peak list (2θ, d, rel. I) and the server's pattern plot", async () => {
    const { id, result } = await save("xrpd.peaks", { pattern: new File([mixtureXy()], "mix.xy") });
    await app.page.goto(`${app.url}/analyses/${id}`);
    const view = app.page.getByTestId("xrpd-peaks-result");
    expect(await text(view.getByTestId("xrpd-wavelength"))).toBe(`${result.wavelength_A} Å`);
    const rows = view.getByTestId("xrpd-peak-table").locator("tbody tr");
    await rows.first().waitFor();
    expect(await rowCells(rows)).toEqual(
      result.peaks.map((p: { twoTheta: number; dSpacing_A: number; relIntensity: number }) => [
        shown(p.twoTheta, 3),
        shown(p.dSpacing_A, 4),
        shown(p.relIntensity, 1),
      ]),
    );
    await expectPlotLoaded();
  });

  it("xrpd.match page: best match, the mixture flag and the ranked matches", async () => {
    const { id, result } = await save("xrpd.match", {
      pattern: new File([mixtureXy()], "mix.xy"),
      reference1: new File([referenceCsv(SYNTHETIC_FORMS.formA)], "formA.csv"),
      reference2: new File([referenceCsv(SYNTHETIC_FORMS.formB)], "formB.csv"),
    });
    expect(result.bestMatch).toBe("formA");
    await app.page.goto(`${app.url}/analyses/${id}`);
    const view = app.page.getByTestId("xrpd-match-result");
    expect(await text(view.getByTestId("xrpd-best-match"))).toBe("formA");
    expect(await text(view.getByTestId("xrpd-mixture"))).toContain("formB also present");
    const cells = await rowCells(view.getByTestId("xrpd-match-table").locator("tbody tr"));
    expect(cells.map((row) => row.slice(1, 5))).toEqual(
      result.matches.map(
        (m: { reference: string; score: number; matchedPeaks: number; unmatchedPeaks: number }) => [
          m.reference,
          shown(m.score, 2),
          String(m.matchedPeaks),
          String(m.unmatchedPeaks),
        ],
      ),
    );
    expect(await view.getByTestId("xrpd-peak-table").locator("tbody tr").count()).toBe(result.peaks.length);
    await expectPlotLoaded();
    const screenshot = process.env.XRPD_SCREENSHOT;
    if (screenshot) await app.page.screenshot({ path: screenshot, fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });
});
