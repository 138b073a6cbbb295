import { FormatError } from "../../core/errors.js";
import type { FcsParameter, FcsVersion } from "./types.js";

/**
 * Reads `$PAR`, `$DATATYPE` and the `$Pn…` keywords (FCS 3.1 §3.2.18–3.2.20; FCS 3.2 `$PnDATATYPE`).
 * @throws FormatError on a missing/invalid `$PAR`, `$DATATYPE` or `$PnB`.
 */
export function parseParameters(
  keywords: Record<string, string>,
  version: FcsVersion,
  source: string,
  warnings: string[],
): FcsParameter[] {
  const parText = keywords.$PAR?.trim() ?? "";
  const nPar = /^\d+$/.test(parText) ? Number(parText) : Number.NaN;
  // Each parameter needs at least `$PnB` in TEXT, so $PAR cannot exceed the keyword count.
  if (!(nPar >= 1) || nPar > Object.keys(keywords).length) {
    throw new FormatError(source, "TEXT keyword $PAR", "an integer ≥ 1", `'${keywords.$PAR ?? "(missing)"}'`);
  }
  const datatype = (keywords.$DATATYPE ?? "").trim().toUpperCase();
  if (!isDatatype(datatype)) {
    throw new FormatError(
      source,
      "TEXT keyword $DATATYPE",
      "I, F, D or A",
      `'${keywords.$DATATYPE ?? "(missing)"}'`,
    );
  }
  const parameters: FcsParameter[] = [];
  const names = new Map<string, number>();
  for (let n = 1; n <= nPar; n++) {
    const kw = (s: string) => keywords[`$P${n}${s}`];
    let type = datatype;
    const own = kw("DATATYPE")?.trim().toUpperCase();
    if (own && version === "FCS3.2") {
      if (!isDatatype(own) || own === "A") {
        throw new FormatError(source, `TEXT keyword $P${n}DATATYPE`, "I, F or D", `'${own}'`);
      }
      type = own;
    }
    const bText = kw("B")?.trim() ?? "";
    let bits: number;
    if (type === "A" && bText === "*") bits = 0;
    else {
      bits = /^\d+$/.test(bText) ? Number(bText) : Number.NaN;
      const ok =
        bits > 0 &&
        (type === "F" ? bits === 32 : type === "D" ? bits === 64 : type === "A" ? bits <= 64 : bits <= 64);
      if (!ok) {
        const expected = type === "F" ? "32" : type === "D" ? "64" : "a width in bits (1–64)";
        throw new FormatError(source, `TEXT keyword $P${n}B`, expected, `'${kw("B") ?? "(missing)"}'`);
      }
    }
    let name = kw("N")?.trim() ?? "";
    if (name === "") {
      name = `P${n}`;
      warnings.push(`$P${n}N is missing; parameter ${n} named '${name}'`);
    }
    const seen = names.get(name);
    if (seen !== undefined) {
      warnings.push(`$P${n}N '${name}' repeats $P${seen}N (FCS requires unique names); both columns kept`);
    } else names.set(name, n);
    const label = kw("S")?.trim() || null;
    const range = Number(kw("R")?.trim() ?? Number.NaN);
    if (!Number.isFinite(range)) warnings.push(`$P${n}R is missing or not a number ('${kw("R") ?? ""}')`);
    const [decades, offset] = parseAmplification(kw("E"), n, warnings);
    const g = Number(kw("G")?.trim() ?? "1");
    const gain = Number.isFinite(g) && g > 0 ? g : 1;
    if (kw("G") !== undefined && gain !== g)
      warnings.push(`$P${n}G '${kw("G")}' is not a positive number; 1 used`);
    parameters.push({ index: n, name, label, bits, range, decades, offset, gain, datatype: type });
  }
  return parameters;
}

function isDatatype(v: string): v is "I" | "F" | "D" | "A" {
  return v === "I" || v === "F" || v === "D" || v === "A";
}

/** `$PnE f1,f2` (FCS 3.1 §3.2.20); absent or unreadable → linear (0,0). */
function parseAmplification(value: string | undefined, n: number, warnings: string[]): [number, number] {
  if (value === undefined) return [0, 0];
  const parts = value.split(",").map((s) => Number(s.trim()));
  if (parts.length !== 2 || !parts.every(Number.isFinite)) {
    warnings.push(`$P${n}E '${value}' is not 'f1,f2'; treated as linear`);
    return [0, 0];
  }
  return [parts[0]!, parts[1]!];
}
