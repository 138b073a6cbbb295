import type { Command } from "commander";
import { z } from "zod";
import { InputError, NotFoundError } from "../../../core/errors.js";
import { ANALYSIS_KINDS, findKind } from "../../../kinds/index.js";
import { withAppStore } from "../../shared/appStore.js";
import { type KindCommandOptions, parameterProperties, runAndReport } from "../kindCommand.js";
import { formatTable, printJson, printText } from "../output.js";

interface StoreOptions {
  json?: boolean;
  data?: string;
}

const DATA_OPTION = [
  "--data <dir>",
  "PGlite data folder (PostgreSQL when DATABASE_URL is set)",
  "./data",
] as const;

/** `ixalab kinds`, `ixalab analysis …` and `ixalab audit`: the registry and the stored records. */
export function addRecordCommands(program: Command): void {
  program
    .command("kinds")
    .description("list the analysis kinds and their parameters")
    .option("--json", "print JSON (parameters as JSON Schema)")
    .action((options: { json?: boolean }) => {
      const kinds = ANALYSIS_KINDS.map((k) => ({
        id: k.id,
        title: k.title,
        description: k.description,
        command: k.command.join(" "),
        parameters: z.toJSONSchema(k.parameters as z.ZodType, { unrepresentable: "any" }),
      }));
      if (options.json) return printJson(kinds);
      printText(
        formatTable(
          ["kind", "command", "parameters", "title"],
          ANALYSIS_KINDS.map((k) => [
            k.id,
            `ixalab ${k.command.join(" ")}`,
            Object.keys(parameterProperties(k)).join(", "),
            k.title,
          ]),
        ),
      );
    });

  const analysis = program
    .command("analysis")
    .description("run any analysis kind; list and show stored analyses");
  analysis
    .command("run <kind>")
    .description("run an analysis kind with parameters given as JSON")
    .requiredOption("--params <json>", `parameters as a JSON object, e.g. '{"smiles":"CCO"}'`)
    .option("--json", "print the result as JSON")
    .option("--provenance", "print the whole provenance envelope")
    .option("--save", "store the analysis")
    .option(...DATA_OPTION)
    .action(async (kindId: string, options: KindCommandOptions & { params: string; data?: string }) => {
      const kind = findKind(kindId);
      let parameters: unknown;
      try {
        parameters = JSON.parse(options.params);
      } catch (error) {
        throw new InputError(
          `--params: expected a JSON object, found invalid JSON (${(error as Error).message})`,
        );
      }
      if (typeof parameters !== "object" || parameters === null || Array.isArray(parameters)) {
        throw new InputError("--params: expected a JSON object of parameters");
      }
      await runAndReport(kind, parameters, {}, { ...options, dataDir: options.data });
    });

  analysis
    .command("list")
    .description("list stored analyses, newest first")
    .option("--kind <kind>", "only this kind")
    .option("--limit <n>", "at most this many", "50")
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .action(async (options: StoreOptions & { kind?: string; limit: string }) => {
      const rows = await withAppStore({ dataDir: options.data }, (store) =>
        store.listAnalyses({ kind: options.kind, limit: positiveInteger(options.limit, "--limit") }),
      );
      if (options.json) return printJson(rows);
      printText(
        formatTable(
          ["id", "kind", "created"],
          rows.map((r) => [r.id, r.kind, r.createdAt]),
        ),
      );
    });

  analysis
    .command("show <id>")
    .description("one stored analysis with its provenance")
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .action(async (id: string, options: StoreOptions) => {
      const row = await withAppStore({ dataDir: options.data }, (store) => store.getAnalysis(id));
      if (!row) throw new NotFoundError("analysis", id);
      printJson(row);
    });

  program
    .command("audit")
    .description("the append-only audit log of every write, newest first")
    .option("--limit <n>", "at most this many", "50")
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .action(async (options: StoreOptions & { limit: string }) => {
      const events = await withAppStore({ dataDir: options.data }, (store) =>
        store.auditLog({ limit: positiveInteger(options.limit, "--limit") }),
      );
      if (options.json) return printJson(events);
      printText(
        formatTable(
          ["at", "actor", "action", "entity"],
          events.map((e) => [e.at, e.actor, e.action, `${e.entity} ${e.entityId}`]),
        ),
      );
    });
}

/** @throws InputError naming the flag when the value is not a whole number ≥ 1. */
export function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError(`${flag}: expected a whole number ≥ 1, found '${value}'`);
  return n;
}
