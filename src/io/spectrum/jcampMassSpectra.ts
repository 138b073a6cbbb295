import type { MassSpectrum } from "../../core/analytics/ms/spectrum.js";
import { FormatError } from "../../core/errors.js";
import { flattenJcampBlocks, jcampValue, parseJcamp } from "../jcamp/index.js";

/**
 * The mass spectra of a JCAMP-DX file (JCAMP-DX for mass spectrometry, Lampen et al., Appl. Spectrosc.
 * 48, 1545, 1994): `##PEAK TABLE=(XY..XY)` blocks, `##XYDATA` profile blocks and `##NTUPLES= MASS
 * SPECTRUM` pages, x = m/z and y = intensity. Uses the project's generic JCAMP-DX parser (io/jcamp).
 * @throws FormatError when the file holds no mass spectrum.
 */
export function parseJcampMassSpectra(bytes: Uint8Array, source = "<memory>"): MassSpectrum[] {
  const doc = parseJcamp(bytes, source, { npoints: "data" });
  const spectra: MassSpectrum[] = [];
  for (const block of flattenJcampBlocks(doc.blocks)) {
    const type = (jcampValue(block, "DATA TYPE") ?? "").toUpperCase();
    const xUnits = (jcampValue(block, "XUNITS") ?? "").toUpperCase();
    const isMass = type.includes("MASS") || xUnits.includes("M/Z") || xUnits.includes("DALTON");
    if (!isMass) continue;
    for (const table of block.tables) {
      spectra.push({
        mz: table.x,
        intensity: table.y,
        // Writers label profile data as peak tables (esiCalmodulin.jdx): judge by the spacing as well.
        centroided:
          table.table !== "XYDATA" || table.variables.includes("XY..XY") ? !looksLikeProfile(table.x) : false,
        source: `${source} block '${block.title}' line ${table.line}`,
        label: block.title,
      });
    }
    for (const page of block.ntuples?.pages ?? []) {
      const t = /T\s*=\s*([-+0-9.eE]+)/.exec(page.page ?? "");
      spectra.push({
        mz: page.x,
        intensity: page.y,
        centroided:
          (page.kind ?? "").toUpperCase() !== "XYDATA" && (page.kind ?? "").toUpperCase() !== "PROFILE",
        source: `${source} page '${page.page ?? "?"}'`,
        label: `${block.title}${page.page ? ` ${page.page}` : ""}`,
        ...(t && { retentionTimeMin: Number(t[1]) / 60 }),
      });
    }
  }
  if (spectra.length === 0)
    throw new FormatError(
      source,
      "JCAMP-DX blocks",
      "a ##DATA TYPE= MASS SPECTRUM block with a peak table or XYDATA",
      "none",
    );
  return spectra;
}

/** True for dense, evenly spaced m/z (profile data): ≥ 200 points, ≥ 90 % of gaps within 2 % of the median. */
function looksLikeProfile(mz: Float64Array): boolean {
  if (mz.length < 200) return false;
  const gaps = Array.from({ length: mz.length - 1 }, (_, i) => mz[i + 1]! - mz[i]!).sort((a, b) => a - b);
  const median = gaps[gaps.length >> 1]!;
  if (!(median > 0)) return false;
  const even = gaps.filter((g) => Math.abs(g - median) <= 0.02 * median).length;
  return even >= 0.9 * gaps.length;
}
