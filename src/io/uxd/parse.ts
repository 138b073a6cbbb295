import { type Diffractogram, wavelengthFrom } from "../../core/analytics/xrpd/diffractogram.js";
import { FormatError } from "../../core/errors.js";
import { decodeText } from "../csv/index.js";
import { joinRanges, type ScanRange } from "../diffractogram/joinRanges.js";

/** Data section keywords: pairs (2θ, y) or y values only (2θ from _START and _STEPSIZE). */
const PAIRS = new Set(["_2THETACOUNTS", "_2THETACPS", "_2THETA"]);
const VALUES = new Set(["_COUNTS", "_CPS"]);

/**
 * Parses a Bruker/Siemens UXD text file (DIFFRAC plus XCH export): `_KEY=VALUE` lines, `;` comments,
 * one data section per range (`_2THETACOUNTS`/`_2THETACPS` pairs or `_COUNTS`/`_CPS` values). The
 * wavelength comes from `_WL1`, `_WL2` and `_WLRATIO`.
 * @throws FormatError naming the line of a malformed number or a range without data.
 */
export function parseUxd(bytes: Uint8Array | string, source = "<memory>"): Diffractogram {
  const lines = decodeText(bytes, source).split(/\r?\n/);
  const header: Record<string, string> = {};
  const ranges: ScanRange[] = [];
  let rangeKeys: Record<string, string> = {};
  let mode: "pairs" | "values" | null = null;
  let xs: number[] = [];
  let ys: number[] = [];
  const finish = () => {
    if (!mode) return;
    if (ys.length === 0) throw new FormatError(source, `range ${ranges.length + 1}`, "data lines", "none");
    if (mode === "pairs") {
      const step = xs.length > 1 ? (xs[xs.length - 1]! - xs[0]!) / (xs.length - 1) : 1;
      const listed = Float64Array.from(xs);
      ranges.push({ start: xs[0]!, step, intensity: Float64Array.from(ys), listed, ...time(rangeKeys) });
    } else {
      const start = numberOf(rangeKeys._START ?? rangeKeys._2THETA, "_START");
      const step = numberOf(rangeKeys._STEPSIZE, "_STEPSIZE");
      ranges.push({ start, step, intensity: Float64Array.from(ys), ...time(rangeKeys) });
    }
    mode = null;
    xs = [];
    ys = [];
    rangeKeys = {};
  };
  const numberOf = (text: string | undefined, key: string) => {
    const n = Number(text);
    if (text === undefined || !Number.isFinite(n))
      throw new FormatError(source, `range ${ranges.length + 1}: ${key}`, "a number", text ?? "nothing");
    return n;
  };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith(";")) return;
    if (line.startsWith("_")) {
      const eq = line.indexOf("=");
      const key = (eq < 0 ? line : line.slice(0, eq)).trim().toUpperCase();
      if (eq < 0 && (PAIRS.has(key) || VALUES.has(key))) {
        mode = PAIRS.has(key) ? "pairs" : "values";
        return;
      }
      if (mode) finish();
      const value =
        eq < 0
          ? ""
          : line
              .slice(eq + 1)
              .trim()
              .replace(/^'(.*)'$/, "$1");
      header[key] ??= value;
      rangeKeys[key] = value;
      return;
    }
    if (!mode)
      throw new FormatError(
        source,
        `line ${index + 1}`,
        "a _KEY=VALUE line or a data section",
        `'${line.slice(0, 40)}'`,
      );
    const fields = line.split(/[\s,]+/);
    for (const f of fields) {
      const v = Number(f);
      if (!Number.isFinite(v)) throw new FormatError(source, `line ${index + 1}`, "numbers", `'${f}'`);
    }
    if (mode === "pairs") {
      if (fields.length < 2)
        throw new FormatError(source, `line ${index + 1}`, "2θ and intensity", `'${line}'`);
      xs.push(Number(fields[0]));
      ys.push(Number(fields[1]));
    } else {
      for (const f of fields) ys.push(Number(f));
    }
  });
  finish();
  if (ranges.length === 0)
    throw new FormatError(source, "file", "a data section (_2THETACOUNTS, _COUNTS …)", "none");
  const wl = (k: string) => (header[k] === undefined ? undefined : Number(header[k]));
  const wavelength = wavelengthFrom(wl("_WL1"), wl("_WL2"), wl("_WLRATIO"), "file: _WL1/_WL2/_WLRATIO");
  const metadata: Record<string, string> = { format: "uxd" };
  if (header._ANODE) metadata.anode = header._ANODE;
  if (header._SAMPLE) metadata.sample = header._SAMPLE;
  return joinRanges(ranges, wavelength, metadata, source);
}

function time(keys: Record<string, string>): { timePerStep?: number } {
  const t = Number(keys._STEPTIME);
  return Number.isFinite(t) && keys._STEPTIME !== undefined ? { timePerStep: t } : {};
}
