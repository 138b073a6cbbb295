import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { valueText } from "../../../core/release/index.js";
import type { LineageNode } from "../../../core/synthesis/index.js";
import { loadRdkit } from "../../../io/rdkit/loadRdkit.js";
import { batchAnalysesHtml } from "../../../reports/batchAnalysesReport.js";
import type { Store } from "../../../store/index.js";
import { IXALAB_VERSION } from "../../../version.js";
import { withAppStore } from "../../shared/appStore.js";
import { type BatchAnalyses, batchAnalysesOf } from "../../shared/batchAnalyses.js";
import {
  type BatchLineage,
  batchMaterial,
  batchReport,
  createBatchRecord,
  recordBatch,
} from "../../shared/batchRecords.js";
import { seedDemoBatches } from "../../shared/demoBatches.js";
import { formatTable, printJson, printText } from "../output.js";
import { writeDocuments } from "./coa.js";

const DATA_OPTION = [
  "--data <dir>",
  "PGlite data folder (PostgreSQL when DATABASE_URL is set)",
  "./data",
] as const;

interface BatchOptions {
  json?: boolean;
  data?: string;
}

/** `ixalab batch …`: batch records with amounts, yields, genealogy and attached files. */
export function addBatchCommands(program: Command): void {
  const batch = program
    .command("batch")
    .description("batch records: amounts, yields, genealogy, files, analyses");

  batch
    .command("analyses")
    .description(
      "every batch of a material against its specification, test by test (CTD 3.2.S.4.4); decided batches as signed",
    )
    .requiredOption(
      "--material <compound>",
      "catalog compound id with a specification (e.g. ixazomib-citrate)",
    )
    .option("--html <file>", "also write the table as HTML")
    .option("--pdf <file>", "also write the table as PDF (needs Chromium)")
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .addHelpText(
      "after",
      "\nExample:\n  ixalab batch analyses --material ixazomib-citrate --pdf batch-analyses.pdf",
    )
    .action(async (o: BatchOptions & { material: string; html?: string; pdf?: string }) => {
      const analyses = await withAppStore({ dataDir: o.data }, (store) => batchAnalysesOf(store, o.material));
      if (o.json) printJson(analyses);
      else printText(batchAnalysesText(analyses));
      if (o.html || o.pdf)
        await writeDocuments(batchAnalysesHtml(analyses, new Date().toISOString(), IXALAB_VERSION), o);
    });

  batch
    .command("create <id>")
    .description("create a batch of a material, optionally of a route step, with its input batches")
    .option("--material <compound>", "catalog compound id (e.g. ixazomib-citrate)")
    .option("--label <text>", "a human label")
    .option("--route <route>", "route id (e.g. ixazomib-citrate)")
    .option("--step <n>", "route step that made this batch")
    .option("--input <batch[:g]>", "an input batch and the grams used (repeatable)", collect, [])
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .addHelpText(
      "after",
      "\nExample:\n  ixalab batch create IXC-24-001 --material ixazomib-citrate --route ixazomib-citrate --step 4 --input IXB-24-001:10.2",
    )
    .action(
      async (
        id: string,
        o: BatchOptions & {
          material?: string;
          label?: string;
          route?: string;
          step?: string;
          input: string[];
        },
      ) => {
        const step = o.step === undefined ? undefined : Number(o.step);
        if (step !== undefined && !Number.isInteger(step))
          throw new InputError(`--step: expected a step number, found '${o.step}'`);
        await withAppStore({ dataDir: o.data }, async (store) => {
          const created = await createBatchRecord(store, loadRdkit, {
            id,
            ...(o.material && { material: o.material }),
            ...(o.label && { label: o.label }),
            ...(o.route !== undefined && { routeId: o.route }),
            ...(step !== undefined && { step }),
            inputs: o.input.map(parseInput),
          });
          await report(store, created.id, o.json);
        });
      },
    );

  batch
    .command("record <id>")
    .description("record actual amounts (the yield follows from the limiting input), inputs, files and notes")
    .option("--actual-g <g>", "grams of product isolated")
    .option(
      "--limiting-g <g>",
      "grams of the step's limiting input used (default: its input batch's quantity)",
    )
    .option("--input <batch[:g]>", "an input batch and the grams used (repeatable)", collect, [])
    .option("--attach <file>", "attach a raw file (repeatable)", collect, [])
    .option("--note <text>", "a note for the record")
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .action(
      async (
        id: string,
        o: BatchOptions & {
          actualG?: string;
          limitingG?: string;
          input: string[];
          attach: string[];
          note?: string;
        },
      ) => {
        const files = await Promise.all(
          o.attach.map(async (path) => {
            try {
              return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
            } catch (error) {
              throw new InputError(
                `--attach ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`,
              );
            }
          }),
        );
        const actual = o.actualG === undefined ? undefined : positive(o.actualG, "--actual-g", true);
        const limiting = o.limitingG === undefined ? undefined : positive(o.limitingG, "--limiting-g");
        await withAppStore({ dataDir: o.data }, async (store) => {
          await recordBatch(store, loadRdkit, id, {
            inputs: o.input.map(parseInput),
            files,
            ...(o.note !== undefined && { note: o.note }),
            ...(actual !== undefined && { actual_g: actual }),
            ...(limiting !== undefined && { limiting_g: limiting }),
          });
          await report(store, id, o.json);
        });
      },
    );

  batch
    .command("show <id>")
    .description("a batch with its record, genealogy, files, analyses, specification and releases")
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .action(async (id: string, o: BatchOptions) => {
      await withAppStore({ dataDir: o.data }, (store) => report(store, id, o.json));
    });

  batch
    .command("list")
    .description("list batches")
    .option("--material <compound>", "only batches of this compound")
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .action(async (o: BatchOptions & { material?: string }) => {
      await withAppStore({ dataDir: o.data }, async (store) => {
        const batches = await store.listBatches(o.material ? { compoundId: o.material } : {});
        if (o.json) return printJson({ batches });
        printText(
          formatTable(
            ["batch", "material", "label", "actual g", "yield %"],
            batches.map((b) => [
              b.id,
              batchMaterial(b) ?? "",
              b.label ?? "",
              num(b.record.actual_g),
              num(b.record.yieldPct, 1),
            ]),
          ),
        );
      });
    });

  batch
    .command("demo")
    .description(
      "seed a demo campaign of the ixazomib citrate route (hand-made analysis results, labelled demo)",
    )
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .action(async (o: BatchOptions) => {
      await withAppStore({ dataDir: o.data }, async (store) => {
        const seeded = await seedDemoBatches(store, await loadRdkit(), new Date());
        if (o.json) return printJson(seeded);
        printText(
          `${seeded.created ? "seeded" : "already present"}: ${Object.values(seeded.batches).join(", ")}`,
        );
      });
    });
}

/** Everything known about a batch, printed as JSON or text. */
async function report(store: Store, id: string, json: boolean | undefined) {
  const doc = await batchReport(store, id);
  if (json) return printJson(doc);
  const { batch, inputs, outputs, lineage, files, analyses, evaluation, releases } = doc;
  const r = batch.record;
  const lines = [
    `batch ${batch.id}${batch.label ? ` — ${batch.label}` : ""}`,
    `material ${batchMaterial(batch) ?? "—"}${r.routeId ? `, route ${r.routeId} step ${r.step}` : ""}`,
    `actual ${num(r.actual_g)} g, theoretical ${num(r.theoretical_g, 3)} g, yield ${num(r.yieldPct, 1)} %`,
    `made from: ${inputs.map((l) => `${l.inputBatchId}${l.quantity_g ? ` (${l.quantity_g} g)` : ""}`).join(", ") || "—"}`,
    `used in: ${outputs.map((l) => l.batchId).join(", ") || "—"}`,
    ...lineageLines("genealogy, made from", lineage.madeFrom, lineage),
    ...lineageLines("genealogy, used in", lineage.usedIn, lineage),
    `files: ${files.map((f) => f.name).join(", ") || "—"}`,
    `analyses: ${analyses.map((a) => `${a.kind} ${a.id.slice(0, 8)}`).join(", ") || "—"}`,
  ];
  if (evaluation) {
    lines.push(
      `specification ${evaluation.specificationId}: ${evaluation.outcome}`,
      formatTable(
        ["test", "limit", "value", "verdict"],
        evaluation.tests.map((t) => [t.title, t.limit, t.value ?? "", t.status]),
      ),
    );
  }
  for (const rel of releases) {
    lines.push(
      `${rel.decision} by ${rel.signature.userName} at ${rel.signature.signedAt}: ${rel.signature.meaning}`,
    );
  }
  printText(lines.join("\n"));
}

function parseInput(text: string): { batchId: string; grams?: number } {
  const at = text.lastIndexOf(":");
  if (at < 0) return { batchId: text };
  return { batchId: text.slice(0, at), grams: positive(text.slice(at + 1), `--input ${text}`) };
}

function positive(text: string, flag: string, zeroOk = false): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0 || (!zeroOk && n === 0)) {
    throw new InputError(`${flag}: expected a positive number of grams, found '${text}'`);
  }
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function num(v: unknown, digits = 2): string {
  return typeof v === "number" && Number.isFinite(v) ? v.toFixed(digits) : "—";
}

/** A genealogy tree as indented lines (only when it reaches beyond the direct links printed above it). */
function lineageLines(title: string, nodes: LineageNode[], lineage: BatchLineage): string[] {
  if (!nodes.some((n) => n.children.length > 0)) return [];
  const lines = [`${title}:`];
  const walk = (list: LineageNode[], depth: number) => {
    for (const n of list) {
      const about = lineage.batches[n.batchId];
      const grams = n.quantity_g === null ? "" : `, ${n.quantity_g} g`;
      lines.push(`${"  ".repeat(depth)}${n.batchId} (${about?.material ?? "—"}${grams})`);
      walk(n.children, depth + 1);
    }
  };
  walk(nodes, 1);
  return lines;
}

/** The batch-analysis table in the terminal: a row per batch, a column per test. */
function batchAnalysesText(a: BatchAnalyses): string {
  const tests = a.specification.tests;
  const rows = a.batches.map((b) => [
    b.batchId,
    b.actual_g === null ? "—" : b.actual_g.toFixed(2),
    ...tests.map((t) => {
      const line = b.evaluation.tests.find((x) => x.testId === t.id);
      if (!line) return "—";
      const value = valueText(t.criterion, line.value);
      return line.status === "pass" ? value : `${value} (${line.status})`;
    }),
    b.decision ? `${b.decision.decision} (${b.decision.userName})` : "not decided",
  ]);
  return formatTable(["batch", "g", ...tests.map((t) => t.id), "decision"], rows);
}
