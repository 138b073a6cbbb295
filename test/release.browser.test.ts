/**
 * The compound dossier and the synthesis, batch and release pages in a real Chromium against the server run
 * in-process (createApp on a temporary PGlite store with the demo campaign seeded, serving the built UI from
 * dist/web — run `npx vite build --config vite.config.ts` first). The dossier must show the formula, MW
 * 517.12, the PK table and the four diagrams; the release view of the demo batch passes every line and is
 * signed with user, password and meaning; the impure batch's release is refused. Skips when Chromium is
 * missing (unless CI requires it). Set RELEASE_SCREENSHOT_DIR to keep screenshots of the pages.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoBatches } from "../src/apps/shared/demoBatches.js";
import { REFERENCE_DATA } from "../src/catalog/index.js";
import { loadRdkit } from "../src/io/rdkit/loadRdkit.js";
import { type BrowserApp, startBrowserApp } from "./helpers/browserApp.js";
import { hasChromium, requireBrowser, visibleText } from "./helpers/browserPage.js";

const screenshots = process.env.RELEASE_SCREENSHOT_DIR;
const WAIT_MS = 20_000;
const PASSWORD = "s3cret-password";
const text = (locator: Locator) => visibleText(locator, WAIT_MS);

requireBrowser("dossier and release pages in Chromium");

describe.skipIf(!hasChromium)("dossier and release pages in Chromium", () => {
  let app: BrowserApp;
  let url: string;
  let page: Page;
  const shoot = async (name: string) => {
    if (!screenshots) return;
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    app = await startBrowserApp("release", WAIT_MS, async (store) => {
      await store.seedCompounds(REFERENCE_DATA.compounds);
      await seedDemoBatches(store, await loadRdkit(), new Date());
      await store.setUserPassword("qa.lead", PASSWORD);
    });
    ({ url, page } = app);
  }, 60_000);

  afterAll(() => app?.close());

  it("opens the dossier: formula, MW 517.12, the PK table and the diagrams", async () => {
    await page.goto(`${url}/api/compounds/ixazomib-citrate/dossier.html`);
    expect(await text(page.getByTestId("formula"))).toBe("C20H23BCl2N2O9");
    // The guide's 517.12 g/mol (CIAAW conventional weights, two decimals).
    expect(await text(page.getByTestId("mw"))).toBe("517.12");
    const pk = page.locator("h2#pk + table");
    const rows = await pk.locator("tbody tr").allTextContents();
    expect(rows.map((r) => r.split(/\d/)[0]!.trim())).toEqual(
      expect.arrayContaining(["Bioavailability (F)", "Tmax", "Cmax", "Vss", "Terminal half-life"]),
    );
    // The model's bioavailability is the Gupta 2017 population value, 58 % (Clin Pharmacokinet 2017).
    const f = await pk.locator("tbody tr", { hasText: "Bioavailability" }).locator("td").nth(1).textContent();
    expect(Number(f)).toBeCloseTo(58, 0);
    for (const id of ["structure", "mechanism", "synthesis-workflow", "characterization-workflow"]) {
      const svg = page.locator(`figure#${id} svg`).first();
      await svg.waitFor();
      const box = (await svg.boundingBox())!;
      expect(box.width, id).toBeGreaterThan(100);
      expect(box.height, id).toBeGreaterThan(50);
      expect(await svg.locator("path, line, rect, text, polyline, polygon").count(), id).toBeGreaterThan(3);
    }
    expect(await page.locator("figure#synthesis-workflow").textContent()).toContain("citric acid");
    await shoot("dossier");
  });

  it("shows the route's four balanced steps and plans 100 g with PMI and E-factor", async () => {
    await page.goto(`${url}/synthesis`);
    await page.getByRole("link", { name: "Steps and balances" }).click();
    await page.waitForURL(/\/synthesis\/ixazomib-citrate$/);
    expect(await text(page.getByTestId("balanced-count"))).toBe("4 / 4");
    expect(await text(page.getByTestId("balance-1"))).toMatch(/^Balanced releases ClH \(hydrogen chloride\)/);
    expect(await text(page.getByTestId("balance-4"))).toMatch(/^Balanced releases 2 H2O \(water\)/);
    const reaction = page.getByTestId("reaction-2");
    await reaction.scrollIntoViewIfNeeded();
    await expect
      .poll(() => reaction.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await shoot("route");

    await page.getByRole("link", { name: "amounts for a target mass" }).click();
    await page.waitForURL(/\/plan$/);
    await page.locator("#plan-target").fill("250");
    for (const [i, y] of ["85", "80", "90", "88"].entries())
      await page.locator(`#plan-yield-${i + 1}`).fill(y);
    await page.getByRole("button", { name: "Plan" }).click();
    await page.waitForURL(/targetG=250/);
    await expect.poll(() => text(page.getByTestId("plan-product-g-4"))).toBe("250.000");
    expect(await text(page.getByTestId("overall-yield"))).toBe(`${(85 * 0.8 * 0.9 * 0.88).toFixed(2)} %`);
    const api = await (
      await fetch(`${url}/api/synthesis/routes/ixazomib-citrate/plan?targetG=250&yields=85,80,90,88`)
    ).json();
    expect(await text(page.getByTestId("pmi"))).toContain(api.pmi.toFixed(2));
    expect(await text(page.getByTestId("e-factor"))).toContain(api.eFactor.toFixed(2));
    await shoot("plan");

    await page.locator("#plan-target").fill("-1");
    await page.getByRole("button", { name: "Plan" }).click();
    expect(await text(page.getByRole("alert"))).toContain("target mass: expected a positive number");
  });

  it("walks the demo batch from the list to its release view and signs the release", async () => {
    await page.goto(`${url}/batches`);
    await page.getByTestId("batches").getByRole("link", { name: "IXC-DEMO-01" }).click();
    await page.waitForURL(/\/batches\/IXC-DEMO-01$/);
    const madeFrom = page.getByTestId("made-from");
    expect(await text(madeFrom)).toContain("IXB-DEMO-01");
    // The whole ancestry, nested: four levels down to the two starting-material lots.
    expect(await madeFrom.locator("ul ul ul li").allTextContents()).toEqual([
      expect.stringContaining("DCBC-DEMO-01"),
      expect.stringContaining("GLY-DEMO-01"),
    ]);
    const analyses = page.getByTestId("batch-analyses");
    expect(await analyses.locator("tbody tr").count()).toBe(4);
    expect(
      await text(analyses.getByRole("row", { name: /hplc\.analyze/ }).getByTestId("analysis-summary")),
    ).toMatch(/^purity 99\.\d\d % \(area\)/);
    await analyses
      .getByRole("row", { name: /hplc\.analyze/ })
      .getByRole("link")
      .click();
    await page.waitForURL(/\/analyses\/[0-9a-f-]{36}$/);
    expect(await text(page.locator("h1"))).toContain("hplc.analyze");
    expect(await text(page.getByTestId("analysis-batch"))).toBe("IXC-DEMO-01");
    await checkChromatogramZoom(page);
    await page.goBack();

    await page.getByTestId("release-link").click();
    await page.waitForURL(/\/batches\/IXC-DEMO-01\/release$/);
    const table = page.getByTestId("spec-table");
    await table.waitFor();
    expect(await page.getByTestId("outcome").getAttribute("data-outcome")).toBe("pass");
    const statuses = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-test"), r.getAttribute("data-status")]));
    expect(statuses).toEqual([
      ["hplc-purity", "pass"],
      ["hplc-single-impurity", "pass"],
      ["hrms-identity", "pass"],
      ["nmr-identity", "pass"],
      ["xrpd-form", "pass"],
    ]);
    expect(await text(page.getByTestId("value-hplc-single-impurity"))).toBe("0.12 %");
    expect(await text(table.locator('tr[data-test="hplc-single-impurity"] td').first())).toBe("≤ 0.15 %");

    // A wrong password is refused and nothing is signed.
    await page.locator("#sign-user").fill("qa.lead");
    await page.locator("#sign-password").fill("wrong-password");
    await page.getByTestId("sign-button").click();
    expect(await text(page.getByRole("alert"))).toContain("signature refused for 'qa.lead'");
    expect(await page.getByTestId("signature").count()).toBe(0);

    await page.locator("#sign-password").fill(PASSWORD);
    await page.locator("#sign-meaning").fill("QA release for clinical supply");
    await page.getByTestId("sign-button").click();
    const signature = page.getByTestId("signature");
    expect(await text(signature.getByTestId("signed-by"))).toBe("qa.lead");
    expect(await signature.getAttribute("data-decision")).toBe("released");
    expect(await text(signature.getByTestId("signature-meaning"))).toBe("QA release for clinical supply");
    expect(await page.getByTestId("sign-form").count()).toBe(0);
    await shoot("release");

    const coa = await fetch(
      `${url}${await page.getByTestId("documents").getByRole("link", { name: "HTML" }).getAttribute("href")}`,
    );
    expect(await coa.text()).toContain('data-decision="released"');

    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: "IXC-DEMO-01" })
      .click();
    await page.waitForURL(/\/batches\/IXC-DEMO-01$/);
    const audit = page.getByTestId("audit");
    await audit.getByText("signature.create").waitFor();
    expect(await text(audit.locator("tr", { hasText: "signature.create" }))).toContain("qa.lead");
    expect(await text(audit.locator("tr", { hasText: "batch.release" }))).toContain("qa.lead");
    expect(await text(page.getByTestId("batch-status"))).toContain("released");
    await shoot("batch");

    // The batch list shows the decision of the released batch only, linked to its release view.
    await page.goto(`${url}/batches`);
    const rows = page.getByTestId("batches").locator("tbody tr");
    const decided = rows.filter({ hasText: "IXC-DEMO-01" }).getByTestId("batch-decision");
    expect(await text(decided)).toBe("released");
    expect(await decided.getByRole("link").getAttribute("href")).toBe("/batches/IXC-DEMO-01/release");
    expect(await decided.getByRole("link").getAttribute("title")).toMatch(/^signed by qa\.lead, /);
    expect(await text(rows.filter({ hasText: "IXC-DEMO-02" }).getByTestId("batch-decision"))).toBe("—");

    // The batch-analysis table: every lot against the specification, the failing value marked.
    const lots = page.getByTestId("batch-analyses-ixazomib-citrate");
    const impure = lots.locator("tbody tr", { hasText: "IXC-DEMO-02" });
    const cell = impure.locator('td[data-test="hplc-single-impurity"]');
    expect(await cell.getAttribute("data-status")).toBe("fail");
    expect(await text(cell)).toBe("0.21 %fail");
    expect(await text(lots.locator("tbody tr", { hasText: "IXC-DEMO-01" }).locator("td").last())).toBe(
      "released",
    );
  });

  it("shows the impure batch failing its impurity line, with the release refused", async () => {
    await page.goto(`${url}/batches/IXC-DEMO-02/release`);
    const row = page.locator('[data-testid="spec-table"] tr[data-test="hplc-single-impurity"]');
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("fail");
    expect(await text(page.getByTestId("value-hplc-single-impurity"))).toBe("0.21 %");
    expect(await page.getByTestId("outcome").getAttribute("data-outcome")).toBe("fail");
    // The form proposes a rejection; choosing release blocks the button and says why.
    await page.getByRole("radio", { name: "Release" }).check();
    expect(await text(page.getByTestId("release-blocked"))).toContain(
      "Any single impurity (RP-HPLC, area %) fail",
    );
    expect(await page.getByTestId("sign-button").isDisabled()).toBe(true);
    await shoot("release-refused");
    const releases = (await (await fetch(`${url}/api/batches/IXC-DEMO-02`)).json()).releases;
    expect(releases).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});

/** The chromatogram's zoom controls: each choice redraws the server's plot with that view. */
async function checkChromatogramZoom(page: Page): Promise<void> {
  const plot = page.getByTestId("hplc-plot");
  await plot.waitFor();
  expect(await plot.getAttribute("src")).toMatch(/chromatogram\.svg$/);
  await page.getByRole("radio", { name: "Impurity scale" }).check();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="hplc-plot"]')?.getAttribute("src")?.includes("scale=impurities"),
  );
  await page.getByLabel("From (min)").fill("3.4");
  await page.getByLabel("To (min)").fill("4.5");
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="hplc-plot"]')?.getAttribute("src")?.endsWith("from=3.4&to=4.5"),
  );
  const loaded = await plot.evaluate(
    (img: HTMLImageElement) =>
      new Promise<number>((resolve, reject) => {
        if (img.complete && img.naturalWidth > 0) return resolve(img.naturalWidth);
        img.addEventListener("load", () => resolve(img.naturalWidth), { once: true });
        img.addEventListener("error", () => reject(new Error(`plot failed to load: ${img.src}`)), {
          once: true,
        });
      }),
  );
  expect(loaded).toBeGreaterThan(0);
  await page.getByLabel("To (min)").fill("3");
  expect(await text(page.getByRole("alert"))).toBe("The end must come after the start.");
  await page.getByRole("button", { name: "Reset" }).click();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="hplc-plot"]')?.getAttribute("src")?.endsWith("chromatogram.svg"),
  );
  // The other demo batch's run, overlaid on this one, on the impurity scale.
  const compare = page.getByTestId("compare-runs");
  await compare.getByRole("checkbox").first().check();
  const overlay = page.getByTestId("hplc-overlay-plot");
  await overlay.waitFor();
  expect(await overlay.getAttribute("src")).toMatch(
    /^\/api\/plots\/chromatogram-overlay\.svg\?ids=[0-9a-f-]{36},[0-9a-f-]{36}&scale=impurities$/,
  );
  await overlay.scrollIntoViewIfNeeded();
  expect(
    await overlay.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
  ).toBeGreaterThan(0);
}
