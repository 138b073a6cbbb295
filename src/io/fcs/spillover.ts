import type { SpectrumMatrix } from "../../core/assays/flow/gating/index.js";
import { FormatError } from "../../core/errors.js";
import type { FcsDataset } from "./types.js";

/** Keywords that hold a spillover matrix, in flowCore's look-up order (flowCore #254), then `$SPILL`. */
const SPILLOVER_KEYWORDS = ["SPILL", "SPILLOVER", "$SPILLOVER", "$SPILL"] as const;

/**
 * The spillover matrix of a data set from `SPILL`, `SPILLOVER`, `$SPILLOVER` or `$SPILL` (FCS 3.1 §3.2.20:
 * `n,name_1,…,name_n,s_11,…,s_nn`, row-major, `s_ij` = fraction of fluorochrome i seen in detector j),
 * with detectors named by `$PnN` or by parameter number; null when the file has none. `$COMP` and
 * `$DFCiTOj` describe hardware compensation already applied and are never read as spillover.
 * @throws FormatError naming the file, the keyword and what is wrong with its value.
 */
export function spilloverOf(dataset: FcsDataset, source = "<memory>"): SpectrumMatrix | null {
  const keyword = SPILLOVER_KEYWORDS.find((k) => (dataset.keywords[k] ?? "").trim() !== "");
  if (!keyword) return null;
  const value = dataset.keywords[keyword] ?? "";
  const fields = value.split(",").map((f) => f.trim());
  const n = Number(fields[0]);
  const where = `TEXT keyword ${keyword}`;
  if (!Number.isInteger(n) || n < 1 || n > dataset.parameters.length) {
    throw new FormatError(
      source,
      where,
      `a channel count 1–${dataset.parameters.length} first`,
      `'${fields[0]}'`,
    );
  }
  if (fields.length !== 1 + n + n * n) {
    throw new FormatError(
      source,
      where,
      `1 + ${n} names + ${n * n} values = ${1 + n + n * n} fields`,
      `${fields.length}`,
    );
  }
  const names = dataset.parameters.map((p) => p.name);
  const detectors = fields.slice(1, 1 + n).map((field) => {
    if (names.includes(field)) return field;
    const number = Number(field);
    const byNumber = Number.isInteger(number) ? names[number - 1] : undefined;
    if (byNumber !== undefined) return byNumber;
    throw new FormatError(source, where, `channel names ($PnN) or numbers 1–${names.length}`, `'${field}'`);
  });
  const values = fields.slice(1 + n).map(Number);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new FormatError(source, where, "numeric spillover values", `'${fields[1 + n + bad]}'`);
  const coefficients = detectors.map((_, i) => values.slice(i * n, (i + 1) * n));
  return { fluorochromes: detectors, detectors, coefficients };
}
