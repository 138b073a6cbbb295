/**
 * The server run in-process (createApp on a temporary PGlite store, serving the built UI from dist/web)
 * and a headless Chromium page on it, for browser tests. Needs `npx vite build --config vite.config.ts`.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { chromium, type Page } from "playwright-core";
import { createApp } from "../../src/apps/server/createApp.js";
import { closeSystemRunContext, systemRunContext } from "../../src/apps/shared/runContext.js";
import { openStore, type Store } from "../../src/store/index.js";
import { repoRoot } from "./server.js";

/** Chromium to drive: CHROMIUM_PATH or /usr/bin/chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface BrowserApp {
  /** Base URL without a trailing slash. */
  url: string;
  page: Page;
  /** Temporary directory (the store lives in `data/` below it); removed by `close()`. */
  dir: string;
  /** Uncaught errors of the page, in order. */
  pageErrors: string[];
  close: () => Promise<void>;
}

/**
 * Starts the app on 127.0.0.1 (random port) with a fresh store and opens a 1280×1000 page; `setup`
 * (e.g. seeding records) runs on the store before the server starts.
 * @throws Error when dist/web/index.html is missing.
 * @example
 * const app = await startBrowserApp("xrpd");
 * await app.page.goto(`${app.url}/analyses`);
 * await app.close();
 */
export async function startBrowserApp(
  name: string,
  waitMs = 20_000,
  setup?: (store: Store) => Promise<void>,
): Promise<BrowserApp> {
  const webRoot = join(repoRoot, "dist", "web");
  if (!existsSync(join(webRoot, "index.html"))) {
    throw new Error("dist/web/index.html is missing: run `npx vite build --config vite.config.ts` first");
  }
  const dir = await mkdtemp(join(tmpdir(), `ixalab-${name}-web-`));
  const store = await openStore({ dataDir: join(dir, "data"), actor: `${name}-browser-test` });
  await setup?.(store);
  const app = createApp({ store, ctx: systemRunContext(), webRoot });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  page.setDefaultTimeout(waitMs);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    page,
    dir,
    pageErrors,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await closeSystemRunContext();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
