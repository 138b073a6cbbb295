import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { batchYield } from "../../../core/synthesis/index.js";
import { loadRdkit } from "../../../io/rdkit/loadRdkit.js";
import type { Store } from "../../../store/index.js";
import { withAppStore } from "../../shared/appStore.js";
import { seedDemoBatches } from "../../shared/demoBatches.js";
import { checkedRoute, evaluateBatch } from "../../shared/documents.js";
import { formatTable, printJson, printText } from "../output.js";

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
        const record: Record<string, unknown> = {};
        if (o.route !== undefined || o.step !== undefined) {
          if (o.route === undefined || o.step === undefined)
            throw new InputError("--route and --step go together");
          const step = Number(o.step);
          const route = checkedRoute(await loadRdkit(), o.route);
          const def = route.steps.find((s) => s.index === step);
          if (!def)
            throw new InputError(
              `--step: route ${o.route} has steps 1–${route.steps.length}, found '${o.step}'`,
            );
          Object.assign(record, { routeId: o.route, step, material: def.product.name });
        }
        const links = o.input.map(parseInput);
        await withAppStore({ dataDir: o.data }, async (store) => {
          const created = await store.createBatch({
            id,
            ...(o.material && { compoundId: o.material }),
            ...(o.label && { label: o.label }),
            record,
          });
          for (const l of links) await store.addBatchInput(id, l.batchId, l.grams);
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
        const links = o.input.map(parseInput);
        const actual = o.actualG === undefined ? undefined : positive(o.actualG, "--actual-g", true);
        const limiting = o.limitingG === undefined ? undefined : positive(o.limitingG, "--limiting-g");
        await withAppStore({ dataDir: o.data }, async (store) => {
          for (const l of links) await store.addBatchInput(id, l.batchId, l.grams);
          for (const f of files) await store.attachBatchFile(id, f);
          const patch: Record<string, unknown> = {};
          if (o.note !== undefined) patch.note = o.note;
          if (actual !== undefined) patch.actual_g = actual;
          if (limiting !== undefined) patch.limiting_g = limiting;
          Object.assign(patch, await yieldPatch(store, id, { ...patch }));
          if (Object.keys(patch).length) await store.updateBatchRecord(id, patch);
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
              b.compoundId ?? String(b.record.material ?? ""),
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
  const batch = await store.getBatch(id);
  if (!batch) throw new InputError(`batch '${id}' not found: list batches with 'ixalab batch list'`);
  const [inputs, outputs, files, analyses, releases] = await Promise.all([
    store.listBatchInputs(id),
    store.listBatchOutputs(id),
    store.listBatchFiles(id),
    store.listAnalyses({ batchId: id, limit: 1000 }),
    store.listReleases(id),
  ]);
  const evaluation = batch.compoundId
    ? await evaluateBatch(store, id).then(
        (e) => e.evaluation,
        () => undefined,
      )
    : undefined;
  const doc = {
    batch,
    inputs,
    outputs,
    files,
    analyses: analyses.map((a) => ({ id: a.id, kind: a.kind, createdAt: a.createdAt })),
    ...(evaluation && { evaluation }),
    releases,
  };
  if (json) return printJson(doc);
  const r = batch.record;
  const lines = [
    `batch ${batch.id}${batch.label ? ` — ${batch.label}` : ""}`,
    `material ${batch.compoundId ?? r.material ?? "—"}${r.routeId ? `, route ${r.routeId} step ${r.step}` : ""}`,
    `actual ${num(r.actual_g)} g, theoretical ${num(r.theoretical_g, 3)} g, yield ${num(r.yieldPct, 1)} %`,
    `made from: ${inputs.map((l) => `${l.inputBatchId}${l.quantity_g ? ` (${l.quantity_g} g)` : ""}`).join(", ") || "—"}`,
    `used in: ${outputs.map((l) => l.batchId).join(", ") || "—"}`,
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

/** The yield fields implied by the record: theoretical from the limiting input's grams and the route's masses. */
async function yieldPatch(
  store: Store,
  id: string,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const batch = await store.getBatch(id);
  if (!batch) return {};
  const record = { ...batch.record, ...patch };
  if (
    typeof record.routeId !== "string" ||
    typeof record.step !== "number" ||
    typeof record.actual_g !== "number"
  )
    return {};
  const step = checkedRoute(await loadRdkit(), record.routeId).steps.find((s) => s.index === record.step);
  if (!step) return {};
  const limitingInput = step.inputs.find((i) => i.role === "limiting")!;
  let limiting_g = typeof record.limiting_g === "number" ? record.limiting_g : undefined;
  if (limiting_g === undefined) {
    // The input batch holding the limiting material: the previous step's batch, or one named like it.
    for (const link of await store.listBatchInputs(id)) {
      const input = await store.getBatch(link.inputBatchId);
      const r = input?.record ?? {};
      const isLimiting =
        r.material === limitingInput.name ||
        (limitingInput.fromStep !== undefined && r.step === limitingInput.fromStep);
      if (isLimiting && link.quantity_g !== null) limiting_g = link.quantity_g;
    }
  }
  if (limiting_g === undefined) return {};
  const y = batchYield(
    limiting_g,
    limitingInput.molarMass_g_mol,
    step.product.molarMass_g_mol,
    record.actual_g,
  );
  return { limiting_g, theoretical_g: y.theoretical_g, yieldPct: y.yieldPct };
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
