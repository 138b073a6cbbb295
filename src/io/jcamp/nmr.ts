import type { NmrData, NmrFid, NmrSpectrum } from "../../core/analytics/nmr/types.js";
import { FormatError } from "../../core/errors.js";
import { brukerGroupDelay } from "../bruker/digitalFilter.js";
import type { JcampBlock, JcampDataTable, JcampDocument } from "./types.js";
import { flattenJcampBlocks, jcampNumber, jcampString } from "./values.js";

/** `^1H` → `1H`, `^13C` → `13C`. */
function nucleusOf(block: JcampBlock): string {
  return (jcampString(block, ".OBSERVE NUCLEUS") ?? "1H").replace(/^\^/, "").trim() || "1H";
}

function solventOf(block: JcampBlock): string | null {
  const named = jcampString(block, ".SOLVENT NAME") ?? jcampString(block, "$SOLVENT");
  if (named?.trim()) return named.trim();
  const m = /solvent\s*=\s*([\w-]+)/i.exec(block.meta.SAMPLEDESCRIPTION ?? "");
  return m ? m[1]! : null;
}

/**
 * The NMR content of a JCAMP-DX document: an `NMR FID` block's real/imaginary NTUPLES pages become a FID
 * (spectral width from the time axis, carrier from $SFO1/$SF, Bruker digital-filter delay from
 * $GRPDLY/$DSPFVS/$DECIM); an `NMR SPECTRUM` block's XYDATA or real page becomes a spectrum (Hz ÷ $SF
 * or .OBSERVE FREQUENCY placed by ##.SHIFT REFERENCE when given, or ppm as written).
 * @throws FormatError when the document holds neither, or the frequency is missing.
 */
export function jcampToNmr(doc: JcampDocument, source = doc.source): NmrData {
  const data: NmrData = {};
  for (const block of flattenJcampBlocks(doc.blocks)) {
    const type = (block.meta.DATATYPE ?? "").toUpperCase();
    if (!type.includes("NMR")) continue;
    if (!data.fid && type.includes("FID") && block.ntuples) data.fid = fidOf(block, source, doc.warnings);
    if (!data.spectrum && type.includes("SPECTRUM")) {
      const table =
        block.tables.find((t) => t.table === "XYDATA") ??
        block.ntuples?.pages.find((p) => p.symbols[1] === "R" || p.symbols[1] === "Y");
      if (table) data.spectrum = spectrumOf(block, table, source, doc.warnings);
    }
  }
  if (!data.fid && !data.spectrum) {
    throw new FormatError(source, "##DATA TYPE", "an NMR FID or NMR SPECTRUM block with data", "none");
  }
  return data;
}

function observeFrequency(block: JcampBlock, source: string): number {
  const f = jcampNumber(block, ".OBSERVE FREQUENCY") ?? jcampNumber(block, "$SFO1");
  if (f === undefined || !(f > 0)) {
    throw new FormatError(
      source,
      `block '${block.title}' (line ${block.line})`,
      "##.OBSERVE FREQUENCY in MHz",
      "none",
    );
  }
  return f;
}

function fidOf(block: JcampBlock, source: string, warnings: string[]): NmrFid {
  const pages = block.ntuples!.pages;
  const re = pages.find((p) => p.symbols[1] === "R");
  const im = pages.find((p) => p.symbols[1] === "I");
  if (!re || !im)
    throw new FormatError(
      source,
      `NTUPLES of block '${block.title}'`,
      "FID/REAL and FID/IMAG pages",
      "missing",
    );
  if (re.y.length !== im.y.length) {
    throw new FormatError(
      source,
      `line ${im.line}`,
      `${re.y.length} imaginary points like the real page`,
      `${im.y.length}`,
    );
  }
  const n = re.x.length;
  const dt = n > 1 ? (re.x[n - 1]! - re.x[0]!) / (n - 1) : 0;
  if (!(dt > 0)) throw new FormatError(source, `line ${re.line}`, "an increasing time axis", "none");
  const sfo1 = observeFrequency(block, source);
  const sf = jcampNumber(block, "$SF") ?? jcampNumber(block, "$BF1") ?? sfo1;
  const own: string[] = [];
  const hasCarrier = jcampNumber(block, "$SFO1") !== undefined || jcampNumber(block, "$SF") !== undefined;
  if (!hasCarrier)
    own.push(`${source}: no $SFO1/$SF: the carrier is taken as 0 ppm until the spectrum is referenced`);
  const gd = brukerGroupDelay({
    grpdly: jcampNumber(block, "$GRPDLY"),
    dspfvs: jcampNumber(block, "$DSPFVS"),
    decim: jcampNumber(block, "$DECIM"),
    digmod: jcampNumber(block, "$DIGMOD"),
  });
  return {
    kind: "fid",
    vendor: "jcamp",
    source,
    nucleus: nucleusOf(block),
    frequencyMHz: sfo1,
    referenceFrequencyMHz: sf,
    solvent: solventOf(block),
    re: re.y,
    im: im.y,
    spectralWidthHz: 1 / dt,
    carrierPpm: hasCarrier ? ((sfo1 - sf) / sf) * 1e6 : 0,
    groupDelay: gd ?? 0,
    reverse: false,
    warnings: [...warnings, ...own],
  };
}

function spectrumOf(
  block: JcampBlock,
  table: JcampDataTable,
  source: string,
  warnings: string[],
): NmrSpectrum {
  const units = (block.meta.XUNITS ?? block.ntuples?.attributes.UNITS?.[0] ?? "HZ").toUpperCase();
  const sfo1 = observeFrequency(block, source);
  const sf = jcampNumber(block, "$SF") ?? sfo1;
  const ppm = new Float64Array(table.x.length);
  const factor = units.includes("PPM") ? 1 : 1 / sf;
  // ##.SHIFT REFERENCE=(INTERNAL, solvent, point, shift): that (1-based) point has that shift.
  const ref = /^\(?\s*[^,]*,[^,]*,\s*(\d+)\s*,\s*([-+\d.eE]+)\s*\)?$/.exec(
    block.meta[".SHIFTREFERENCE"] ?? "",
  );
  const point = ref ? Math.min(table.x.length, Math.max(1, Number(ref[1]))) - 1 : -1;
  const offset = ref && factor !== 1 ? Number(ref[2]) - table.x[point]! * factor : 0;
  for (let i = 0; i < ppm.length; i++) ppm[i] = table.x[i]! * factor + offset;
  let re = table.y;
  let im = block.ntuples?.pages.find((p) => p.symbols[1] === "I")?.y;
  if (ppm.length > 1 && ppm[0]! < ppm[ppm.length - 1]!) {
    ppm.reverse();
    re = Float64Array.from(re).reverse();
    if (im) im = Float64Array.from(im).reverse();
  }
  const spectrum: NmrSpectrum = {
    kind: "spectrum",
    vendor: "jcamp",
    source,
    nucleus: nucleusOf(block),
    frequencyMHz: sfo1,
    referenceFrequencyMHz: sf,
    solvent: solventOf(block),
    ppm,
    re,
    warnings: [...warnings],
  };
  if (im && im.length === re.length) spectrum.im = im;
  return spectrum;
}
