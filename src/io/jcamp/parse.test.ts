import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FormatError } from "../../core/errors.js";
import { mulberry32 } from "../../core/random/mulberry32.js";
import {
  flattenJcampBlocks,
  type JcampDataTable,
  jcampArray,
  jcampNumber,
  jcampString,
  normaliseJcampLabel,
  parseJcamp,
  readJcampFile,
  writeJcampXy,
} from "./index.js";

const DIR = fileURLToPath(new URL("../../../../shared/testdata/nmr/jcamp/", import.meta.url));
const bytes = (rel: string) => new Uint8Array(readFileSync(DIR + rel));
const text = (rel: string) => readFileSync(DIR + rel, "latin1");
const only = (rel: string) => parseJcamp(bytes(rel), rel);
const maxOf = (a: Float64Array) => a.reduce((m, v) => Math.max(v, m), -Infinity);
const minOf = (a: Float64Array) => a.reduce((m, v) => Math.min(v, m), Infinity);

describe("JCAMP-DX ASDF encodings (shared/testdata/nmr/jcamp/compression)", () => {
  const files = ["jcamp-fix.dx", "jcamp-packed.dx", "jcamp-squeezed.dx", "jcamp-difdup.dx"];
  const tables = files.map((f) => only(`compression/${f}`).blocks[0]!.tables[0]!);

  it("decodes AFFN, PAC, SQZ and DIFDUP to identical arrays (exact: integers, YFACTOR 1)", () => {
    expect(tables.map((t) => t.encodings)).toEqual([
      ["AFFN", "PAC"],
      ["AFFN", "PAC"],
      ["AFFN", "SQZ"],
      ["AFFN", "SQZ", "DIF", "DUP"],
    ]);
    for (const t of tables) {
      expect(t.y.length).toBe(16384);
      expect(Array.from(t.y)).toEqual(Array.from(tables[0]!.y));
      expect(Array.from(t.x)).toEqual(Array.from(tables[0]!.x));
    }
  });

  it("follows FIRSTX, LASTX and FIRSTY of the file", () => {
    const t = tables[3]!;
    expect(t.x[0]).toBe(5592.84116331095);
    expect(t.x[16383]).toBe(0);
    expect(t.y[0]).toBe(-10247);
  });

  it("names the file and the line of an inconsistent ##NPOINTS", () => {
    const bad = text("compression/jcamp-difdup.dx").replace("##NPOINTS= 16384", "##NPOINTS= 16400");
    expect(() => parseJcamp(bad, "bad.dx")).toThrowError(
      new FormatError(
        "bad.dx",
        "line 431: ##NPOINTS",
        "16400 points",
        "16384 in ##XYDATA (line 433)",
        'FIRSTX, LASTX and DELTAX agree with the data (16384 points): ##NPOINTS is wrong; read with the npoints "data" option to accept it',
      ),
    );
  });

  it("refuses a truncated file (lines missing at the end) with file and line", () => {
    const lines = text("compression/jcamp-packed.dx").split(/\r?\n/);
    const cut = lines.slice(0, lines.length - 40).join("\n");
    expect(() => parseJcamp(cut, "cut.dx")).toThrow(
      /^cut\.dx: line 431: ##NPOINTS: expected 16384 points, found \d+ in ##XYDATA/,
    );
  });

  it("refuses a failed DIF Y-check naming the line", () => {
    const lines = text("compression/jcamp-difdup.dx").split(/\r?\n/);
    const i = lines.findIndex((l, k) => k > 440 && /^\d+[@A-Ia-i]/.test(l));
    // change the Y-check value (first SQZ ordinate) of a line that follows a DIF line
    lines[i] = lines[i]!.replace(/^(\d+)([@A-Ia-i])(\d*)/, (_, x, _c, _d) => `${x}A1234567`);
    expect(() => parseJcamp(lines.join("\n"), "ycheck.dx")).toThrow(
      new RegExp(`^ycheck\\.dx: line ${i + 1}: expected the Y-check value`),
    );
  });
});

describe("official JCAMP-DX test files (ISAS Dortmund)", () => {
  it("TESTSPEC (DIFDUP XYDATA) and TESTNTUP (NTUPLES real page) hold the same spectrum", () => {
    const spec = only("isas/TESTSPEC.DX").blocks[0]!;
    const ntup = only("isas/TESTNTUP.DX").blocks[0]!;
    const real = ntup.ntuples!.pages[0]!;
    expect(ntup.ntuples!.dataForm).toBe("NMR SPECTRUM");
    expect(ntup.ntuples!.pages.map((p) => [p.page, p.symbols])).toEqual([
      ["N=1", ["X", "R"]],
      ["N=2", ["X", "I"]],
    ]);
    expect(Array.from(real.y)).toEqual(Array.from(spec.tables[0]!.y));
    // the file's own MAXY/MINY, to the YFACTOR rounding of the 32-bit integers (29670 per unit)
    expect(Math.abs(maxOf(spec.tables[0]!.y) - 972201806)).toBeLessThan(29671);
    expect(Math.abs(minOf(spec.tables[0]!.y) - -27593240)).toBeLessThan(29671);
    expect(spec.tables[0]!.x[0]).toBe(24038.5);
    expect(jcampNumber(spec, ".OBSERVE FREQUENCY")).toBe(100.4);
  });

  it("BRUKDIF decodes with the file's MAXY/MINY exactly (YFACTOR 1)", () => {
    const t = only("isas/BRUKDIF.DX").blocks[0]!.tables[0]!;
    expect(t.y.length).toBe(16384);
    expect(maxOf(t.y)).toBe(972201806);
    expect(minOf(t.y)).toBe(-27593239);
  });

  it("TESTFID: complex FID pages agree with ##FIRST, ##LAST, ##MIN and ##MAX", () => {
    const b = only("isas/TESTFID.DX").blocks[0]!;
    const nt = b.ntuples!;
    expect(nt.attributes.VARDIM).toEqual(["16384", "16384", "16384", "2"]);
    const [re, im] = nt.pages as [JcampDataTable, JcampDataTable];
    // tolerance: one FACTOR step (5.2 and 5.04), the rounding of the stored integers
    expect(Math.abs(re.y[0]! - 2980)).toBeLessThan(5.3);
    expect(Math.abs(im.y[0]! - 6215)).toBeLessThan(5.1);
    expect(Math.abs(re.y[16383]! - -60242)).toBeLessThan(5.3);
    expect(Math.abs(im.y[16383]! - -6063)).toBeLessThan(5.1);
    expect(Math.abs(maxOf(re.y) - 149236)).toBeLessThan(5.3);
    expect(Math.abs(minOf(im.y) - -165286)).toBeLessThan(5.1);
    expect(re.x[16383]).toBeCloseTo(0.6815317, 9);
  });

  it("ISAS_CDX: a LINK block with a structure and a peak-assignment block", () => {
    const doc = only("isas/ISAS_CDX.DX");
    expect(doc.blocks).toHaveLength(1);
    const link = doc.blocks[0]!;
    expect(link.meta.DATATYPE).toBe("LINK");
    expect(link.meta.BLOCKS).toBe("2");
    expect(link.children.map((c) => c.meta.BLOCKID)).toEqual(["1", "2"]);
    expect(link.children[1]!.meta.DATATYPE).toBe("NMR PEAK ASSIGNMENTS");
    expect(link.children[1]!.meta.PEAKASSIGNMENTS).toMatch(/^\(XYMA\)\n\( 27\.00, 1\.0,, < 7>\)/);
    expect(doc.warnings).toEqual([]);
  });

  it.each([
    ["isas_ir/BRUKER1.JCM", 3735, 95.83563804, -0.287246704],
    ["isas_ir/BRUKER2.JCM", 3735, 5.0, 0.0184726715],
    ["isas_ir/PE1800.DX", 3301, 1.0189, 0.8631],
    ["isas_ir/LABCALC.DX", 3435, 1, 0],
    ["isas_ir/SPECFILE.DX", 1801, 99.99975, undefined],
  ])("IR test file %s: NPOINTS %d; MAXY/MINY to the file's printed precision", (f, n, maxY, minY) => {
    const b = only(f).blocks[0]!;
    const t = b.tables[0]!;
    // Tolerance: 1.5 YFACTOR steps (YFACTOR itself is printed to 6-8 digits, so 32,000 × its rounding
    // adds up to ~0.1 step), or half a unit in the last digit MAXY/MINY are printed with (LABCALC: "1").
    const tolerance = (label: string) => {
      const printed = b.meta[label]!;
      const decimals = /\.(\d+)/.exec(printed)?.[1]?.length ?? 0;
      return Math.max(1.5 * jcampNumber(b, "YFACTOR")!, /E/i.test(printed) ? 0 : 0.5 * 10 ** -decimals);
    };
    expect(t.y.length).toBe(n);
    expect(Math.abs(maxOf(t.y) - maxY)).toBeLessThanOrEqual(tolerance("MAXY"));
    if (minY !== undefined) expect(Math.abs(minOf(t.y) - minY)).toBeLessThanOrEqual(tolerance("MINY"));
  });
});

describe("vendor JCAMP files (shared/testdata/nmr/jcamp)", () => {
  it("TopSpin compound file: LINK with an NMR FID and an NMR SPECTRUM in NTUPLES", async () => {
    const doc = await readJcampFile(`${DIR}bruker_fid_ft.jdx`);
    const [link] = doc.blocks;
    expect(link!.meta.DATATYPE).toBe("LINK");
    const [fid, spectrum] = link!.children;
    expect(fid!.meta.DATATYPE).toBe("NMR FID");
    expect(fid!.ntuples!.pages.map((p) => p.y.length)).toEqual([32768, 32768]);
    expect(spectrum!.ntuples!.pages.map((p) => p.y.length)).toEqual([65536, 65536]);
    const [re, im] = spectrum!.ntuples!.pages as [JcampDataTable, JcampDataTable];
    expect([re.y[0], im.y[0], re.y[65535], im.y[65535]]).toEqual([-3779, -18937, -1293, -19086]); // ##FIRST/##LAST
    expect(maxOf(re.y)).toBe(308820997); // ##MAX
    expect(minOf(re.y)).toBe(-4987); // ##MIN
    expect(re.x[0]).toBe(12019.0473703237);
    expect(flattenJcampBlocks(doc.blocks)).toHaveLength(3);
  });

  it.each([
    ["indometacin_1h.dx", 32768],
    ["ethylvinylether_1h.jdx", 16384],
    ["mestrec_1h.jcamp", 65536],
    ["mestrec_13c.jcamp", 65536],
    ["jeol.dx", 16384],
  ])("%s parses with %d points", (f, n) => {
    const b = flattenJcampBlocks(only(f).blocks).find((x) => x.tables.length > 0 || x.ntuples)!;
    const t = b.tables[0] ?? b.ntuples!.pages[0]!;
    expect(t.y.length).toBe(n);
    expect(t.y.every(Number.isFinite)).toBe(true);
  });

  it("varian.jdx: its ##NPOINTS is one too many; strict by default, accepted with npoints 'data'", () => {
    expect(() => only("varian.jdx")).toThrow(
      /varian\.jdx: line 27: ##NPOINTS: expected 16385 points, found 16384/,
    );
    const doc = parseJcamp(bytes("varian.jdx"), "varian.jdx", { npoints: "data" });
    expect(doc.blocks[0]!.tables[0]!.y.length).toBe(16384);
    expect(doc.warnings.some((w) => w.includes("##NPOINTS= 16385"))).toBe(true);
  });
});

describe("JCAMP writer and values", () => {
  it("round-trips seeded integer data through DIFDUP and AFFN exactly", () => {
    const rand = mulberry32(7);
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, i) => 10 - i * 0.002);
    const y = Float64Array.from({ length: n }, (_, i) =>
      i % 97 < 5 ? 42 : Math.round((rand() - 0.5) * 1e6),
    );
    for (const encoding of ["DIFDUP", "AFFN"] as const) {
      const t = parseJcamp(writeJcampXy("t", x, y, { encoding }), "t.dx").blocks[0]!.tables[0]!;
      expect(Array.from(t.y)).toEqual(Array.from(y));
      expect(t.x[0]).toBe(10);
      expect(t.x[n - 1]).toBeCloseTo(x[n - 1]!, 12);
    }
  });

  it("normalises labels and reads Bruker array parameters", () => {
    expect(normaliseJcampLabel(" .Observe Frequency")).toBe(".OBSERVEFREQUENCY");
    expect(normaliseJcampLabel("VAR_NAME")).toBe("VARNAME");
    expect(normaliseJcampLabel("$Bf1")).toBe("$BF1");
    const b = only("compression/jcamp-difdup.dx").blocks[0]!;
    const cnst = jcampArray(b, "$CNST", "jcamp-difdup.dx")!;
    expect(cnst).toHaveLength(32);
    expect(cnst.slice(0, 3)).toEqual([1, 1, 145]);
    expect(jcampString(b, "$NAME")).toBe("107-07-3");
  });

  it("refuses text that is not JCAMP", () => {
    expect(() => parseJcamp("hello\nworld\n", "x.txt")).toThrow(/^x\.txt: start: expected a JCAMP-DX file/);
  });
});
