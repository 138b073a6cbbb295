import type { Chromatogram } from "../../core/analytics/hplc/chromatogram.js";
import { FormatError, InputError } from "../../core/errors.js";

/** Which trace of a LabSolutions export to take. */
export interface LabSolutionsOptions {
  /** A section name or part of it, e.g. "LC Chromatogram(Detector A-Ch1)" or "PDA 3D". */
  channel?: string;
  /** For a `[PDA 3D]` section: the wavelength to extract (nearest recorded one), nm. @default 274 */
  wavelengthNm?: number;
}

const DEFAULTS = { wavelengthNm: 274 } as const;

/** The most points one 2-D section or PDA time axis may claim (guards allocations against bad headers). */
const MAX_POINTS = 10_000_000;

interface Section {
  name: string;
  /** Index of the section's first line after its `[name]` heading. */
  start: number;
  end: number;
}

/**
 * Parses a Shimadzu LabSolutions ASCII export ("Data File Name…", `[Header]`, `[LC Chromatogram(…)]`,
 * `[PDA Multi Chromatogram(Ch1)]`, `[Chromatogram …]`, `[PDA 3D]` sections). Two-column sections
 * (`R.Time (min)`, `Intensity`) are scaled by their `Intensity Multiplier`; a `[PDA 3D]` block (wavelength
 * axis in nm × 100, raw integer absorbances, µAU) yields the column nearest the requested wavelength.
 * Without a channel, the first two-column chromatogram is taken, else PDA 3D at 274 nm.
 * @throws FormatError naming the line of a malformed value; InputError when the channel or wavelength is absent.
 */
export function parseLabSolutionsAscii(
  bytes: Uint8Array,
  source = "<memory>",
  options: LabSolutionsOptions = {},
): Chromatogram {
  const text = new TextDecoder("latin1").decode(bytes);
  const lines = text.split(/\r?\n/);
  const sections = sectionsOf(lines);
  if (sections.length === 0 || !sections.some((s) => s.name === "Header" || s.name === "Configuration")) {
    throw new FormatError(
      source,
      "line 1",
      "a LabSolutions ASCII export starting with [Header]",
      `'${(lines[0] ?? "").slice(0, 40)}'`,
    );
  }
  const metadata: Record<string, string | number> = {};
  for (const s of sections.filter((x) => x.name === "Header" || x.name === "Configuration")) {
    for (const [key, value] of keyValues(lines, s)) metadata[key] = value;
  }
  const traces = sections.filter((s) => s.name === "PDA 3D" || isTwoColumnSection(lines, s));
  let section: Section | undefined;
  if (options.channel) {
    const wanted = options.channel.toLowerCase();
    section =
      traces.find((s) => s.name.toLowerCase() === wanted) ??
      traces.find((s) => s.name.toLowerCase().includes(wanted));
    if (!section) {
      throw new InputError(
        `${source}: no chromatogram section '${options.channel}'; the file has ${traces.map((s) => `'${s.name}'`).join(", ") || "none"}`,
      );
    }
  } else {
    section = traces.find((s) => s.name !== "PDA 3D") ?? traces.find((s) => s.name === "PDA 3D");
  }
  if (!section) {
    throw new FormatError(
      source,
      "sections",
      "a chromatogram ([LC Chromatogram(…)] or [PDA 3D])",
      sections.map((s) => `[${s.name}]`).join(" "),
    );
  }
  const chromatogram =
    section.name === "PDA 3D"
      ? parsePda3d(lines, section, source, options.wavelengthNm ?? DEFAULTS.wavelengthNm)
      : parseTwoColumn(lines, section, source);
  return { ...chromatogram, metadata: { ...metadata, ...chromatogram.metadata, section: section.name } };
}

/** True when the text starts like a LabSolutions ASCII export. */
export function looksLikeLabSolutions(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
  return /^\[Header\]/m.test(head) && /LabSolutions|\[Configuration\]|Data File Name/.test(head);
}

function sectionsOf(lines: string[]): Section[] {
  const out: Section[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^\[(.+)\]\s*$/.exec(line.trim());
    if (!m) continue;
    const last = out.at(-1);
    if (last) last.end = i;
    out.push({ name: m[1]!, start: i + 1, end: lines.length });
  }
  return out;
}

function split(line: string): string[] {
  return line.split(/[,\t]/).map((c) => c.trim());
}

function keyValues(lines: string[], s: Section): [string, string][] {
  const out: [string, string][] = [];
  for (let i = s.start; i < s.end; i++) {
    const cells = split(lines[i]!);
    if (cells.length >= 2 && cells[0] && !/^[-+]?\d/.test(cells[0]))
      out.push([cells[0], cells.slice(1).join(",")]);
  }
  return out;
}

function headerRow(lines: string[], s: Section): number {
  for (let i = s.start; i < Math.min(s.end, s.start + 40); i++) {
    if (/^R\.Time \(min\)/.test(lines[i]!.trim())) return i;
  }
  return -1;
}

function isTwoColumnSection(lines: string[], s: Section): boolean {
  const at = headerRow(lines, s);
  return at >= 0 && /Intensity/i.test(lines[at]!);
}

function numberAt(cell: string | undefined, source: string, where: string, what: string): number {
  const value = Number(cell);
  if (cell === undefined || cell === "" || !Number.isFinite(value)) {
    throw new FormatError(source, where, what, cell === undefined ? "nothing" : `'${cell}'`);
  }
  return value;
}

function parseTwoColumn(lines: string[], s: Section, source: string): Chromatogram {
  const fields = new Map(keyValues(lines, s));
  const multiplier = fields.has("Intensity Multiplier") ? Number(fields.get("Intensity Multiplier")) : 1;
  const header = headerRow(lines, s);
  const times: number[] = [];
  const values: number[] = [];
  for (let i = header + 1; i < s.end; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    const cells = split(line);
    times.push(numberAt(cells[0], source, `line ${i + 1}, column 1`, "a retention time (min)"));
    values.push(
      numberAt(cells[1], source, `line ${i + 1}, column 2`, "an intensity") *
        (Number.isFinite(multiplier) ? multiplier : 1),
    );
    if (times.length > MAX_POINTS)
      throw new FormatError(source, `line ${i + 1}`, `at most ${MAX_POINTS} points`, "more");
  }
  if (times.length < 3)
    throw new FormatError(source, `[${s.name}]`, "at least 3 data rows", String(times.length));
  return {
    times_min: Float64Array.from(times),
    signal: Float64Array.from(values),
    units: fields.get("Intensity Units") ?? "",
    detector: s.name,
    ...(fields.has("Wavelength(nm)") && { wavelength_nm: Number(fields.get("Wavelength(nm)")) }),
    format: "labsolutions-ascii",
    metadata: {},
  };
}

function parsePda3d(lines: string[], s: Section, source: string, wavelengthNm: number): Chromatogram {
  const fields = new Map(keyValues(lines, s));
  const header = headerRow(lines, s);
  const axisLine = header >= 0 ? header + 1 : -1;
  if (axisLine < 0 || axisLine >= s.end) {
    throw new FormatError(
      source,
      "[PDA 3D]",
      "an 'R.Time (min)' line followed by the wavelength axis",
      "neither",
    );
  }
  const axis = split(lines[axisLine]!)
    .slice(1)
    .filter((c) => c !== "");
  const wavelengths = axis.map(
    (c, k) => numberAt(c, source, `line ${axisLine + 1}, column ${k + 2}`, "a wavelength (nm × 100)") / 100,
  );
  const claimed = Number(fields.get("# of Wavelength Axis Points"));
  if (Number.isFinite(claimed) && claimed !== wavelengths.length) {
    throw new FormatError(
      source,
      `line ${axisLine + 1}`,
      `${claimed} wavelengths (as '# of Wavelength Axis Points' says)`,
      String(wavelengths.length),
    );
  }
  let column = 0;
  for (let k = 1; k < wavelengths.length; k++) {
    if (Math.abs(wavelengths[k]! - wavelengthNm) < Math.abs(wavelengths[column]! - wavelengthNm)) column = k;
  }
  const nearest = wavelengths[column];
  if (nearest === undefined || Math.abs(nearest - wavelengthNm) > 2) {
    throw new InputError(
      `${source}: [PDA 3D] records ${wavelengths[0]}–${wavelengths.at(-1)} nm; no wavelength within 2 nm of ${wavelengthNm} nm`,
    );
  }
  const claimedTimes = Number(fields.get("# of Time Axis Points"));
  const capacity =
    Number.isFinite(claimedTimes) && claimedTimes > 0 && claimedTimes <= MAX_POINTS ? claimedTimes : 1024;
  const times: number[] = [];
  const values: number[] = [];
  times.length = 0;
  for (let i = axisLine + 1; i < s.end; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    // Only the time and the one wanted column are converted: the rest of the row is not parsed.
    const cells = line.split(/[,\t]/);
    times.push(numberAt(cells[0]?.trim(), source, `line ${i + 1}, column 1`, "a retention time (min)"));
    values.push(
      numberAt(cells[column + 1]?.trim(), source, `line ${i + 1}, column ${column + 2}`, "an absorbance"),
    );
    if (times.length > Math.max(capacity, MAX_POINTS))
      throw new FormatError(source, `line ${i + 1}`, `at most ${MAX_POINTS} points`, "more");
  }
  if (Number.isFinite(claimedTimes) && claimedTimes !== times.length) {
    throw new FormatError(
      source,
      "[PDA 3D]",
      `${claimedTimes} time points (as '# of Time Axis Points' says)`,
      `${times.length}`,
      "Is the file truncated?",
    );
  }
  return {
    times_min: Float64Array.from(times),
    signal: Float64Array.from(values),
    units: "uAU",
    detector: `PDA ${nearest.toFixed(2)} nm`,
    wavelength_nm: nearest,
    format: "labsolutions-ascii",
    metadata: { pdaWavelengths: wavelengths.length },
  };
}
