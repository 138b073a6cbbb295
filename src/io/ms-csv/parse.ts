import type { MassSpectrum } from "../../core/analytics/ms/spectrum.js";
import { FormatError } from "../../core/errors.js";
import { decodeText } from "../csv/decodeText.js";
import { detectDelimiter } from "../csv/detectDelimiter.js";
import { splitDelimited } from "../csv/splitDelimited.js";

const MZ_HEADER = /^(m\/?z|mass|mz_?th)$/i;
const INTENSITY_HEADER = /^(intensity|int|i|abundance|abund|counts|height|relative|rel)$/i;

/**
 * Parses a centroid list `mz,intensity` (comma, semicolon or tab; optional header naming the columns
 * `mz`/`m/z` and `intensity`/`abundance`; `#` comment lines ignored). Without a header the first two
 * columns are read.
 * @throws FormatError naming the file, the line and the column of the first bad value.
 */
export function parseMsCsv(bytes: Uint8Array | string, source = "<memory>"): MassSpectrum {
  const text = decodeText(bytes, source);
  const lines = text.split(/\r?\n/);
  const mz: number[] = [];
  const intensity: number[] = [];
  let delimiter: string | null = null;
  let mzCol = 0;
  let intCol = 1;
  let sawHeader = false;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === "" || line.startsWith("#")) continue;
    delimiter ??= detectDelimiter(line);
    const fields = splitDelimited(line, delimiter, source, l + 1).map((f) => f.trim());
    if (mz.length === 0 && !sawHeader && fields.some((f) => f !== "" && Number.isNaN(Number(f)))) {
      sawHeader = true;
      const m = fields.findIndex((f) => MZ_HEADER.test(f));
      const i = fields.findIndex((f) => INTENSITY_HEADER.test(f));
      if (m < 0 || i < 0)
        throw new FormatError(
          source,
          `line ${l + 1}`,
          "a header with columns mz and intensity",
          `'${line.slice(0, 60)}'`,
        );
      mzCol = m;
      intCol = i;
      continue;
    }
    const m = Number(fields[mzCol]);
    const y = Number(fields[intCol]);
    if (fields[mzCol] === undefined || fields[mzCol] === "" || !Number.isFinite(m) || m <= 0)
      throw new FormatError(
        source,
        `line ${l + 1}, column ${mzCol + 1}`,
        "an m/z > 0",
        `'${fields[mzCol] ?? ""}'`,
      );
    if (fields[intCol] === undefined || fields[intCol] === "" || !Number.isFinite(y) || y < 0)
      throw new FormatError(
        source,
        `line ${l + 1}, column ${intCol + 1}`,
        "an intensity ≥ 0",
        `'${fields[intCol] ?? ""}'`,
      );
    mz.push(m);
    intensity.push(y);
  }
  if (mz.length === 0) throw new FormatError(source, "data", "at least one mz,intensity row", "none");
  return { mz: Float64Array.from(mz), intensity: Float64Array.from(intensity), centroided: true, source };
}
