/**
 * The web UI in a real Chromium against the real server (bin/ixalab serve on a fresh PGlite data dir).
 * Needs `npm run build` first (dist/ for the server, dist/web for the UI). Skips with a warning when
 * Chromium is missing, except in CI with IXALAB_REQUIRE_BROWSER set, where a missing browser fails.
 * Leaves screenshots of the compound page (.tmp/compound-page.png), of an IC50 run (.tmp/ic50-page.png)
 * and of the PK page (.tmp/pk-page.png) for a human to look at.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulateChromatogram } from "../src/core/analytics/hplc/index.js";
import { writeChromatogramCsv } from "../src/io/chromatogram-csv/index.js";
import { type RunningServer, repoRoot, startServer } from "./helpers/server.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(executablePath);
const browserRequired = Boolean(process.env.CI) && Boolean(process.env.IXALAB_REQUIRE_BROWSER);
const screenshotDir = join(repoRoot, ".tmp");
// Server start-up includes loading RDKit (WASM); first responses can take a few seconds.
const WAIT_MS = 20_000;
// An IC50 run reads ~12 000 kinetic reads and fits every curve; allow it (and the test) more time.
const RUN_MS = 60_000;
// The example plate shared by the project's IC50 tests (read in place, never copied).
const ic50ExampleDir = join(repoRoot, "..", "shared", "testdata", "ic50", "example-plate");

/** Ethanol (C2H6O) as an MDL V2000 molfile, heavy atoms only. */
const ETHANOL_MOLFILE = [
  "ethanol",
  "  ixalab-test",
  "",
  "  3  2  0  0  0  0  0  0  0  0999 V2000",
  "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0",
  "    1.2990    0.7500    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0",
  "    2.5981    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0",
  "  1  2  1  0",
  "  2  3  1  0",
  "M  END",
  "",
].join("\n");

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

async function text(locator: Locator, timeout = WAIT_MS): Promise<string> {
  await locator.waitFor({ state: "visible", timeout });
  return ((await locator.textContent()) ?? "").trim();
}

/** Scrolls a lazy-loaded image into view and waits until it has loaded; returns its natural width. */
async function loadedWidth(image: Locator): Promise<number> {
  await image.scrollIntoViewIfNeeded();
  await image.evaluate(
    (img: HTMLImageElement) =>
      new Promise<void>((resolve, reject) => {
        if (img.complete && img.naturalWidth > 0) return resolve();
        img.addEventListener("load", () => resolve(), { once: true });
        img.addEventListener("error", () => reject(new Error(`image failed to load: ${img.src}`)), {
          once: true,
        });
      }),
  );
  return image.evaluate((img: HTMLImageElement) => img.naturalWidth);
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

    // The drug's mechanism of action, with links to the assays that measure it, and its dossier.
    const mechanism = page.getByTestId("mechanism");
    expect(await loadedWidth(mechanism.getByTestId("mechanism-diagram"))).toBeGreaterThan(0);
    expect(
      await mechanism.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
    ).toEqual(["/analyses?kind=ic50.run", "/analyses?kind=flow.apoptosis", "/pk"]);
    const dossier = page.getByTestId("dossier-links");
    expect(await dossier.getByRole("link", { name: "HTML" }).getAttribute("href")).toBe(
      "/api/compounds/ixazomib-citrate/dossier.html",
    );

    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, "compound-page.png"), fullPage: true });
  });

  it("compares the chosen compounds side by side, with Lipinski's rule of five", async () => {
    await page.goto(`${server!.url}/`);
    await page.getByLabel("Compare ixazomib citrate").check();
    await page.getByLabel("Compare bortezomib").check();
    await page.getByTestId("compare-chosen").click();
    await page.waitForURL(/\/compare\?ids=ixazomib-citrate,bortezomib$/);
    const table = page.getByTestId("compare");
    expect(await table.locator("thead th").allTextContents()).toEqual([
      "Property",
      "ixazomib citrate",
      "bortezomib",
    ]);
    // RDKit's counts (computeProperties.test.ts): the citrate has 11 N + O and MW 517.1 > 500.
    const ro5 = await table.getByTestId("ro5").allTextContents();
    expect(ro5[0]).toMatch(/^2MW ≤ 500, HBA ≤ 10 broken$/);
    expect(ro5[1]).toBe("0");
    await page.getByRole("link", { name: "Compounds" }).first().click();
    await page.getByRole("link", { name: "Compare the proteasome inhibitors" }).click();
    await page.waitForURL(/\/compare\?ids=/);
    await table.locator("thead th").nth(4).waitFor();
    expect(await table.locator("thead th").count()).toBe(1 + 4); // bortezomib, carfilzomib, delanzomib, ixazomib
  });

  it("serves deep links (index.html for app paths) and reports unknown compounds", async () => {
    await page.goto(`${server!.url}/compounds/ixazomib-citrate`);
    expect(await text(page.getByTestId("formula"))).toBe("C20H23BCl2N2O9");
    // Water: no mechanism of action, no dossier (no route makes it).
    await page.goto(`${server!.url}/compounds/water`);
    expect(await text(page.getByTestId("formula"))).toBe("H2O");
    expect(await page.getByTestId("mechanism").count()).toBe(0);
    expect(await page.getByTestId("dossier-links").count()).toBe(0);
    await page.goto(`${server!.url}/compounds/no-such-compound`);
    expect(await text(page.getByRole("alert"))).toContain("no-such-compound");
  });

  it("runs chem.library on an uploaded .smi: the property table, the unreadable line and the CSV", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ixalab-library-"));
    try {
      const path = join(dir, "analogues.smi");
      await writeFile(
        path,
        "CCO ethanol\nC1CC broken\nB(O)(O)[C@H](CC(C)C)NC(=O)CNC(=O)c1cc(Cl)ccc1Cl ixazomib\n",
      );
      await page.goto(`${server!.url}/analyses?kind=chem.library`);
      await page.locator("#input-library").setInputFiles(path);
      await page.getByRole("button", { name: "Run analysis" }).click();
      const view = page.getByTestId("outcome").getByTestId("chem-library-result");
      await view.waitFor({ timeout: RUN_MS });
      const rows = view.getByTestId("chem-library").locator("tbody tr");
      expect(await rows.count()).toBe(3);
      expect(await text(rows.nth(1))).toContain("analogues.smi: line 2");
      expect(await text(rows.nth(2))).toContain("C14H19BCl2N2O4");
      const csv = await view
        .getByRole("link", { name: "Export CSV" })
        .evaluate(async (a: HTMLAnchorElement) => (await fetch(a.href)).text());
      expect(csv.split("\r\n")[0]).toBe(
        "line,name,smiles,formula,averageMass,clogp,tpsa,lipinskiHbd,lipinskiHba,rotatableBonds,rings,inchiKey,ruleOfFiveViolations,error",
      );
      expect(csv).toContain("3,ixazomib,");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
    const row = page
      .getByTestId("recent-analyses")
      .getByRole("row")
      .filter({ hasText: "chem.props" })
      .first();
    expect(await text(row.getByTestId("analysis-summary"))).toContain("formula C2H6O");
  });

  it("shows the API's error message for an invalid SMILES", async () => {
    await page.locator("#param-smiles").fill("C1CC(N");
    await page.getByRole("button", { name: "Run analysis" }).click();
    const alert = page.getByRole("alert");
    const message = await text(alert.locator(".error-box__message"));
    expect(message.length).toBeGreaterThan(5);
    expect(await page.getByTestId("outcome").count()).toBe(0);
  });

  it("runs chem.props on an uploaded molfile (multipart) and lists the file in the provenance", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ixalab-web-"));
    try {
      const molfile = join(dir, "ethanol.mol");
      await writeFile(molfile, ETHANOL_MOLFILE);
      const sha256 = createHash("sha256").update(ETHANOL_MOLFILE).digest("hex");

      await page.goto(`${server!.url}/analyses?kind=chem.props`);
      const picker = page.locator("#input-molfile");
      expect(await picker.getAttribute("accept")).toBe(".mol,.sdf,.mdl");
      await picker.setInputFiles(molfile);
      expect(await text(page.locator("#input-molfile-help"))).toContain("ethanol.mol");
      await page.getByRole("button", { name: "Run analysis" }).click();

      const outcome = page.getByTestId("outcome");
      expect(await text(outcome.getByTestId("result"))).toContain("C2H6O");
      const files = outcome.getByTestId("input-files");
      const row = await text(files.locator("tbody tr"));
      expect(row).toContain("ethanol.mol");
      expect(row).toContain("molfile");
      expect(row).toContain(`${ETHANOL_MOLFILE.length} bytes`);
      expect(row).toContain(sha256.slice(0, 12));

      // Both a SMILES and a molfile: the server's issue (parameters.smiles) is shown at the SMILES field.
      await page.locator("#param-smiles").fill("CCO");
      await page.getByRole("button", { name: "Run analysis" }).click();
      expect(await text(page.locator("#param-smiles-error"))).toMatch(/exactly one/);

      // The stored analysis page lists the same input file.
      await page.locator("#param-smiles").fill("");
      await page.getByRole("button", { name: "Run analysis" }).click();
      await outcome.getByRole("link", { name: /saved/ }).click();
      await page.waitForURL(/\/analyses\/[0-9a-f-]{36}$/);
      expect(await text(page.getByTestId("result"))).toContain("C2H6O");
      expect(await text(page.getByTestId("input-files").locator("tbody tr"))).toContain("ethanol.mol");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it(
    "runs ic50.run on the example plate: plate QC, heat maps, curves, IC50 table, exports",
    async () => {
      await page.goto(`${server!.url}/analyses?kind=ic50.run`);
      // Without files the server names each missing input; the UI shows that at its picker.
      await page.getByRole("button", { name: "Run analysis" }).click();
      expect(await text(page.locator("#input-reads-error"))).toMatch(/required/i);

      await page.locator("#input-reads").setInputFiles(join(ic50ExampleDir, "kinetics.csv"));
      await page.locator("#input-layout").setInputFiles(join(ic50ExampleDir, "layout.csv"));
      await page.locator("#input-plates").setInputFiles(join(ic50ExampleDir, "plates.csv"));
      await page.getByRole("button", { name: "Run analysis" }).click();

      const view = page.getByTestId("outcome").getByTestId("ic50-result");
      await view.waitFor({ timeout: RUN_MS });
      const qcRow = view.locator('[data-testid="plate-qc"] tr[data-plate="PA01"]');
      expect(await text(qcRow.getByTestId("zprime"))).toBe("0.841");
      const ixazomib = view.locator(
        '[data-testid="ic50-table"] tr[data-compound="ixazomib"][data-plate="PA01"]',
      );
      expect(await text(ixazomib.getByTestId("class"))).toBe("active");
      expect(await text(ixazomib.getByTestId("ic50"))).toMatch(/\d+(\.\d+)? (nM|µM)$/);

      const curve = view.locator('[data-testid="curve"][data-plate="PA01"][data-compound="ixazomib"] img');
      expect(await loadedWidth(curve)).toBeGreaterThan(0);
      expect(await loadedWidth(view.getByTestId("heatmap").first())).toBeGreaterThan(0);

      // The export and the report are served for the stored analysis.
      const csvHref = await view.getByRole("link", { name: "Export CSV" }).getAttribute("href");
      expect(csvHref).toMatch(/^\/api\/analyses\/[0-9a-f-]{36}\/curves\.csv$/);
      const csv = await page.request.get(`${server!.url}${csvHref}`);
      expect(csv.ok()).toBe(true);
      expect(await csv.text()).toContain("ixazomib");
      const report = view.getByRole("link", { name: /HTML report/ });
      expect(await report.getAttribute("target")).toBe("_blank");
      const reportResponse = await page.request.get(`${server!.url}${await report.getAttribute("href")}`);
      expect(reportResponse.headers()["content-type"]).toContain("text/html");

      // Filtering the grid by class hides the curves of other classes.
      await view.getByLabel("Class", { exact: true }).selectOption("active");
      const classes = await view
        .getByTestId("curve")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-class")));
      expect(classes.length).toBeGreaterThan(0);
      expect(new Set(classes)).toEqual(new Set(["active"]));
      await view.getByLabel("Class", { exact: true }).selectOption("");

      // Let the lazy plots below the fold load, then leave a picture of the page.
      const plots = view.getByTestId("curve-plot");
      for (let i = 0; i < (await plots.count()); i++) await loadedWidth(plots.nth(i));
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, "ic50-page.png"), fullPage: true });

      // The stored analysis page shows the same view, with the input files in its provenance.
      await page.getByTestId("outcome").getByRole("link", { name: /saved/ }).click();
      await page.waitForURL(/\/analyses\/[0-9a-f-]{36}$/);
      const stored = page.getByTestId("ic50-result");
      expect(
        await text(stored.locator('[data-testid="plate-qc"] tr[data-plate="PA01"]').getByTestId("zprime")),
      ).toBe("0.841");
      expect(await loadedWidth(stored.getByTestId("curve-plot").first())).toBeGreaterThan(0);
      const inputs = await text(page.getByTestId("input-files"));
      for (const name of ["kinetics.csv", "layout.csv", "plates.csv"]) expect(inputs).toContain(name);
      // The reference compound's potency over the stored runs: one run so far, too few for limits.
      const trend = stored.getByTestId("potency-trend");
      expect(await trend.getByRole("combobox").inputValue()).toBe("bortezomib");
      expect(await text(trend.getByTestId("potency-stats"))).toMatch(
        /^1 stored run; geometric mean [\d.]+ nM; limits need three measured runs$/,
      );
      expect(await loadedWidth(trend.getByTestId("potency-trend-plot"))).toBeGreaterThan(0);
    },
    2 * RUN_MS,
  );

  it(
    "simulates ixazomib on the PK page: summary vs guide, β5 inhibition, plots, population AUC windows",
    async () => {
      await page.goto(`${server!.url}/pk`);
      await page.getByRole("button", { name: "Label 4 mg" }).click();
      expect(await page.locator("#pk-dose").inputValue()).toBe("4");
      await page.locator("#pk-link").check();
      await page.locator("#pk-ic50").fill("3.4");
      await page.locator("#pk-basis").selectOption("whole-blood");
      await page.locator("#pk-subjects").fill("50");
      await page.getByRole("button", { name: "Simulate" }).click();

      const typical = page.getByTestId("pk-simulate-result");
      await typical.waitFor({ timeout: RUN_MS });
      const halfLife = await text(typical.getByTestId("pk-halflife"));
      expect(halfLife).toContain("224.5 h");
      expect(halfLife).toContain("9.36 d");
      expect(await text(typical.getByTestId("pk-vss"))).toBe("527.7 L");
      const summary = await text(typical.getByTestId("pk-summary"));
      expect(summary).toContain("guide");
      expect(summary).toContain("543");
      // Tmax after the first dose is what the guide's 1 h compares with; the regimen's peak comes late.
      // 1.28 h and 18.0 ng/mL, as the single-dose test in gupta2017.test.ts finds the peak.
      expect(await text(typical.getByTestId("pk-first-dose"))).toMatch(/^1\.28 h, (17\.9\d|18\.0\d) ng\/mL$/);
      expect(await text(typical.getByTestId("pk-tmax"))).toMatch(/^at \d+\.\d h \(day \d+\)$/);
      expect(await text(typical.getByTestId("pk-inhibition"))).toMatch(/last cycle.*\d+\.\d %.*\d+\.\d %/);
      expect(await loadedWidth(typical.getByTestId("pk-plot-simulate"))).toBeGreaterThan(0);

      const population = page.getByTestId("pk-population-result");
      await population.waitFor({ timeout: RUN_MS });
      expect(await population.getByTestId("pk-auc-window").count()).toBe(2);
      expect(await text(population.getByTestId("pk-auc-table"))).toContain("50 subjects");
      expect(await loadedWidth(population.getByTestId("pk-plot-population"))).toBeGreaterThan(0);

      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, "pk-page.png"), fullPage: true });

      // The generic form edits number lists as comma-separated text (objects as JSON), pre-filled with
      // the defaults.
      await page.goto(`${server!.url}/analyses?kind=pk.simulate`);
      expect(await page.locator("#param-days").inputValue()).toBe("1, 8, 15");
      await page.getByRole("button", { name: "Run analysis" }).click();
      const generic = page.getByTestId("outcome").getByTestId("pk-simulate-result");
      expect(await text(generic.getByTestId("pk-vss"))).toBe("527.7 L");
      expect(await loadedWidth(generic.getByTestId("pk-plot-simulate"))).toBeGreaterThan(0);
    },
    2 * RUN_MS,
  );

  it("runs hplc.suitability: the injection pickers open one at a time; the verdict and checks", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ixalab-sst-"));
    try {
      const files = [0.004, -0.003, 0.001].map(async (delta, k) => {
        const path = join(dir, `std${k + 1}.csv`);
        const run = simulateChromatogram({
          points: 3000,
          end_min: 10,
          drift: { offset: 0.5, slope_per_min: 0, amplitude: 0, period_min: 1 },
          noiseSigma: 0.002,
          seed: 40 + k,
          peaks: [{ name: "main", mu_min: 5, sigma_min: 0.04, tau_min: 0.01, area: 900 * (1 + delta) }],
        });
        await writeFile(path, writeChromatogramCsv(run));
        return path;
      });
      const [first, second, third] = await Promise.all(files);
      await page.goto(`${server!.url}/analyses?kind=hplc.suitability`);
      await page.locator("#input-injection1").setInputFiles(first!);
      expect(await page.locator("#input-injection3").count()).toBe(0);
      await page.locator("#input-injection2").setInputFiles(second!);
      await page.locator("#input-injection3").setInputFiles(third!);
      expect(await page.locator("#input-injection4").count()).toBe(1);
      expect(await page.locator("#input-injection5").count()).toBe(0);
      await page.getByRole("button", { name: "Run analysis" }).click();
      const view = page.getByTestId("outcome").getByTestId("hplc-suitability-result");
      await view.waitFor({ timeout: RUN_MS });
      expect(await text(view.getByTestId("sst-verdict"))).toBe("System suitable");
      expect(await view.getByTestId("sst-injections").locator("tbody tr").count()).toBe(3);
      expect(await text(view.getByTestId("sst-checks").locator("tbody tr").first())).toMatch(
        /area %RSD \(n = 3\)\s*≤ 2\.00 %/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lists the audit log, which records the saved analysis", async () => {
    await page.getByRole("link", { name: "Audit" }).click();
    await page.waitForURL(/\/audit$/);
    await page.getByTestId("audit").waitFor();
    expect(await page.locator('[data-testid="audit"] tbody tr').count()).toBeGreaterThan(0);
    // Only the analyses' events, each linked to its analysis page.
    await page.getByLabel("Entity").selectOption("analysis");
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="audit"] tbody tr')].every((tr) =>
        tr.textContent?.includes("analysis.create"),
      ),
    );
    const link = page.locator('[data-testid="audit"] tbody tr').first().getByRole("link");
    expect(await link.getAttribute("href")).toMatch(/^\/analyses\/[0-9a-f-]{36}$/);
  });

  it("threw no uncaught errors in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
