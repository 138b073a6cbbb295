import { InputError } from "../core/errors.js";

/** Converts a timestamptz value (a Date from both backends) to an ISO 8601 string in UTC. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

/** Converts an int8 value (a string from node-postgres, a number from PGlite) to a number. */
export function toNumber(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

/**
 * Serialises a value for a jsonb parameter; strings are passed as JSON text on both backends.
 * @throws InputError when the value has no JSON form (undefined, a function, a symbol).
 */
export function toJsonParam(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new InputError(`${what} cannot be stored: it has no JSON form`);
  return text;
}

/** JSON text with object keys sorted at every level, so equal documents compare equal as strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value) ?? "null")));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * Resolves a page size: an integer from 1 to `max`, or `fallback` when undefined.
 * @throws InputError when out of range.
 */
export function checkCount(value: number | undefined, fallback: number, what: string, min = 1, max = 10_000) {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`${what} must be an integer from ${min} to ${max}, found ${value}`);
  }
  return n;
}
