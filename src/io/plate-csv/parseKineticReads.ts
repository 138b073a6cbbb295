import type { KineticReads } from "../../core/assays/ic50/plates.js";
import { InputError } from "../../core/errors.js";
import { DelimitedCursor } from "../csv/DelimitedCursor.js";
import { decodeText } from "../csv/decodeText.js";
import { detectDelimiter } from "../csv/detectDelimiter.js";
import { parseKineticsLong } from "./parseKineticsLong.js";
import { parseKineticsWide, type WideKineticsOptions } from "./parseKineticsWide.js";

/** Options of {@link parseKineticReads}. */
export interface ParseKineticReadsOptions extends WideKineticsOptions {
  /**
   * `long` (canonical `plate,well,time_s,rfu`), `wide` (a reader export) or `auto`: long when the first
   * non-blank line has `plate`, `well` and `rfu` columns, else wide.
   * @default "auto"
   */
  format?: "auto" | "long" | "wide";
}

/**
 * Parses kinetic reads in either layout: the canonical long CSV ({@link parseKineticsLong}) or a plate
 * reader's wide export ({@link parseKineticsWide}).
 * @throws InputError when `plate` is given for a long file (which names its plates)
 * @throws FormatError from the chosen parser
 * @example parseKineticReads(bytes, "kinetics.csv").wells.length
 */
export function parseKineticReads(
  input: string | Uint8Array,
  source = "<memory>",
  options: ParseKineticReadsOptions = {},
): KineticReads {
  const text = decodeText(input, source);
  const format =
    options.format && options.format !== "auto" ? options.format : detectKineticsFormat(text, source);
  if (format === "wide") return parseKineticsWide(text, source, options);
  if (options.plate !== undefined) {
    throw new InputError(
      `${source}: a plate id (--plate) was given, but this is a long kinetic CSV whose 'plate' column names the plates. Leave out --plate`,
    );
  }
  return parseKineticsLong(text, source);
}

/** `long` when the first non-blank, non-comment line has `plate`, `well` and `rfu` columns, else `wide`. */
export function detectKineticsFormat(text: string, source = "<memory>"): "long" | "wide" {
  const cursor = new DelimitedCursor(text, source);
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(",")) continue;
    cursor.split(detectDelimiter(cursor.lineText()));
    const names = new Set(Array.from({ length: cursor.count }, (_, i) => cursor.field(i).toLowerCase()));
    return names.has("plate") && names.has("well") && names.has("rfu") ? "long" : "wide";
  }
  return "long";
}
