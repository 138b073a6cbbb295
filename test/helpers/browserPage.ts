/**
 * Small readers of a rendered page for browser tests: visible text, a number as the UI prints it, the
 * cells of table rows, and the guard that fails a required but missing browser. Vitest's `describe`
 * and `it` are used, so import this from test files only.
 */
import { existsSync } from "node:fs";
import type { Locator } from "playwright-core";
import { describe, it } from "vitest";
import { chromiumPath } from "./browserApp.js";

/** Whether Chromium is installed; browser suites skip without it… */
export const hasChromium = existsSync(chromiumPath);

/** …unless CI asks for the browser (CI and IXALAB_REQUIRE_BROWSER set): then a test fails instead. */
export function requireBrowser(suite: string): void {
  if (hasChromium || !(process.env.CI && process.env.IXALAB_REQUIRE_BROWSER)) return;
  describe(suite, () => {
    it("has a browser to run in", () => {
      throw new Error(`Chromium not found at ${chromiumPath}; set CHROMIUM_PATH.`);
    });
  });
}

/** The trimmed text of an element once it is visible. */
export async function visibleText(locator: Locator, timeoutMs = 20_000): Promise<string> {
  await locator.waitFor({ state: "visible", timeout: timeoutMs });
  return ((await locator.textContent()) ?? "").trim();
}

/** A number as the page renders it with `digits` decimals (real minus sign, as format.ts `fixed`). */
export const shown = (v: number, digits: number) => v.toFixed(digits).replace("-", "−");

/** The cells of table rows, once the first row is rendered (evaluateAll alone does not wait). */
export async function rowCells(rows: Locator): Promise<(string | null)[][]> {
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent)),
  );
}
