import { z } from "zod";
import { FormatError, InputError } from "../core/errors.js";

/** The regimen parameters `pk.simulate` and `pk.population` share; the label's 4 mg days 1, 8, 15 by default. */
export const regimenParameters = {
  model: z.string().default("ixazomib-gupta2017").describe("built-in model id"),
  doseMg: z.number().min(0).default(4).describe("dose per administration, mg"),
  days: z.array(z.int().min(1)).min(1).default([1, 8, 15]).describe("dosing days of each cycle (1-based)"),
  cycleDays: z.int().min(1).default(28).describe("cycle length, days"),
  cycles: z.int().min(1).max(1000).default(6).describe("number of cycles"),
};

/** The largest output grid a request may ask for, to keep memory bounded. */
const MAX_TIMES = 5_000_000;

/** Output times 0, H, 2H, …, ≤ T (hours). @throws InputError for a grid too large to hold */
export function timeGrid(stepH: number, untilH: number): Float64Array {
  const n = Math.floor(untilH / stepH + 1e-9) + 1;
  if (n > MAX_TIMES)
    throw new InputError(`output grid of ${n} times exceeds ${MAX_TIMES}: use a larger step`);
  return Float64Array.from({ length: n }, (_, i) => i * stepH);
}

/** One time (h) per line, ≥ 0 and non-decreasing; blank and `#` lines skipped. @throws FormatError naming the line */
export function parseTimesFile(bytes: Uint8Array, source: string): Float64Array {
  const text = new TextDecoder().decode(bytes);
  const times: number[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const t = Number(line);
    if (!Number.isFinite(t) || t < 0)
      throw new FormatError(source, `line ${i + 1}`, "a time in hours ≥ 0", `'${line}'`);
    if (times.length > 0 && t < (times[times.length - 1] ?? 0)) {
      throw new FormatError(
        source,
        `line ${i + 1}`,
        "times in increasing order",
        `${t} after ${times[times.length - 1]}`,
      );
    }
    times.push(t);
  }
  if (times.length === 0) throw new FormatError(source, "file", "at least one time", "none");
  return Float64Array.from(times);
}

/** Parses `0-168,3696-3864` into AUC windows (h). @throws InputError naming the bad window */
export function parseWindows(text: string): [number, number][] {
  return text.split(",").map((part) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    const t0 = Number(m?.[1]);
    const t1 = Number(m?.[2]);
    if (!m || !(t1 > t0))
      throw new InputError(`--auc-windows: expected windows like 0-168,3696-3864, found '${part}'`);
    return [t0, t1];
  });
}
