import { NetCDFReader } from "netcdfjs";
import type { MassSpectrum } from "../../core/analytics/ms/spectrum.js";
import { FormatError } from "../../core/errors.js";

/** A parsed ANDI-MS (AIA) file: one centroid or profile spectrum per scan, and the run's TIC. */
export interface AndiMsDocument {
  source: string;
  spectra: MassSpectrum[];
  /** Scan acquisition times (min) and the file's total_intensity per scan. */
  tic: { timeMin: Float64Array; intensity: Float64Array };
  /** Global attributes of the file (experiment_title, test_ionization_mode, …). */
  attributes: Record<string, string | number>;
  warnings: string[];
}

/**
 * Parses an ANDI-MS file (ASTM E2077 / AIA MS template 1.0): netCDF 3 with per-scan `scan_index` and
 * `point_count` into the flat `mass_values` / `intensity_values` arrays, `scan_acquisition_time` (s).
 * Every scan's range is checked against the arrays before any slice is taken.
 * @throws FormatError naming the file and the variable that is missing or inconsistent.
 */
export function parseAndiMs(bytes: Uint8Array, source = "<memory>"): AndiMsDocument {
  let reader: NetCDFReader;
  try {
    reader = new NetCDFReader(bytes);
  } catch (error) {
    throw new FormatError(
      source,
      "netCDF header",
      "a readable netCDF 3 file (ANDI-MS)",
      `an error (${(error as Error).message})`,
    );
  }
  // netcdfjs leaves `variables` undefined for an absent variable list; the lookups below need an array.
  if (!Array.isArray(reader.header.variables))
    throw new FormatError(source, "netCDF header", "a list of variables (ANDI-MS)", "none");
  const attributes: Record<string, string | number> = {};
  for (const a of reader.globalAttributes) attributes[a.name] = a.value as string | number;
  const variable = (name: string): ArrayLike<number> => {
    if (!reader.header.variables.some((v) => v.name === name))
      throw new FormatError(
        source,
        `variable ${name}`,
        "an ANDI-MS variable (mass_values, intensity_values, scan_index)",
        "none",
      );
    try {
      return reader.getDataVariable(name) as number[];
    } catch (error) {
      throw new FormatError(
        source,
        `variable ${name}`,
        "readable data",
        `an error (${(error as Error).message})`,
      );
    }
  };
  const mass = variable("mass_values");
  const intensity = variable("intensity_values");
  const scanIndex = variable("scan_index");
  if (mass.length !== intensity.length)
    throw new FormatError(
      source,
      "intensity_values",
      `${mass.length} values (as mass_values)`,
      `${intensity.length}`,
    );
  const hasCount = reader.header.variables.some((v) => v.name === "point_count");
  const pointCount = hasCount ? variable("point_count") : null;
  const hasTime = reader.header.variables.some((v) => v.name === "scan_acquisition_time");
  const times = hasTime ? variable("scan_acquisition_time") : null;
  const hasTic = reader.header.variables.some((v) => v.name === "total_intensity");
  const totals = hasTic ? variable("total_intensity") : null;
  const centroided = !/profile|continuum/i.test(String(attributes.experiment_type ?? ""));
  const spectra: MassSpectrum[] = [];
  const n = scanIndex.length;
  for (let s = 0; s < n; s++) {
    const start = scanIndex[s]!;
    const count = pointCount ? pointCount[s]! : (s + 1 < n ? scanIndex[s + 1]! : mass.length) - start;
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(count) ||
      start < 0 ||
      count < 0 ||
      start + count > mass.length
    ) {
      throw new FormatError(
        source,
        `scan ${s + 1}`,
        `scan_index + point_count within the ${mass.length} mass_values`,
        `${start} + ${count}`,
      );
    }
    const rt = times ? times[s]! / 60 : undefined;
    spectra.push({
      mz: Float64Array.from({ length: count }, (_, i) => mass[start + i]!),
      intensity: Float64Array.from({ length: count }, (_, i) => intensity[start + i]!),
      centroided,
      source: `${source} scan ${s + 1}`,
      label: `scan ${s + 1}${rt === undefined ? "" : ` (${rt.toFixed(3)} min)`}`,
      ...(rt !== undefined && { retentionTimeMin: rt }),
    });
  }
  return {
    source,
    spectra,
    tic: {
      timeMin: Float64Array.from({ length: n }, (_, s) => (times ? times[s]! / 60 : s)),
      intensity: Float64Array.from({ length: n }, (_, s) =>
        totals ? totals[s]! : spectra[s]!.intensity.reduce((a, b) => a + b, 0),
      ),
    },
    attributes,
    warnings: [],
  };
}
