/**
 * Form fields from a kind's JSON Schema, and form values back to parameters. The server validates the
 * parameters again (the same Zod schema), so this only has to produce well-typed JSON.
 */
import type { JsonSchema } from "../api.js";
import { humanize } from "../format.js";

export type FieldControl =
  | "text"
  | "textarea"
  | "number"
  | "checkbox"
  | "select"
  | "json"
  /** A list of numbers, typed "4.09, 5.1". */
  | "numbers"
  /** A list of [from, to] pairs, typed "0-0.3, 4.3-5.5". */
  | "ranges";

export interface FieldOption {
  value: unknown;
  label: string;
}

export interface Field {
  name: string;
  label: string;
  description?: string;
  control: FieldControl;
  required: boolean;
  /** For number controls: integers only. */
  integer?: boolean;
  min?: number;
  max?: number;
  options?: FieldOption[];
  defaultValue?: unknown;
}

/** Form state: text for every control except checkboxes. */
export type FormValues = Record<string, string | boolean>;

// Multi-line text formats get a textarea: molfiles, SD files, CSV, JSON or free text blocks.
const MULTILINE_NAME = /(molfile|molblock|mol_?block|sdf|csv|json|text|block|notes?)$/i;

function nonNull(schemas: JsonSchema[]): JsonSchema[] {
  return schemas.filter((s) => s.type !== "null" && !(s.const === null && s.type === undefined));
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  return schema.type;
}

/** Enum values of a schema, including unions of constants (`anyOf: [{const: "a"}, …]`). */
function enumValues(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum.filter((v) => v !== null);
  const union = schema.anyOf ?? schema.oneOf;
  if (union && union.length > 0 && nonNull(union).every((s) => "const" in s || s.enum)) {
    return nonNull(union).flatMap((s) => ("const" in s ? [s.const] : (s.enum ?? [])));
  }
  return undefined;
}

/** Unwraps `anyOf: [X, {type: "null"}]`, the usual encoding of an optional or nullable parameter. */
function unwrap(schema: JsonSchema): JsonSchema {
  const union = schema.anyOf ?? schema.oneOf;
  if (!union) return schema;
  const options = nonNull(union);
  const only = options[0];
  if (options.length === 1 && only) {
    return {
      ...only,
      description: schema.description ?? only.description,
      default: schema.default ?? only.default,
    };
  }
  return schema;
}

function fieldFor(name: string, raw: JsonSchema, required: boolean): Field {
  const schema = unwrap(raw);
  const base = {
    name,
    label: schema.title ?? humanize(name),
    description: schema.description,
    required,
    defaultValue: schema.default,
  };
  const values = enumValues(schema);
  if (values) {
    return {
      ...base,
      control: "select",
      options: values.map((value) => ({ value, label: String(value) })),
    };
  }
  const type = primaryType(schema);
  if (type === "boolean") return { ...base, control: "checkbox" };
  if (type === "number" || type === "integer") {
    return {
      ...base,
      control: "number",
      integer: type === "integer",
      min: schema.minimum ?? schema.exclusiveMinimum,
      max: schema.maximum ?? schema.exclusiveMaximum,
    };
  }
  if (type === "string") {
    const multiline =
      MULTILINE_NAME.test(name) || (schema.maxLength ?? 0) > 500 || schema.contentMediaType !== undefined;
    return { ...base, control: multiline ? "textarea" : "text" };
  }
  if (type === "array" && typeof schema.items === "object") {
    if (isNumber(schema.items)) return { ...base, control: "numbers" };
    const pair = schema.items.prefixItems;
    if (primaryType(schema.items) === "array" && pair?.length === 2 && pair.every(isNumber))
      return { ...base, control: "ranges" };
  }
  // Objects, other arrays and unions the form cannot express are edited as JSON.
  return { ...base, control: "json" };
}

function isNumber(schema: JsonSchema): boolean {
  const type = primaryType(schema);
  return type === "number" || type === "integer";
}

/** The fields of an object schema, in declaration order. */
export function fieldsFromSchema(schema: JsonSchema): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fieldFor(name, property, required.has(name)),
  );
}

/** Starting form values: the schema defaults, otherwise empty. */
export function initialValues(fields: Field[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const d = field.defaultValue;
    if (field.control === "checkbox") values[field.name] = d === true;
    else if (field.control === "select") {
      const index = field.options?.findIndex((o) => o.value === d) ?? -1;
      values[field.name] = index >= 0 ? String(index) : "";
    } else if (field.control === "json")
      values[field.name] = d === undefined ? "" : JSON.stringify(d, null, 2);
    else if (field.control === "numbers" && Array.isArray(d)) values[field.name] = d.join(", ");
    else if (field.control === "ranges" && Array.isArray(d))
      values[field.name] = (d as number[][]).map((r) => r.join("-")).join(", ");
    else values[field.name] = d === undefined || d === null ? "" : String(d);
  }
  return values;
}

export interface ParametersResult {
  parameters: Record<string, unknown>;
  /** Problems the browser can see before asking the server, by field name. */
  errors: Record<string, string>;
}

/** Form values to a parameters object: empty optional fields are left out so server defaults apply. */
export function toParameters(fields: Field[], values: FormValues): ParametersResult {
  const parameters: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.control === "checkbox") {
      parameters[field.name] = value === true;
      continue;
    }
    const text = typeof value === "string" ? value : "";
    if (text.trim() === "") {
      // A required text field is sent empty so the server's message explains what it needs.
      if (field.required && (field.control === "text" || field.control === "textarea"))
        parameters[field.name] = "";
      continue;
    }
    if (field.control === "number") {
      const number = Number(text);
      if (!Number.isFinite(number)) errors[field.name] = `expected a number, found '${text}'`;
      else if (field.integer && !Number.isInteger(number))
        errors[field.name] = `expected an integer, found ${text}`;
      else parameters[field.name] = number;
    } else if (field.control === "select") {
      const option = field.options?.[Number(text)];
      if (option) parameters[field.name] = option.value;
    } else if (field.control === "numbers" || field.control === "ranges") {
      const parsed = field.control === "numbers" ? parseNumbers(text) : parseRanges(text);
      if (typeof parsed === "string") errors[field.name] = parsed;
      else parameters[field.name] = parsed;
    } else if (field.control === "json") {
      try {
        parameters[field.name] = JSON.parse(text);
      } catch (error) {
        errors[field.name] = `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
      }
    } else {
      parameters[field.name] = field.control === "textarea" ? text : text.trim();
    }
  }
  return { parameters, errors };
}

/** "4.09, 5.1" (commas, semicolons or spaces between) → [4.09, 5.1], or the problem. */
export function parseNumbers(text: string): number[] | string {
  // A JSON-style list ("[1, 8, 15]") is read the same.
  const items = text
    .replace(/^\s*\[|\]\s*$/g, "")
    .split(/[,;\s]+/)
    .filter((item) => item !== "");
  const bad = items.find((item) => !Number.isFinite(Number(item)));
  return bad === undefined ? items.map(Number) : `expected numbers separated by commas, found '${bad}'`;
}

/** "0-0.3, 4.3-5.5" → [[0, 0.3], [4.3, 5.5]], or the problem (each range FROM-TO with FROM < TO). */
export function parseRanges(text: string): [number, number][] | string {
  const ranges: [number, number][] = [];
  for (const item of text.split(/[,;]/).map((part) => part.trim())) {
    if (item === "") continue;
    const m = /^([-+]?[\d.]+(?:e[-+]?\d+)?)\s*(?:-|–|to)\s*([-+]?[\d.]+(?:e[-+]?\d+)?)$/i.exec(item);
    const from = Number(m?.[1]);
    const to = Number(m?.[2]);
    if (!m || !(to > from)) return `expected ranges FROM-TO with FROM < TO, e.g. 0-0.3, found '${item}'`;
    ranges.push([from, to]);
  }
  return ranges;
}
