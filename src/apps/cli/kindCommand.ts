import type { Command } from "commander";
import { z } from "zod";
import { InputError } from "../../core/errors.js";
import type { ProvenanceEnvelope } from "../../core/provenance.js";
import { readInputFile } from "../../io/files/readInputFile.js";
import { type AnalysisKind, type RunContext, runAnalysis, type SuppliedInputs } from "../../kinds/index.js";
import { withAppStore } from "../shared/appStore.js";
import { systemRunContext } from "../shared/runContext.js";
import { formatTable, printJson, printText, progressBar } from "./output.js";

interface JsonSchemaProperty {
  type?: string;
  description?: string;
  enum?: unknown[];
  items?: JsonSchemaProperty;
}

/** Options every analysis command shares. */
export interface KindCommandOptions {
  json?: boolean;
  save?: boolean;
  provenance?: boolean;
  dataDir?: string;
  /** With --save: the batch the analysis is of (e.g. an HPLC run of a lot). */
  batch?: string;
  [parameterOrInput: string]: unknown;
}

/**
 * Adds the command of an analysis kind: one flag per parameter (from its schema) and one `--<input> <file>`
 * per declared input file.
 */
export function addKindCommand(root: Command, kind: AnalysisKind): Command {
  const command = commandAt(root, kind.command).description(`${kind.title}: ${kind.description}`);
  for (const [name, property] of Object.entries(parameterProperties(kind))) {
    const placeholder = property.enum ? property.enum.join("|") : (property.type ?? "value");
    const flag = property.type === "boolean" ? `--${kebab(name)}` : `--${kebab(name)} <${placeholder}>`;
    command.option(flag, property.description ?? name);
  }
  for (const input of kind.inputs) {
    command.option(
      `--${kebab(input.name)} <file>`,
      `${input.description}${input.required ? " (required)" : ""}`,
    );
  }
  return (
    command
      .option("--json", "print the result as JSON")
      .option("--provenance", "print the whole provenance envelope (inputs, parameters, version, time)")
      .option("--save", "store the analysis (with its input files) in the Ixalab store")
      .option("--batch <id>", "with --save: store the analysis against this batch")
      // Not `--data`: kinds may take an input of that name (`ic50 fit --data normalized.csv`).
      .option(
        "--data-dir <dir>",
        "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)",
        "./data",
      )
  );
}

/** The output and store options of a hand-written kind command: --json, --provenance, --save, --data-dir. */
export function addReportOptions(command: Command): Command {
  return command
    .option("--json", "print JSON")
    .option("--provenance", "print the whole provenance envelope")
    .option("--save", "store the analysis (with the files) in the Ixalab store")
    .option(
      "--data-dir <dir>",
      "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)",
      "./data",
    );
}

/** How a command shows its result: the JSON document `--json` prints and the text otherwise. */
export interface ResultView {
  json(result: unknown): unknown;
  text(envelope: ProvenanceEnvelope): string;
}

/** Runs a kind from its parsed CLI flags and prints or stores the envelope. */
export async function runKindCommand(
  kind: AnalysisKind,
  options: KindCommandOptions,
  view?: ResultView,
): Promise<ProvenanceEnvelope> {
  const parameters = parametersFromOptions(kind, options);
  const inputs = await inputsFromOptions(kind, options);
  return runAndReport(kind, parameters, inputs, options, view);
}

/** Runs a kind on resolved parameters and input files; prints the result and stores it with --save. */
export async function runAndReport(
  kind: AnalysisKind,
  parameters: unknown,
  inputs: SuppliedInputs,
  options: KindCommandOptions,
  view?: ResultView,
): Promise<ProvenanceEnvelope> {
  if (options.batch !== undefined && !options.save) {
    throw new InputError("--batch: store the analysis with --save to attach it to a batch");
  }
  const bar = progressBar(kind.id);
  const ctx: RunContext = {
    ...systemRunContext(),
    onProgress: (done, total) => bar.update(done, total, done),
  };
  const envelope = await runAnalysis(kind, parameters, inputs, ctx).finally(() => bar.finish());
  let id: string | undefined;
  if (options.save) {
    id = await withAppStore({ dataDir: options.dataDir }, async (store) => {
      const files = Object.values(inputs).map((i) => ({
        name: i.ref.name,
        bytes: i.bytes,
        format: i.ref.format,
      }));
      return (await store.saveAnalysis({ envelope, files, ...(options.batch && { batchId: options.batch }) }))
        .id;
    });
  }
  if (options.json) {
    printJson(
      options.provenance
        ? { ...(id && { id }), ...envelope }
        : (view?.json(envelope.result) ?? envelope.result),
    );
  } else {
    printText(
      view
        ? `${view.text(envelope)}${id ? `\nsaved as analysis ${id}` : ""}`
        : formatResultText(envelope, id),
    );
  }
  return envelope;
}

/** The kind's parameters from CLI flags, numbers and booleans coerced by the schema's types. */
export function parametersFromOptions(
  kind: AnalysisKind,
  options: KindCommandOptions,
): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(parameterProperties(kind))) {
    const value = options[name];
    if (value !== undefined) parameters[name] = coerce(value, property, name);
  }
  return parameters;
}

/** Reads the files named by the kind's input flags. @throws InputError naming an unreadable file. */
export async function inputsFromOptions(
  kind: AnalysisKind,
  options: KindCommandOptions,
): Promise<SuppliedInputs> {
  const inputs: Record<string, Awaited<ReturnType<typeof readInputFile>>> = {};
  for (const spec of kind.inputs) {
    const path = options[spec.name];
    if (typeof path === "string") inputs[spec.name] = await readInputFile(path, spec.format);
  }
  return inputs;
}

function coerce(value: unknown, property: JsonSchemaProperty, name: string): unknown {
  if (typeof value !== "string") return value;
  // Arrays of scalars are written as comma lists on the command line: --days 1,8,15.
  if (property.type === "array" && property.items?.type) {
    return value.split(",").map((item) => coerce(item.trim(), property.items ?? {}, name));
  }
  if (property.type === "number" || property.type === "integer") {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n)) {
      throw new InputError(`--${kebab(name)}: expected a number, found '${value}'`);
    }
    return n;
  }
  return value;
}

/** The parameter properties of a kind's schema, as JSON Schema. */
export function parameterProperties(kind: AnalysisKind): Record<string, JsonSchemaProperty> {
  const schema = z.toJSONSchema(kind.parameters as z.ZodType, { unrepresentable: "any", io: "input" }) as {
    properties?: Record<string, JsonSchemaProperty>;
  };
  return schema.properties ?? {};
}

function formatResultText(envelope: ProvenanceEnvelope, id: string | undefined): string {
  const rows = Object.entries(envelope.result as Record<string, unknown>).map(([k, v]) => [
    k,
    typeof v === "object" ? JSON.stringify(v) : String(v),
  ]);
  const lines = [formatTable(["property", "value"], rows)];
  for (const w of envelope.warnings) lines.push(`warning: ${w}`);
  if (id) lines.push(`saved as analysis ${id}`);
  return lines.join("\n");
}

function commandAt(root: Command, words: string[]): Command {
  let parent = root;
  for (const [i, word] of words.entries()) {
    const existing = parent.commands.find((c) => c.name() === word);
    parent = existing ?? parent.command(word);
    if (i < words.length - 1 && !existing) parent.description(`${word} commands`);
  }
  return parent;
}

/** camelCase → kebab-case, for flags. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
