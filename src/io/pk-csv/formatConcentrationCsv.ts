import type { ConcentrationProfile } from "../../core/pk/nca/index.js";

/**
 * Writes profiles as the concentration CSV that {@link parseConcentrationCsv} reads: `id,time_h,conc_ng_mL`,
 * numbers in shortest round-trip form, missing concentrations as empty cells.
 * @example formatConcentrationCsv([{ id: "1", time_h: Float64Array.of(0), conc_ng_mL: Float64Array.of(0) }])
 */
export function formatConcentrationCsv(profiles: readonly ConcentrationProfile[]): string {
  const lines = ["id,time_h,conc_ng_mL"];
  for (const p of profiles) {
    const id = csvField(p.id);
    for (let i = 0; i < p.time_h.length; i++) {
      const c = p.conc_ng_mL[i]!;
      lines.push(`${id},${p.time_h[i]},${Number.isNaN(c) ? "" : c}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Quotes a text field when it holds a delimiter, quote or line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
