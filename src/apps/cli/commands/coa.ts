import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { withAppStore } from "../../shared/appStore.js";
import { shippedCatalog } from "../../shared/catalog.js";
import { coaDocument } from "../../shared/documents.js";
import { renderPdf } from "../../shared/renderPdf.js";
import { printText } from "../output.js";

/** `ixalab coa BATCH --html out.html [--pdf out.pdf]`: the certificate of analysis of a batch. */
export function addCoaCommand(program: Command): void {
  program
    .command("coa <batch>")
    .description("certificate of analysis of a batch (HTML; PDF through headless Chromium)")
    .option("--html <file>", "write the certificate as HTML")
    .option("--pdf <file>", "write the certificate as PDF (needs Chromium)")
    .option("--data <dir>", "PGlite data folder (PostgreSQL when DATABASE_URL is set)", "./data")
    .addHelpText("after", "\nExample:\n  ixalab coa IXC-DEMO-01 --html coa.html --pdf coa.pdf")
    .action(async (batchId: string, o: { html?: string; pdf?: string; data?: string }) => {
      if (!o.html && !o.pdf) throw new InputError("coa: give --html <file> and/or --pdf <file>");
      const catalog = await shippedCatalog();
      const html = await withAppStore({ dataDir: o.data }, (store) =>
        coaDocument(store, catalog, batchId, new Date()),
      );
      await writeDocuments(html, o);
    });
}

/** Writes the HTML and, when asked, its PDF print; prints what was written. */
export async function writeDocuments(html: string, o: { html?: string; pdf?: string }): Promise<void> {
  if (o.html) await writeFile(o.html, html);
  if (o.pdf) await writeFile(o.pdf, await renderPdf(html));
  printText(`wrote ${[o.html, o.pdf].filter(Boolean).join(", ")}`);
}
