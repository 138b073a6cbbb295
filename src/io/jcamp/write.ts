import { InputError } from "../../core/errors.js";

/** Options of {@link writeJcampXy}. */
export interface JcampWriteOptions {
  /** `DIFDUP` writes integers (y / yFactor rounded) compressed; `AFFN` writes plain numbers. @default "DIFDUP" */
  encoding?: "AFFN" | "DIFDUP";
  /** Ordinate scale: stored integers × yFactor = y. @default 1 */
  yFactor?: number;
  /** Extra LDRs written after the title, e.g. `{ ".OBSERVE FREQUENCY": "400.13" }`. */
  records?: Record<string, string | number>;
  /** Override `##NPOINTS` (for writing deliberately inconsistent test files). */
  nPointsOverride?: number;
}

const SQZ_POS = "@ABCDEFGHI";
const SQZ_NEG = "@abcdefghi";
const DIF_POS = "%JKLMNOPQR";
const DIF_NEG = "%jklmnopqr";
const DUP = "0STUVWXYZs";

function lead(v: number, pos: string, neg: string): string {
  const s = String(Math.abs(v));
  const first = s.charCodeAt(0) - 48;
  return (v < 0 ? neg[first] : pos[first]) + s.slice(1);
}

/**
 * Writes one evenly spaced spectrum as a JCAMP-DX 5.01 `##XYDATA=(X++(Y..Y))` block, in DIFDUP (with
 * Y-checks) or AFFN form — the encodings the reader must undo.
 * @throws InputError when x and y differ in length or there are fewer than two points.
 */
export function writeJcampXy(
  title: string,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: JcampWriteOptions = {},
): string {
  const n = y.length;
  if (x.length !== n || n < 2)
    throw new InputError(`writeJcampXy: expected x and y of one length ≥ 2, found ${x.length} and ${n}`);
  const encoding = options.encoding ?? "DIFDUP";
  const yFactor = options.yFactor ?? 1;
  const firstX = x[0]!;
  const lastX = x[n - 1]!;
  const deltaX = (lastX - firstX) / (n - 1);
  const ints = new Array<number>(n);
  for (let i = 0; i < n; i++) ints[i] = Math.round(y[i]! / yFactor);
  const out: string[] = [
    `##TITLE=${title}`,
    "##JCAMP-DX=5.01",
    "##DATA TYPE=NMR SPECTRUM",
    "##DATA CLASS=XYDATA",
  ];
  for (const [k, v] of Object.entries(options.records ?? {})) out.push(`##${k}=${v}`);
  out.push(
    `##FIRSTX=${firstX}`,
    `##LASTX=${lastX}`,
    `##DELTAX=${deltaX}`,
    `##XFACTOR=${deltaX}`,
    `##YFACTOR=${yFactor}`,
    `##FIRSTY=${ints[0]! * yFactor}`,
    `##NPOINTS=${options.nPointsOverride ?? n}`,
    "##XYDATA=(X++(Y..Y))",
  );
  const checkX = (i: number) => String(Math.round((firstX + i * deltaX) / deltaX));
  if (encoding === "AFFN") {
    for (let i = 0; i < n; i += 10) {
      out.push([checkX(i), ...ints.slice(i, i + 10)].join(" "));
    }
  } else {
    let i = 0;
    while (i < n) {
      let line = checkX(i) + lead(ints[i]!, SQZ_POS, SQZ_NEG);
      let j = i + 1;
      while (j < n && line.length < 72) {
        const d = ints[j]! - ints[j - 1]!;
        let run = 1;
        while (j + run < n && ints[j + run]! - ints[j + run - 1]! === d) run++;
        line += lead(d, DIF_POS, DIF_NEG) + (run > 1 ? lead(run, DUP, DUP) : "");
        j += run;
      }
      out.push(line);
      if (j >= n) break;
      i = j - 1; // the next line starts with the Y-check value
    }
  }
  out.push("##END=");
  return `${out.join("\n")}\n`;
}
