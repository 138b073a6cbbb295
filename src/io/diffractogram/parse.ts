import type { Diffractogram } from "../../core/analytics/xrpd/diffractogram.js";
import { FormatError, InputError } from "../../core/errors.js";
import { parseBrml } from "../brml/parse.js";
import { parseBrukerRaw } from "../bruker-raw/parse.js";
import { parseUxd } from "../uxd/parse.js";
import { parseXrdml } from "../xrdml/parse.js";
import { parseXy } from "../xy/parse.js";
import { parseJcampDiffractogram } from "./jcamp.js";

/** The diffractogram formats Ixalab reads, as sniffed from the content. */
export type DiffractogramFormat = "brml" | "bruker-raw" | "xrdml" | "uxd" | "jcamp" | "xy";

/** Options of {@link parseDiffractogram}. */
export interface DiffractogramOptions {
  /** The user's Kα1 wavelength (Å); replaces the file's. */
  wavelengthA?: number;
}

/** Where each format keeps its wavelength, for the error when it is missing. */
const WAVELENGTH_PLACE: Record<DiffractogramFormat, string> = {
  xrdml: "<usedWavelength>/<kAlpha1>",
  brml: "RawData0.xml <WaveLengthAlpha1>",
  "bruker-raw": "RAW header Kα1",
  uxd: "_WL1",
  jcamp: "##$WAVELENGTH (or ##$KALPHA1)",
  xy: "header (wavelength or anode)",
};

/** Which reader a file's bytes need: zip → .brml, "RAW" → Bruker RAW, then XRDML, JCAMP-DX, UXD, xy. */
export function sniffDiffractogram(bytes: Uint8Array): DiffractogramFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "brml";
  if (bytes[0] === 0x52 && bytes[1] === 0x41 && bytes[2] === 0x57) return "bruker-raw";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096));
  if (/<xrdMeasurements\b/.test(head)) return "xrdml";
  if (/^\uFEFF?\s*##\s*(TITLE|JCAMP)/i.test(head)) return "jcamp";
  if (/^\s*[;_]/m.test(head) && /^_(2THETACOUNTS|2THETACPS|COUNTS|CPS|FILEVERSION|DRIVE|WL1)\b/m.test(head))
    return "uxd";
  return "xy";
}

/**
 * Reads any supported powder pattern from its bytes (format sniffed from the content), applies the user's
 * wavelength, and checks the 2θ axis (increasing; a decreasing file is reversed).
 * @throws FormatError naming the file and where the wavelength was expected when neither the file nor the
 * user gives one; the reader's FormatError for a malformed file.
 */
export function parseDiffractogram(
  bytes: Uint8Array,
  source = "<memory>",
  options: DiffractogramOptions = {},
): Diffractogram {
  const format = sniffDiffractogram(bytes);
  const pattern = readerOf(format)(bytes, source);
  applyUserWavelength(pattern, options.wavelengthA);
  if (!pattern.wavelength) {
    throw new FormatError(
      source,
      WAVELENGTH_PLACE[format],
      "the X-ray wavelength (Kα1)",
      "none",
      "Give it with --wavelength, e.g. --wavelength 1.5406 for Cu",
    );
  }
  orderAxis(pattern, source);
  return pattern;
}

function readerOf(format: DiffractogramFormat): (bytes: Uint8Array, source: string) => Diffractogram {
  switch (format) {
    case "brml":
      return parseBrml;
    case "bruker-raw":
      return parseBrukerRaw;
    case "xrdml":
      return parseXrdml;
    case "uxd":
      return parseUxd;
    case "jcamp":
      return parseJcampDiffractogram;
    case "xy":
      return parseXy;
  }
}

function applyUserWavelength(pattern: Diffractogram, wavelengthA: number | undefined): void {
  if (wavelengthA === undefined) return;
  if (!Number.isFinite(wavelengthA) || wavelengthA <= 0.1 || wavelengthA >= 5)
    throw new InputError(`--wavelength: expected a wavelength in ångström (0.1–5), found ${wavelengthA}`);
  const file = pattern.wavelength;
  // The file's Kα2 line still applies when the user only restates (or refines) its Kα1.
  if (file?.kAlpha2_A && Math.abs(file.kAlpha1_A - wavelengthA) < 1e-3) {
    pattern.wavelength = { ...file, kAlpha1_A: wavelengthA, source: "user (Kα2 and ratio from the file)" };
  } else {
    pattern.wavelength = { kAlpha1_A: wavelengthA, source: "user" };
  }
}

function orderAxis(pattern: Diffractogram, source: string): void {
  const x = pattern.twoTheta;
  const n = x.length;
  if (n < 3) throw new FormatError(source, "pattern", "at least 3 points", String(n));
  const decreasing = x[n - 1]! < x[0]!;
  if (decreasing) {
    x.reverse();
    pattern.intensity.reverse();
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(pattern.intensity[i]!))
      throw new FormatError(
        source,
        `point ${i + 1}`,
        "finite 2θ and intensity",
        `${x[i]}, ${pattern.intensity[i]}`,
      );
    if (i > 0 && x[i]! <= x[i - 1]!)
      throw new FormatError(source, `point ${i + 1}`, `2θ increasing past ${x[i - 1]}`, String(x[i]));
  }
  if (x[0]! <= 0 || x[n - 1]! >= 180)
    throw new FormatError(source, "2θ axis", "angles between 0° and 180°", `${x[0]}–${x[n - 1]}°`);
}
