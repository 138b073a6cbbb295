import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { loadRdkit } from "../../../io/rdkit/loadRdkit.js";
import { withAppStore } from "../../shared/appStore.js";
import { shippedCatalog } from "../../shared/catalog.js";
import { dossierDocument } from "../../shared/documents.js";
import { writeDocuments } from "./coa.js";

/** `ixalab dossier COMPOUND --html out.html [--pdf out.pdf]`: the compound dossier from Ixalab's own data. */
export function addDossierCommand(program: Command): void {
  program
    .command("dossier <compound>")
    .description(
      "compound dossier: identity, properties, PK table, mechanism, synthesis, characterization, latest results",
    )
    .option("--html <file>", "write the dossier as HTML")
    .option("--pdf <file>", "write the dossier as PDF (needs Chromium)")
    .option(
      "--data <dir>",
      "PGlite data folder for the latest results (PostgreSQL when DATABASE_URL is set)",
      "./data",
    )
    .addHelpText(
      "after",
      "\nExample:\n  ixalab dossier ixazomib-citrate --html dossier.html --pdf dossier.pdf",
    )
    .action(async (compoundId: string, o: { html?: string; pdf?: string; data?: string }) => {
      if (!o.html && !o.pdf) throw new InputError("dossier: give --html <file> and/or --pdf <file>");
      const [catalog, rdkit] = await Promise.all([shippedCatalog(), loadRdkit()]);
      catalog.record(compoundId);
      const html = await withAppStore({ dataDir: o.data }, (store) =>
        dossierDocument(catalog, rdkit, compoundId, store, new Date()),
      );
      await writeDocuments(html, o);
    });
}
