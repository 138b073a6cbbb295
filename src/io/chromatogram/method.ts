import { z } from "zod";
import type { HplcOptions } from "../../core/analytics/hplc/index.js";
import { FormatError } from "../../core/errors.js";

const range = z.tuple([z.number(), z.number()]);
const impurity = z.strictObject({
  name: z.string().min(1),
  rrt: z.number().positive(),
  window: z.number().nonnegative(),
  rrf: z.number().positive().optional(),
});
const methodSchema = z.strictObject({
  name: z.string().optional(),
  mainPeak: z
    .strictObject({
      rt_min: z.number().positive(),
      window_min: z.number().positive(),
      name: z.string().optional(),
    })
    .optional(),
  impurities: z.array(impurity).default([]),
  thresholdPct: z.number().min(0).max(100).optional(),
  disregardLimitPct: z.number().min(0).max(100).optional(),
  noiseWindow_min: range.optional(),
  window_min: range.optional(),
  baselineNow_min: z.array(z.number()).optional(),
  integrationOff_min: z.array(range).optional(),
  baseline: z.enum(["whittaker", "segments"]).optional(),
  minSignalToNoise: z.number().positive().optional(),
  minArea: z.number().nonnegative().optional(),
  minHeight: z.number().nonnegative().optional(),
  slopeThreshold: z.number().positive().optional(),
});

/** An HPLC method file: the processing options it fixes and its named impurities. */
export type HplcMethod = z.infer<typeof methodSchema>;

/**
 * Parses an HPLC method file: JSON `{mainPeak, impurities: [{name, rrt, window}], thresholdPct, …}`, or CSV
 * with the header `name,rrt,window[,rrf]` (one named impurity per row; rrf: relative response factor).
 * @throws FormatError naming the line (CSV) or the JSON path of a bad value.
 * @example parseHplcMethod(new TextEncoder().encode("name,rrt,window\nimpurity A,0.85,0.02\n")).impurities[0].rrt // 0.85
 */
export function parseHplcMethod(bytes: Uint8Array, source = "<memory>"): HplcMethod {
  const text = new TextDecoder()
    .decode(bytes)
    .replace(/^\uFEFF/, "")
    .trim();
  if (text.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new FormatError(
        source,
        "JSON",
        "a JSON method object",
        error instanceof Error ? error.message : String(error),
      );
    }
    const parsed = methodSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FormatError(
        source,
        issue.path.join(".") || "top level",
        "a valid method field",
        issue.message,
      );
    }
    return parsed.data;
  }
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? "").split(/[,;\t]/).map((c) => c.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  if (at("name") < 0 || at("rrt") < 0) {
    throw new FormatError(
      source,
      "line 1",
      "a JSON method or a CSV header name,rrt,window",
      `'${lines[0]?.slice(0, 40) ?? ""}'`,
    );
  }
  const impurities = lines.slice(1).flatMap((line, k) => {
    if (line.trim() === "" || line.trim().startsWith("#")) return [];
    const cells = line.split(/[,;\t]/).map((c) => c.trim());
    const rrt = Number(cells[at("rrt")]);
    const window = at("window") >= 0 ? Number(cells[at("window")]) : 0.02;
    const where = `line ${k + 2}`;
    if (!cells[at("name")])
      throw new FormatError(source, `${where}, column ${at("name") + 1}`, "an impurity name", "nothing");
    if (!(rrt > 0))
      throw new FormatError(
        source,
        `${where}, column ${at("rrt") + 1}`,
        "a relative retention > 0",
        `'${cells[at("rrt")]}'`,
      );
    if (!(window >= 0))
      throw new FormatError(
        source,
        `${where}, column ${at("window") + 1}`,
        "a window ≥ 0",
        `'${cells[at("window")]}'`,
      );
    const rrfText = at("rrf") >= 0 ? (cells[at("rrf")] ?? "") : "";
    const rrf = rrfText === "" ? undefined : Number(rrfText);
    if (rrf !== undefined && !(rrf > 0))
      throw new FormatError(
        source,
        `${where}, column ${at("rrf") + 1}`,
        "a relative response factor > 0",
        `'${rrfText}'`,
      );
    return [{ name: cells[at("name")]!, rrt, window, ...(rrf !== undefined && { rrf }) }];
  });
  return { impurities };
}

/** The processing options a method fixes (explicit CLI/API parameters override them). */
export function methodOptions(method: HplcMethod): HplcOptions {
  const { name: _, ...options } = method;
  return options;
}
