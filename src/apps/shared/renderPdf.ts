import { existsSync } from "node:fs";
import { InputError } from "../../core/errors.js";

/** Chromium flags for printing in containers and CI: no sandbox, headless, no GPU, no background traffic. */
export const PDF_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
];

/** Where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/**
 * Prints a self-contained HTML page to PDF (A4, backgrounds) with headless Chromium via playwright-core.
 * @throws InputError when Chromium is not installed.
 */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new InputError(
      `PDF output needs Chromium at ${executablePath}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH; the HTML output works without it`,
    );
  }
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: PDF_CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
