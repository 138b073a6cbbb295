import type { Command } from "commander";
import { z } from "zod";
import { InputError } from "../../core/errors.js";
import type { ProvenanceEnvelope } from "../../core/provenance.js";
import { readInputFile } from "../../io/files/readInputFile.js";
import { type AnalysisKind, runAnalysis, type SuppliedInput } from "../../kinds/index.js";
import { withAppStore } from "../shared/appStore.js";
import { systemRunContext } from "../shared/runContext.js";
import { formatTable, printJson, printText } from "./output.js";

interface JsonSchemaProperty {
  type?: string;
  description?: string;
}

/** Options every analysis command shares. */
export interface KindCommandOptions {
  json?: boolean;
  save?: boolean;
  provenance?: boolean;
  data?: string;
  [parameter: string]: unknown;
}

/** Adds the command of an analysis kind: one CLI flag per parameter, generated from its schema. */
export function addKindCommand(root: Command, kind: AnalysisKind): Command {
  const command = commandAt(root, kind.command).description(`${kind.title}: ${kind.description}`);
  for (const [name, property] of Object.entries(parameterProperties(kind))) {
    const isFile = kind.fileParameters?.[name] !== undefined;
    const flag = `--${kebab(name)} <${isFile ? "file" : (property.type ?? "value")}>`;
    command.option(
      flag,
      isFile ? `${property.description ?? name}: read from this file` : (property.description ?? name),
    );
  }
  return command
    .option("--json", "print the result as JSON")
    .option("--provenance", "print the whole provenance envelope (inputs, parameters, version, time)")
    .option("--save", "store the analysis (with its input files) in the Ixalab store")
    .option("--data <dir>", "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)", "./data");
}

/** Runs a kind from parsed CLI options and prints or stores the envelope. */
export async function runKindCommand(
  kind: AnalysisKind,
  options: KindCommandOptions,
): Promise<ProvenanceEnvelope> {
  const { parameters, inputs } = await parametersFromOptions(kind, options);
  return runAndReport(kind, parameters, inputs, options);
}

/** Runs a kind on resolved parameters and input files; prints the result and stores it with --save. */
export async function runAndReport(
  kind: AnalysisKind,
  parameters: unknown,
  inputs: SuppliedInput[],
  options: KindCommandOptions,
): Promise<ProvenanceEnvelope> {
  const envelope = await runAnalysis(kind, parameters, inputs, systemRunContext());
  let id: string | undefined;
  if (options.save) {
    id = await withAppStore({ dataDir: options.data }, async (store) => {
      const files = inputs.map((i) => ({ name: i.ref.name, bytes: i.bytes, format: i.ref.format }));
      return (await store.saveAnalysis({ envelope, files })).id;
    });
  }
  if (options.json) printJson(options.provenance ? { ...(id && { id }), ...envelope } : envelope.result);
  else printText(formatResultText(envelope, id));
  return envelope;
}

async function parametersFromOptions(kind: AnalysisKind, options: KindCommandOptions) {
  const parameters: Record<string, unknown> = {};
  const inputs: SuppliedInput[] = [];
  for (const [name, property] of Object.entries(parameterProperties(kind))) {
    const value = options[name];
    if (value === undefined) continue;
    const format = kind.fileParameters?.[name];
    if (format !== undefined) {
      const file = await readInputFile(String(value), format);
      inputs.push(file);
      parameters[name] = new TextDecoder().decode(file.bytes);
    } else {
      parameters[name] = coerce(String(value), property, name);
    }
  }
  return { parameters, inputs };
}

function coerce(value: string, property: JsonSchemaProperty, name: string): unknown {
  if (property.type === "number" || property.type === "integer") {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n)) {
      throw new InputError(`--${kebab(name)}: expected a number, found '${value}'`);
    }
    return n;
  }
  if (property.type === "boolean") return value === "true" || value === "1";
  return value;
}

/** The parameter properties of a kind's schema, as JSON Schema. */
export function parameterProperties(kind: AnalysisKind): Record<string, JsonSchemaProperty> {
  const schema = z.toJSONSchema(kind.parameters as z.ZodType, { unrepresentable: "any" }) as {
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

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
