import { NetCDFReader } from "netcdfjs";
import { type Chromatogram, wavelengthFromSignalName } from "../../core/analytics/hplc/chromatogram.js";
import { FormatError } from "../../core/errors.js";

/**
 * ANDI/AIA chromatography files (ASTM E1947, "Analytical Data Interchange Protocol for Chromatographic
 * Data", netCDF 3). Category 1 (raw data) gives the trace: `ordinate_values` sampled every
 * `actual_sampling_interval` from `actual_delay_time`, in the global `retention_unit` (seconds unless the
 * file says minutes); `raw_data_retention`, when present, gives the times explicitly. Category 2 (results)
 * is the acquiring data system's own peak table ({@link parseAndiPeakTable}).
 */

/** A peak the acquiring data system reported in the file's category-2 results. */
export interface AndiPeak {
  rt_min: number;
  startTime_min: number | null;
  endTime_min: number | null;
  area: number;
  areaPercent: number | null;
  height: number | null;
}

/**
 * Parses an ANDI/AIA chromatography `.cdf` into a chromatogram against minutes.
 * @throws FormatError when the bytes are not netCDF 3, or `ordinate_values` or the sampling interval is
 *   missing or implausible.
 * @example parseAndiCdf(bytes, "run.cdf").detector // "DAD1 A, Sig=254,4 Ref=360,100"
 */
export function parseAndiCdf(bytes: Uint8Array, source = "<memory>"): Chromatogram {
  const reader = openNetcdf(bytes, source);
  if (!reader.dataVariableExists("ordinate_values")) {
    throw new FormatError(
      source,
      "variable ordinate_values",
      "the detector signal of an ANDI/AIA chromatogram (category 1 raw data)",
      "no such variable",
      `The file has ${reader.variables.map((v) => v.name).join(", ") || "no variables"}`,
    );
  }
  const signal = Float64Array.from(numbers(reader, "ordinate_values", source));
  const toMinutes = minutesPer(reader);
  let times: Float64Array;
  const explicit = reader.dataVariableExists("raw_data_retention")
    ? numbers(reader, "raw_data_retention", source)
    : [];
  if (explicit.length === signal.length && signal.length > 0) {
    times = Float64Array.from(explicit, (t) => t * toMinutes);
  } else {
    const interval = scalar(reader, "actual_sampling_interval", source);
    if (!(interval !== undefined && interval > 0 && Number.isFinite(interval))) {
      throw new FormatError(
        source,
        "variable actual_sampling_interval",
        "a positive sampling interval",
        interval === undefined ? "no such variable" : String(interval),
      );
    }
    const delay = scalar(reader, "actual_delay_time", source) ?? 0;
    times = new Float64Array(signal.length);
    for (let i = 0; i < signal.length; i++) times[i] = (delay + i * interval) * toMinutes;
  }
  const metadata: Record<string, string | number> = {};
  for (const attribute of reader.globalAttributes) {
    if (typeof attribute.value === "string" || typeof attribute.value === "number")
      metadata[attribute.name] = attribute.value;
  }
  const detector = String(metadata.detector_name ?? "");
  const wavelength = wavelengthFromSignalName(detector);
  return {
    times_min: times,
    signal,
    units: String(metadata.detector_unit ?? ""),
    detector,
    ...(wavelength !== undefined && { wavelength_nm: wavelength }),
    format: "andi-cdf",
    metadata,
  };
}

/**
 * The peak table an ANDI/AIA file carries (category 2), times in minutes; empty when it has none.
 * @throws FormatError when the bytes are not netCDF 3.
 */
export function parseAndiPeakTable(bytes: Uint8Array, source = "<memory>"): AndiPeak[] {
  const reader = openNetcdf(bytes, source);
  if (!reader.dataVariableExists("peak_retention_time")) return [];
  const toMinutes = minutesPer(reader);
  const column = (name: string) => (reader.dataVariableExists(name) ? numbers(reader, name, source) : []);
  const rt = column("peak_retention_time");
  const area = column("peak_area");
  const percent = column("peak_area_percent");
  const height = column("peak_height");
  const start = column("peak_start_time");
  const end = column("peak_end_time");
  return rt.map((t, i) => ({
    rt_min: t * toMinutes,
    startTime_min: start[i] === undefined ? null : start[i]! * toMinutes,
    endTime_min: end[i] === undefined ? null : end[i]! * toMinutes,
    area: area[i] ?? Number.NaN,
    areaPercent: percent[i] ?? null,
    height: height[i] ?? null,
  }));
}

/** True when the bytes start with the netCDF classic or 64-bit-offset magic `CDF\x01` / `CDF\x02`. */
export function looksLikeNetcdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x43 && bytes[1] === 0x44 && bytes[2] === 0x46 && (bytes[3] === 1 || bytes[3] === 2);
}

function openNetcdf(bytes: Uint8Array, source: string): NetCDFReader {
  if (!looksLikeNetcdf(bytes)) {
    throw new FormatError(source, "byte 0", "the netCDF 3 magic 'CDF\\x01' or 'CDF\\x02'", describe(bytes));
  }
  let reader: NetCDFReader;
  try {
    reader = new NetCDFReader(bytes);
  } catch (error) {
    throw new FormatError(
      source,
      "netCDF header",
      "a readable netCDF 3 header",
      error instanceof Error ? error.message : String(error),
      "Is the file truncated?",
    );
  }
  // netcdfjs leaves `variables` undefined for an absent variable list; its lookups would then throw a TypeError.
  if (!Array.isArray(reader.header.variables)) {
    throw new FormatError(source, "netCDF header", "a list of variables", "none", "Is the file truncated?");
  }
  return reader;
}

function describe(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty file";
  return `'${Array.from(bytes.subarray(0, 4), (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : ".")).join("")}'`;
}

function numbers(reader: NetCDFReader, name: string, source: string): number[] {
  return dataOf(reader, name, source).map((v) => (typeof v === "number" ? v : Number.NaN));
}

/** A variable's values; netcdfjs's own errors (offsets or sizes outside the file) become a FormatError. */
function dataOf(reader: NetCDFReader, name: string, source: string): unknown[] {
  try {
    return reader.getDataVariable(name);
  } catch (error) {
    throw new FormatError(
      source,
      `variable ${name}`,
      "data inside the file",
      error instanceof Error ? error.message : String(error),
      "Is the file truncated?",
    );
  }
}

function scalar(reader: NetCDFReader, name: string, source: string): number | undefined {
  if (!reader.dataVariableExists(name)) return undefined;
  const value = dataOf(reader, name, source)[0];
  return typeof value === "number" ? value : undefined;
}

/** Minutes per retention unit: the standard's default unit is seconds. */
function minutesPer(reader: NetCDFReader): number {
  const unit = reader.attributeExists("retention_unit") ? String(reader.getAttribute("retention_unit")) : "";
  return /^min/i.test(unit.trim()) ? 1 : 1 / 60;
}
