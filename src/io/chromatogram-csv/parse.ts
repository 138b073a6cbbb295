import type { Chromatogram } from "../../core/analytics/hplc/chromatogram.js";
import { FormatError } from "../../core/errors.js";

/**
 * Two-column chromatogram text: `time_min,signal` per line, comma, semicolon or tab separated, an optional
 * header row (a header naming `time_s`/`seconds` switches the times to seconds), `#` comment lines.
 * @throws FormatError naming the line and column of the first value that is not a number, or when the
 *   times do not increase or fewer than 3 points remain.
 * @example parseChromatogramCsv(new TextEncoder().encode("time_min,signal\n0,1\n0.1,2\n0.2,1\n")).signal // [1, 2, 1]
 */
export function parseChromatogramCsv(bytes: Uint8Array, source = "<memory>"): Chromatogram {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  const times: number[] = [];
  const values: number[] = [];
  let header: string[] | undefined;
  let secondsPerUnit = 1 / 60;
  let minutes = true;
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ""));
    const where = `line ${index + 1}`;
    if (times.length === 0 && header === undefined && !isNumber(cells[0] ?? "")) {
      header = cells;
      if (/(^|_)(s|sec|seconds?)\b|time_s\b/i.test(cells[0] ?? "")) {
        minutes = false;
        secondsPerUnit = 1 / 60;
      }
      continue;
    }
    if (cells.length < 2) {
      throw new FormatError(source, where, "two columns time,signal", `'${line.slice(0, 40)}'`);
    }
    const t = Number(cells[0]);
    const y = Number(cells[1]);
    if (!isNumber(cells[0]!))
      throw new FormatError(source, `${where}, column 1`, "a time (number)", `'${cells[0]}'`);
    if (!isNumber(cells[1]!))
      throw new FormatError(source, `${where}, column 2`, "a signal (number)", `'${cells[1]}'`);
    const last = times.at(-1);
    if (last !== undefined && !(t > last)) {
      throw new FormatError(
        source,
        `${where}, column 1`,
        `a time greater than ${last}`,
        String(t),
        "Times must increase",
      );
    }
    times.push(minutes ? t : t * secondsPerUnit);
    values.push(y);
  }
  if (times.length < 3) {
    throw new FormatError(source, "data rows", "at least 3 time,signal rows", `${times.length}`);
  }
  const signalName = header?.[1] ?? "signal";
  const unit = /\[([^\]]+)\]|\(([^)]+)\)/.exec(signalName);
  return {
    times_min: Float64Array.from(times),
    signal: Float64Array.from(values),
    units: unit ? (unit[1] ?? unit[2] ?? "") : "",
    detector: signalName,
    format: "chromatogram-csv",
    metadata: header ? { header: header.join(",") } : {},
  };
}

function isNumber(text: string): boolean {
  return text.trim() !== "" && Number.isFinite(Number(text));
}
