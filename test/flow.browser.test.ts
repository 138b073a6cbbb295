/**
 * The flow pages in a real Chromium against the server run in-process (createApp on a temporary PGlite
 * store, serving the built UI from dist/web — run `npx vite build --config vite.config.ts` first). An
 * FCS file is uploaded through the generic analysis form, the stored flow.apoptosis page is opened, the
 * PI quadrant line is dragged and the Annexin V line moved with the keyboard; the page's exact
 * percentages must equal the API's recount. Skips when Chromium is missing (unless CI requires it).
 * Set FLOW_SCREENSHOT to a file path to keep a screenshot of the page.
 */

import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/apps/server/createApp.js";
import { closeSystemRunContext, systemRunContext } from "../src/apps/shared/runContext.js";
import { openStore, type Store } from "../src/store/index.js";
import { sampleFcs } from "./flow.web.fixtures.js";
import { repoRoot } from "./helpers/server.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(executablePath);
const browserRequired = Boolean(process.env.CI) && Boolean(process.env.IXALAB_REQUIRE_BROWSER);
const webRoot = join(repoRoot, "dist", "web");
const WAIT_MS = 20_000;

if (!hasChromium && browserRequired) {
  describe("flow pages in Chromium", () => {
    it("has a browser to run in", () => {
      throw new Error(`Chromium not found at ${executablePath}; set CHROMIUM_PATH.`);
    });
  });
}

async function text(locator: Locator): Promise<string> {
  await locator.waitFor({ state: "visible", timeout: WAIT_MS });
  return ((await locator.textContent()) ?? "").trim();
}

type Populations = Record<string, { count: number; percent: number }>;
const KEYS = ["live", "earlyApoptotic", "lateApoptotic", "necrotic"] as const;

describe.skipIf(!hasChromium)("flow pages in Chromium", () => {
  let store: Store;
  let server: ReturnType<typeof serve>;
  let url: string;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let analysisId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(webRoot, "index.html"))) {
      throw new Error("dist/web/index.html is missing: run `npx vite build --config vite.config.ts` first");
    }
    dir = await mkdtemp(join(tmpdir(), "ixalab-flow-web-"));
    store = await openStore({ dataDir: join(dir, "data"), actor: "flow-browser-test" });
    const app = createApp({ store, ctx: systemRunContext(), webRoot });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await writeFile(join(dir, "sample.fcs"), sampleFcs());
    browser = await chromium.launch({
      executablePath,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on("pageerror", (error) => pageErrors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await store?.close();
    await closeSystemRunContext();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function recount(thresholds: [number, number]): Promise<{ populations: Populations }> {
    const response = await fetch(`${url}/api/analyses/${analysisId}/flow/quadrants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ thresholds }),
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  async function shownThresholds(): Promise<[number, number]> {
    const a = Number(await page.getByTestId("threshold-annexin").getAttribute("data-value"));
    const p = Number(await page.getByTestId("threshold-pi").getAttribute("data-value"));
    return [a, p];
  }

  /** The page's corner and table percentages equal the API's exact ones. */
  async function expectPercentages(populations: Populations) {
    for (const key of KEYS) {
      expect(await text(page.getByTestId(`pct-${key}`))).toBe(populations[key]!.percent.toFixed(2));
      expect(await text(page.getByTestId(`count-${key}`))).toBe(String(populations[key]!.count));
      expect(await text(page.getByTestId(`density-pct-${key}`))).toMatch(
        new RegExp(` ${populations[key]!.percent.toFixed(1).replace(".", "\\.")} %$`),
      );
    }
  }

  it("uploads an FCS file through the analysis form and shows the flow.apoptosis result", async () => {
    await page.goto(`${url}/analyses?kind=flow.apoptosis`);
    await page.locator("#input-fcs").setInputFiles(join(dir, "sample.fcs"));
    await page.locator("#param-annexin").fill("Annexin V");
    await page.locator("#param-pi").fill("PI");
    await page.locator("#param-thresholds").fill("[2000, 2000]");
    await page.locator("#param-fscMin").fill("10000");
    await page.getByRole("button", { name: "Run analysis" }).click();
    const outcome = page.getByTestId("outcome");
    await outcome.getByTestId("flow-density").waitFor();
    await outcome.getByRole("link", { name: /saved/ }).click();
    await page.waitForURL(/\/analyses\/[0-9a-f-]{36}$/);
    analysisId = page.url().split("/").at(-1)!;
  });

  it("shows the stored percentages on the density and in the table, exactly", async () => {
    const stored = await (await fetch(`${url}/api/analyses/${analysisId}`)).json();
    await page.getByTestId("flow-density").waitFor();
    expect(await page.getByTestId("quadrant-status").getAttribute("data-state")).toBe("exact");
    await expectPercentages(stored.result.populations);
    expect(await text(page.getByTestId("threshold-source"))).toBe("given by the user");
    expect(await text(page.getByTestId("flow-compensated"))).toMatch(/^yes/);
    expect(await text(page.getByTestId("flow-run-facts"))).toContain("sample.fcs");
  });

  it("dragging the PI line recounts exactly what the API counts", async () => {
    const hit = page.getByTestId("threshold-line-pi").locator(".flow-density__hit");
    await page.getByTestId("flow-density").scrollIntoViewIfNeeded();
    const box = (await hit.boundingBox())!;
    const x = box.x + box.width * 0.3;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(x, y - 9 * step);
    await page.mouse.up();
    const thresholds = await shownThresholds();
    expect(thresholds[0]).toBe(2000);
    expect(thresholds[1]).toBeGreaterThan(2000);
    expect(await text(page.getByTestId("threshold-source"))).toBe("moved here (not saved)");
    await page.locator('[data-testid="quadrant-status"][data-state="exact"]').waitFor();
    await expectPercentages((await recount(thresholds)).populations);
  });

  it("the arrow keys move the Annexin V line, and the exact recount follows", async () => {
    const before = await shownThresholds();
    await page.getByTestId("threshold-line-annexin").focus();
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    const after = await shownThresholds();
    expect(after[0]).toBeLessThan(before[0]);
    expect(after[1]).toBe(before[1]);
    // The estimate shows at once with ≈, then the exact count replaces it.
    await page.locator('[data-testid="quadrant-status"][data-state="exact"]').waitFor();
    const exact = (await recount(after)).populations;
    await expectPercentages(exact);
    // Asinh axes: the same thresholds and exact counts, drawn on the other scale.
    await page.getByRole("radio", { name: "asinh" }).check();
    await page.getByTestId("flow-density").getByText("PE-A · PI (asinh)").waitFor();
    expect(await shownThresholds()).toEqual(after);
    await expectPercentages(exact);
    const screenshot = process.env.FLOW_SCREENSHOT;
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  });

  it("flow.info through the form: parameters with raw means, keywords collapsed", async () => {
    await page.goto(`${url}/analyses?kind=flow.info`);
    await page.locator("#input-fcs").setInputFiles(join(dir, "sample.fcs"));
    await page.getByRole("button", { name: "Run analysis" }).click();
    const view = page.getByTestId("outcome").getByTestId("flow-info-result");
    expect(await text(view.locator("h4").first())).toMatch(/FCS3\.1 · 10400 events/);
    expect(await view.locator('tr[data-parameter="FITC-A"]').textContent()).toContain("Annexin V");
    expect(await view.getByTestId("flow-keywords").getAttribute("open")).toBeNull();
    const screenshot = process.env.FLOW_SCREENSHOT;
    if (screenshot)
      await page.screenshot({ path: screenshot.replace(/(\.png)?$/, "-info.png"), fullPage: true });
  });

  it("flow.gate through the form: the gate table with counts and %", async () => {
    await writeFile(
      join(dir, "cells.xml"),
      `<?xml version="1.0"?>
<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating"
  xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes">
  <gating:RectangleGate gating:id="cells">
    <gating:dimension gating:min="10000"><data-type:fcs-dimension data-type:name="FSC-A"/></gating:dimension>
  </gating:RectangleGate>
</gating:Gating-ML>`,
    );
    await page.goto(`${url}/analyses?kind=flow.gate`);
    await page.locator("#input-fcs").setInputFiles(join(dir, "sample.fcs"));
    await page.locator("#input-gatingml").setInputFiles(join(dir, "cells.xml"));
    await page.getByRole("button", { name: "Run analysis" }).click();
    const row = page.getByTestId("outcome").locator('[data-testid="flow-gates"] tr[data-gate="cells"]');
    const shown = await text(row);
    const api = await (await fetch(`${url}/api/analyses?kind=flow.gate&limit=1`)).json();
    const gate = api[0].result.gates[0];
    expect(shown).toBe(`cells${gate.count}${gate.percent.toFixed(2)}`);
    expect(pageErrors).toEqual([]);
  });
});
