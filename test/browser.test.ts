/**
 * The web UI in a real Chromium against the real server (bin/ixalab serve on a fresh PGlite data dir).
 * Needs `npm run build` first (dist/ for the server, dist/web for the UI). Skips with a warning when
 * Chromium is missing, except in CI with IXALAB_REQUIRE_BROWSER set, where a missing browser fails.
 * Leaves a screenshot of the compound page in .tmp/compound-page.png for a human to look at.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, repoRoot, startServer } from "./helpers/server.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(executablePath);
const browserRequired = Boolean(process.env.CI) && Boolean(process.env.IXALAB_REQUIRE_BROWSER);
const screenshotDir = join(repoRoot, ".tmp");
// Server start-up includes loading RDKit (WASM); first responses can take a few seconds.
const WAIT_MS = 20_000;

if (!hasChromium && browserRequired) {
  describe("web UI in Chromium", () => {
    it("has a browser to run in", () => {
      throw new Error(
        `Chromium not found at ${executablePath}; CI and IXALAB_REQUIRE_BROWSER are set, so the browser tests must run. Install Chromium or set CHROMIUM_PATH.`,
      );
    });
  });
} else if (!hasChromium) {
  console.warn(
    `browser tests skipped: Chromium not found at ${executablePath} (set CHROMIUM_PATH to run them)`,
  );
}

async function text(locator: Locator): Promise<string> {
  await locator.waitFor({ state: "visible", timeout: WAIT_MS });
  return ((await locator.textContent()) ?? "").trim();
}

describe.skipIf(!hasChromium)("web UI in Chromium", () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, "dist", "web", "index.html"))) {
      throw new Error("dist/web/index.html is missing: run `npm run build` before the browser tests");
    }
    server = await startServer();
    browser = await chromium.launch({
      executablePath,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on("pageerror", (error) => pageErrors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lists ixazomib citrate on the home page, with the backend in the footer", async () => {
    await page.goto(`${server!.url}/`);
    const link = page.locator('[data-testid="compounds"] a[href="/compounds/ixazomib-citrate"]');
    expect(await text(link)).toMatch(/ixazomib citrate/i);
    const health = page.locator('[data-testid="health"]');
    await health.getByText(/store:/).waitFor();
    expect(await text(health)).toMatch(/API ok.*v\d+\.\d+\.\d+.*store: (PGlite|postgres)/);
  });

  it("opens the compound page: formula, MW 517.12, depiction, references, balanced hydrolysis", async () => {
    await page.locator('a[href="/compounds/ixazomib-citrate"]').first().click();
    await page.waitForURL(/\/compounds\/ixazomib-citrate$/);
    expect(await text(page.getByTestId("formula"))).toBe("C20H23BCl2N2O9");
    expect(await text(page.getByTestId("mw"))).toBe("517.12");

    const svg = page.locator('[data-testid="depiction"] svg');
    await svg.waitFor();
    expect(await svg.locator("path, line, polyline").count()).toBeGreaterThan(0);

    expect(await text(page.getByTestId("reference-physicochemical"))).toContain("517.12 g/mol");

    const balanced = page.getByTestId("balanced");
    expect(await text(balanced)).toBe("Balanced");
    expect(await text(page.getByTestId("hydrolysis"))).toContain("ixazomib");

    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, "compound-page.png"), fullPage: true });
  });

  it("serves deep links (index.html for app paths) and reports unknown compounds", async () => {
    await page.goto(`${server!.url}/compounds/ixazomib-citrate`);
    expect(await text(page.getByTestId("formula"))).toBe("C20H23BCl2N2O9");
    await page.goto(`${server!.url}/compounds/no-such-compound`);
    expect(await text(page.getByRole("alert"))).toContain("no-such-compound");
  });

  it("runs chem.props from the generated form and shows formula C2H6O for CCO", async () => {
    await page.goto(`${server!.url}/analyses?kind=chem.props`);
    const smiles = page.locator("#param-smiles");
    await smiles.fill("CCO");
    await page.getByRole("button", { name: "Run analysis" }).click();
    const outcome = page.getByTestId("outcome");
    expect(await text(outcome.getByTestId("result"))).toContain("C2H6O");
    await outcome.getByTestId("envelope").waitFor();
    // Saved with save: true, so it appears among the stored analyses.
    await page.getByTestId("recent-analyses").getByText("chem.props").first().waitFor();
  });

  it("shows the API's error message for an invalid SMILES", async () => {
    await page.locator("#param-smiles").fill("C1CC(N");
    await page.getByRole("button", { name: "Run analysis" }).click();
    const alert = page.getByRole("alert");
    const message = await text(alert.locator(".error-box__message"));
    expect(message.length).toBeGreaterThan(5);
    expect(await page.getByTestId("outcome").count()).toBe(0);
  });

  it("lists the audit log, which records the saved analysis", async () => {
    await page.getByRole("link", { name: "Audit" }).click();
    await page.waitForURL(/\/audit$/);
    await page.getByTestId("audit").waitFor();
    expect(await page.locator('[data-testid="audit"] tbody tr').count()).toBeGreaterThan(0);
  });

  it("threw no uncaught errors in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
