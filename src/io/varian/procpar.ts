import { FormatError } from "../../core/errors.js";

/** One procpar parameter: its values (numbers for reals, strings for strings). */
export type ProcparValue = number[] | string[];

/**
 * Parses a VnmrJ/VNMR `procpar` file: per parameter a header line (name, subtype, basictype 1 = real /
 * 2 = string, …), a value line `N v1 … vN` (strings quoted, the 2nd… on their own lines) and an enum
 * line `M e1 … eM`.
 * @throws FormatError naming the line when a block is cut short.
 */
export function parseProcpar(text: string, source = "procpar"): Map<string, ProcparValue> {
  const lines = text.split(/\r\n|\r|\n/);
  const out = new Map<string, ProcparValue>();
  let i = 0;
  const next = () => {
    while (i < lines.length && lines[i]!.trim() === "") i++;
    return i < lines.length ? lines[i++]! : undefined;
  };
  for (let header = next(); header !== undefined; header = next()) {
    const h = header.trim().split(/\s+/);
    const name = h[0]!;
    const basic = Number(h[2]);
    const headerLine = i;
    const valueLine = next();
    if (valueLine === undefined || h.length < 3) {
      throw new FormatError(source, `line ${headerLine}`, `values of parameter '${name}'`, "end of file");
    }
    const count = Number(valueLine.trim().split(/\s+/)[0]);
    if (!Number.isInteger(count) || count < 0) {
      throw new FormatError(
        source,
        `line ${headerLine + 1}`,
        `a value count for '${name}'`,
        `'${valueLine.trim()}'`,
      );
    }
    if (basic === 2) {
      const strings = [...valueLine.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
      while (strings.length < count) {
        const more = next();
        if (more === undefined)
          throw new FormatError(source, `parameter '${name}'`, `${count} strings`, `${strings.length}`);
        for (const m of more.matchAll(/"((?:[^"\\]|\\.)*)"/g)) strings.push(m[1]!);
      }
      out.set(name, strings);
    } else {
      out.set(
        name,
        valueLine
          .trim()
          .split(/\s+/)
          .slice(1, count + 1)
          .map(Number),
      );
    }
    const enumLine = next();
    if (enumLine === undefined) break;
    const enumCount = Number(enumLine.trim().split(/\s+/)[0]);
    if (basic === 2 && enumCount > 0) {
      let seen = [...enumLine.matchAll(/"/g)].length / 2;
      while (seen < enumCount) {
        const more = next();
        if (more === undefined) break;
        seen += [...more.matchAll(/"/g)].length / 2;
      }
    }
  }
  return out;
}
