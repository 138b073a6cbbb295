import {
  ANODE_WAVELENGTHS,
  type Diffractogram,
  wavelengthFrom,
} from "../../core/analytics/xrpd/diffractogram.js";
import { FormatError } from "../../core/errors.js";
import { decodeText } from "../csv/index.js";

const MAX_HEADER_LINES = 200;

/**
 * Parses a two-column pattern (`.xy`, `.txt`, `.csv`): 2θ and intensity separated by spaces, tabs, a comma
 * or a semicolon; header lines before the numbers are skipped (up to 200), `#`/`;`/`!` lines are comments.
 * A header naming the anode (PowDLL: `Anode: "Cu"`) gives the standard Kα lines of that anode;
 * otherwise the wavelength is null and must come from the user.
 * @throws FormatError naming the line that is not two numbers, or when 2θ does not increase.
 */
export function parseXy(bytes: Uint8Array | string, source = "<memory>"): Diffractogram {
  const lines = decodeText(bytes, source).split(/\r?\n/);
  const xs: number[] = [];
  const ys: number[] = [];
  const header: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "" || /^[#;!]/.test(line)) {
      if (xs.length === 0) header.push(line);
      continue;
    }
    const fields = line.split(/[\s,;]+/);
    const x = Number(fields[0]);
    const y = Number(fields[1]);
    if (fields.length < 2 || !Number.isFinite(x) || !Number.isFinite(y)) {
      if (xs.length === 0 && header.length < MAX_HEADER_LINES) {
        header.push(line);
        continue;
      }
      throw new FormatError(source, `line ${i + 1}`, "two numbers (2θ, intensity)", `'${line.slice(0, 60)}'`);
    }
    if (xs.length > 0 && x <= xs[xs.length - 1]!)
      throw new FormatError(source, `line ${i + 1}`, `2θ greater than ${xs[xs.length - 1]}`, String(x));
    xs.push(x);
    ys.push(y);
  }
  if (xs.length < 3)
    throw new FormatError(source, "file", "at least 3 (2θ, intensity) lines", String(xs.length));
  const text = header.join("\n");
  const anode = /anode\W*([A-Z][a-z]?)\b/i.exec(text)?.[1];
  const lambda = /(?:wavelength|lambda|kalpha1|k-alpha1)\W*([0-9]+\.[0-9]+)/i.exec(text)?.[1];
  const standard = anode
    ? ANODE_WAVELENGTHS[anode[0]!.toUpperCase() + anode.slice(1).toLowerCase()]
    : undefined;
  const wavelength = lambda
    ? wavelengthFrom(Number(lambda), undefined, undefined, "file: header wavelength")
    : standard
      ? wavelengthFrom(
          standard.kAlpha1_A,
          standard.kAlpha2_A,
          standard.ratio,
          `anode ${anode} (standard values)`,
        )
      : null;
  const metadata: Record<string, string> = { format: "xy" };
  if (anode) metadata.anode = anode;
  return {
    twoTheta: Float64Array.from(xs),
    intensity: Float64Array.from(ys),
    wavelength,
    metadata,
    warnings: [],
  };
}
