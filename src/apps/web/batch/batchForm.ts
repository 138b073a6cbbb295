/** Parsing of the batch forms' text fields. Pure functions: no React here. */

/**
 * "ID:grams, ID2" → [{batchId: "ID", grams: 12.5}, {batchId: "ID2"}]. Grams that are not numbers are
 * passed on as NaN, so that the server names the bad value.
 */
export function parseInputUses(text: string): { batchId: string; grams?: number }[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const at = part.lastIndexOf(":");
      if (at < 0) return { batchId: part };
      return { batchId: part.slice(0, at).trim(), grams: Number(part.slice(at + 1).trim()) };
    });
}

/** A number field's value for a request: undefined when empty, NaN when not a number. */
export function optionalNumber(text: string): number | undefined {
  return text.trim() === "" ? undefined : Number(text);
}
