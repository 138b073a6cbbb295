import { readFile } from "node:fs/promises";
import { checkSpectrum, type MassSpectrum } from "../../core/analytics/ms/spectrum.js";
import { FormatError, InputError } from "../../core/errors.js";
import { parseAndiMs } from "../andi-ms/parse.js";
import { fileError } from "../files/readInputFile.js";
import { parseMsCsv } from "../ms-csv/parse.js";
import { parseMzml } from "../mzml/parse.js";
import { parseJcampMassSpectra } from "./jcampMassSpectra.js";

/** Spectrum file formats the dispatcher recognises. */
export type MassSpectrumFormat = "mzml" | "jcamp" | "andi-ms" | "ms-csv";

/** Which spectrum of a many-scan file to use: 1-based index, or the scan with the largest total intensity. */
export type ScanChoice = number | "most-intense";

/** Recognises a spectrum file by its content (magic bytes, root element, `##` labels), not its name. */
export function sniffMassSpectrumFormat(bytes: Uint8Array): MassSpectrumFormat {
  if (bytes[0] === 0x43 && bytes[1] === 0x44 && bytes[2] === 0x46 && (bytes[3] === 1 || bytes[3] === 2))
    return "andi-ms";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  if (/<(indexedmzML|mzML)[\s>]/.test(head)) return "mzml";
  if (/^\s*##\s*TITLE\s*=/m.test(head)) return "jcamp";
  return "ms-csv";
}

/** Every spectrum a file holds, in file order, with the format found. @throws FormatError */
export function parseMassSpectra(
  bytes: Uint8Array,
  source = "<memory>",
): { format: MassSpectrumFormat; spectra: MassSpectrum[] } {
  const format = sniffMassSpectrumFormat(bytes);
  const spectra =
    format === "andi-ms"
      ? parseAndiMs(bytes, source).spectra
      : format === "mzml"
        ? parseMzml(bytes, source).spectra
        : format === "jcamp"
          ? parseJcampMassSpectra(bytes, source)
          : [parseMsCsv(bytes, source)];
  return { format, spectra };
}

/**
 * One spectrum from any supported file (mzML, JCAMP-DX MS, ANDI-MS netCDF, centroid CSV), checked to
 * have at least one peak and sorted by m/z. Many-scan files give the chosen scan.
 * @throws InputError (exit 2) for an unreadable file, an unknown scan or a spectrum with no peaks.
 */
export function parseMassSpectrum(
  bytes: Uint8Array,
  source = "<memory>",
  scan: ScanChoice = "most-intense",
): { format: MassSpectrumFormat; spectrum: MassSpectrum; scans: number } {
  const { format, spectra } = parseMassSpectra(bytes, source);
  if (spectra.length === 0) throw new FormatError(source, "spectra", "at least one spectrum", "none");
  let chosen: MassSpectrum | undefined;
  if (scan === "most-intense") {
    let best = -1;
    for (const s of spectra) {
      const total = s.intensity.reduce((a, b) => a + b, 0);
      if (total > best) {
        best = total;
        chosen = s;
      }
    }
  } else {
    if (!Number.isInteger(scan) || scan < 1 || scan > spectra.length)
      throw new InputError(`${source}: scan: expected 1–${spectra.length}, found ${scan}`);
    chosen = spectra[scan - 1];
  }
  return { format, spectrum: checkSpectrum(chosen!), scans: spectra.length };
}

/** Reads a spectrum file from disk. @throws InputError naming the file */
export async function readMassSpectrum(
  path: string,
  scan: ScanChoice = "most-intense",
): Promise<{ format: MassSpectrumFormat; spectrum: MassSpectrum; scans: number }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw fileError(path, error);
  }
  return parseMassSpectrum(bytes, path, scan);
}
