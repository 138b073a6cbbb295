import { type Diffractogram, wavelengthFrom } from "../../core/analytics/xrpd/diffractogram.js";
import { FormatError } from "../../core/errors.js";
import { flattenJcampBlocks, parseJcamp } from "../jcamp/index.js";

/** Labels (normalised: upper case, no spaces) under which JCAMP-DX XRD files give the wavelength. */
const KALPHA1 = ["$WAVELENGTH", "$KALPHA1", "$WAVELENGTHALPHA1", "$LAMBDA", "$LAMBDA1", "WAVELENGTH"];
const KALPHA2 = ["$KALPHA2", "$WAVELENGTHALPHA2", "$LAMBDA2"];
const RATIO = ["$RATIO", "$KALPHA2KALPHA1RATIO", "$WAVELENGTHRATIO", "$RATIOKALPHA2KALPHA1"];

/**
 * A JCAMP-DX XRD pattern (e.g. `##DATA TYPE=XRD pattern`, as DIFFRAC/cheminfo exports write): the first
 * block with a data table (`##XYDATA`, `##XYPOINTS` or an `(XY..XY)` `##PEAK TABLE` holding the profile),
 * x in 2θ degrees; the wavelength from `##$WAVELENGTH`/`##$KALPHA1` (and Kα2/ratio) when present.
 * Parsed with the project's JCAMP-DX reader (io/jcamp).
 * @throws FormatError when no block has a data table or x is not in 2θ.
 */
export function parseJcampDiffractogram(bytes: Uint8Array, source: string): Diffractogram {
  const doc = parseJcamp(bytes, source);
  const block = flattenJcampBlocks(doc.blocks).find((b) => b.tables.length > 0 || b.ntuples?.pages.length);
  const table = block?.tables[0] ?? block?.ntuples?.pages[0];
  if (!block || !table) throw new FormatError(source, "blocks", "a block with a data table", "none");
  const xUnits = block.meta.XUNITS ?? "";
  if (xUnits && !/2\s*[θϴΘ]|2\s*-?theta|deg|°/i.test(xUnits))
    throw new FormatError(source, `line ${block.line}: ##XUNITS`, "2θ in degrees", `'${xUnits}'`);
  const first = (labels: string[]) => {
    for (const l of labels) {
      const v = Number.parseFloat(block.meta[l] ?? "");
      if (Number.isFinite(v)) return v;
    }
    return undefined;
  };
  const wavelength = wavelengthFrom(
    first(KALPHA1),
    first(KALPHA2),
    first(RATIO),
    "file: JCAMP-DX ##$WAVELENGTH",
  );
  const metadata: Record<string, string | number> = { format: "jcamp" };
  if (block.meta.DATATYPE) metadata.dataType = block.meta.DATATYPE;
  return {
    twoTheta: Float64Array.from(table.x),
    intensity: Float64Array.from(table.y),
    wavelength,
    metadata,
    warnings: [...doc.warnings],
  };
}
