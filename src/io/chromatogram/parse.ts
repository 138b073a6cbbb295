import type { Chromatogram } from "../../core/analytics/hplc/chromatogram.js";
import { FormatError } from "../../core/errors.js";
import { looksLikeNetcdf, parseAndiCdf } from "../andi-cdf/parse.js";
import { looksLikeChemstationCh, parseChemstationCh } from "../chemstation/parse.js";
import { parseChromatogramCsv } from "../chromatogram-csv/parse.js";
import { looksLikeLabSolutions, parseLabSolutionsAscii } from "../labsolutions/parse.js";

/** Options for formats with several traces. */
export interface ChromatogramReadOptions {
  /** LabSolutions: the section to read (e.g. "PDA 3D", "Detector A"). */
  channel?: string;
  /** LabSolutions PDA 3D: the wavelength to extract, nm. */
  wavelengthNm?: number;
}

/**
 * Reads a chromatogram in any supported format, recognised by its content (not its name): ANDI/AIA
 * netCDF, Agilent ChemStation `.ch`, Shimadzu LabSolutions ASCII, or two-column `time_min,signal` text.
 * @throws FormatError from the format's parser, or naming the file when no format matches.
 */
export function parseChromatogram(
  bytes: Uint8Array,
  source = "<memory>",
  options: ChromatogramReadOptions = {},
): Chromatogram {
  if (bytes.length === 0) throw new FormatError(source, "byte 0", "a chromatogram file", "an empty file");
  if (looksLikeNetcdf(bytes)) return parseAndiCdf(bytes, source);
  if (looksLikeChemstationCh(bytes)) return parseChemstationCh(bytes, source);
  if (/\.ch$/i.test(source)) return parseChemstationCh(bytes, source); // names the bad version byte
  if (/\.cdf$/i.test(source)) return parseAndiCdf(bytes, source); // names the bad magic
  if (looksLikeLabSolutions(bytes)) return parseLabSolutionsAscii(bytes, source, options);
  if (bytes.subarray(0, 512).includes(0)) {
    throw new FormatError(
      source,
      "byte 0",
      "an ANDI/AIA .cdf, Agilent .ch, LabSolutions ASCII or time_min,signal CSV chromatogram",
      "binary data of an unknown format",
    );
  }
  return parseChromatogramCsv(bytes, source);
}
