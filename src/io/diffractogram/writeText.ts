import type { Diffractogram } from "../../core/analytics/xrpd/index.js";

/**
 * A reference peak list as the CSV `xrpd.match` reads (`twoTheta,relIntensity`, 3 and 1 decimals);
 * `comments` become leading `#` lines, which the reader skips.
 */
export function writeReferenceCsv(
  peaks: readonly { twoTheta: number; relIntensity: number }[],
  comments: readonly string[] = [],
): string {
  const rows = peaks.map((p) => `${p.twoTheta.toFixed(3)},${p.relIntensity.toFixed(1)}`);
  return `${[...comments.map((c) => `# ${c}`), "twoTheta,relIntensity", ...rows].join("\n")}\n`;
}

/** A pattern as `.xy` text (2θ and counts per line) with an anode header line, e.g. `'Anode: "Cu"`. */
export function writeXy(pattern: Pick<Diffractogram, "twoTheta" | "intensity">, anode = "Cu"): string {
  const rows = Array.from(pattern.twoTheta, (x, i) => `${x.toFixed(4)} ${pattern.intensity[i]!.toFixed(1)}`);
  return `'Anode: "${anode}"\n${rows.join("\n")}\n`;
}
