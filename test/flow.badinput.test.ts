/**
 * Bad FCS and Gating-ML input (issue 4, "Bad input"): files written by the repository's FCS writer and
 * then corrupted byte by byte. Each must be refused with a FormatError/InputError whose message names the
 * file, the keyword or segment, and the value found; through the CLI, exit 2 with that one line. Sizes a
 * file claims are checked against its length before anything is allocated from them: a claimed
 * 4,000,000,000 events must give the FormatError, not a RangeError or an out-of-memory crash.
 * The CLI cases run the compiled code: `npx tsc -p tsconfig.json` first.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FormatError, InputError } from "../src/core/errors.js";
import { mulberry32 } from "../src/core/random/mulberry32.js";
import { parseFcs, spilloverOf, writeFcs } from "../src/io/fcs/index.js";
import { parseGatingMl } from "../src/io/gatingml/index.js";
import { ixalab } from "./helpers/cli.js";

const EVENTS = 200;
/** A keyword the edits below may drop, so an edited TEXT still fits the space the writer gave it. */
const SPARE = "IXALAB_SPARE";

/** FCS 3.1 float: FSC-A, FITC-A "Annexin V", PE-A "PI", 200 seeded events, `$SPILLOVER`, a spare keyword. */
function sample(): Uint8Array {
  const rand = mulberry32(404);
  const column = (scale: number) => Array.from({ length: EVENTS }, () => scale * (0.1 + rand()));
  return writeFcs({
    parameters: [
      { name: "FSC-A", range: 262144 },
      { name: "FITC-A", label: "Annexin V", range: 262144 },
      { name: "PE-A", label: "PI", range: 262144 },
    ],
    data: [column(60000), column(5000), column(5000)],
    keywords: { $SPILLOVER: "2,FITC-A,PE-A,1,0.2,0.05,1", [SPARE]: "x".repeat(80) },
  });
}
const GOOD = sample();
const latin1 = (b: Uint8Array, from = 0, to = b.length) =>
  new TextDecoder("latin1").decode(b.subarray(from, to));
const RECORD = 12; // three 32-bit floats per event

/** HEADER field i (0 TEXT begin, 1 TEXT end, 2 DATA begin, 3 DATA end, …; FCS 3.1 §3.1). */
const headerField = (b: Uint8Array, i: number) => Number(latin1(b, 10 + 8 * i, 18 + 8 * i).trim());

/** A copy with HEADER fields replaced (right-justified in their 8 characters). */
function withHeader(b: Uint8Array, fields: Record<number, number>): Uint8Array {
  const out = b.slice();
  for (const [i, v] of Object.entries(fields))
    out.set(new TextEncoder().encode(String(v).padStart(8, " ")), 10 + 8 * Number(i));
  return out;
}

/**
 * A copy whose primary TEXT has keywords replaced, added or (null) removed, re-encoded in place: the spare
 * keyword is dropped and the segment padded with spaces to its old length, so every offset stays valid.
 */
function withKeywords(b: Uint8Array, edits: Record<string, string | null>): Uint8Array {
  const [begin, end] = [headerField(b, 0), headerField(b, 1)];
  const text = latin1(b, begin, end + 1);
  const delimiter = text[0]!;
  const tokens = text.trimEnd().slice(1, -1).split(delimiter);
  const keywords = new Map<string, string>();
  for (let k = 0; k < tokens.length; k += 2) keywords.set(tokens[k]!, tokens[k + 1]!);
  keywords.delete(SPARE);
  for (const [key, value] of Object.entries(edits)) {
    if (value === null) keywords.delete(key);
    else keywords.set(key, value);
  }
  const encoded =
    delimiter + [...keywords].map(([k, v]) => `${k}${delimiter}${v}`).join(delimiter) + delimiter;
  if (encoded.length > text.length)
    throw new Error("edited TEXT does not fit: give the sample a longer spare");
  const out = b.slice();
  out.set(new TextEncoder().encode(encoded.padEnd(text.length, " ")), begin);
  return out;
}

/** The error parseFcs throws (the test fails when it does not throw). */
function refusal(bytes: Uint8Array, file: string): Error {
  try {
    parseFcs(bytes, file);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`${file} was read without an error`);
}

const dir = mkdtempSync(join(tmpdir(), "ixalab-flow-bad-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Writes the bytes to the temporary folder and returns the path. */
function saved(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The CLI refuses with exit 2 and one line on stderr starting `ixalab: <file>: …`. */
function expectExit2(args: string[], message: RegExp) {
  const run = ixalab(args);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(message);
}

describe("the sample and the edits", () => {
  it("the unedited sample reads, and an edit that changes nothing reads the same events", () => {
    const [d] = parseFcs(GOOD, "good.fcs").datasets;
    expect(d!.events).toBe(EVENTS);
    const [e] = parseFcs(withKeywords(GOOD, {}), "same.fcs").datasets;
    expect(e!.keywords[SPARE]).toBeUndefined();
    expect(Array.from(e!.data[1]!)).toEqual(Array.from(d!.data[1]!));
    expect(e!.warnings).toEqual(d!.warnings);
  });
});

describe("truncated files", () => {
  it("inside the HEADER", () => {
    const error = refusal(GOOD.subarray(0, 30), "h.fcs");
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe(
      "h.fcs: HEADER at byte 0: expected at least 58 bytes, found 30 bytes ('FCS3.1'). This is not an FCS file, or it is truncated",
    );
  });

  it("inside the TEXT", () => {
    const textEnd = headerField(GOOD, 1);
    expect(textEnd).toBeGreaterThan(200); // the cut falls inside TEXT
    const error = refusal(GOOD.subarray(0, 200), "t.fcs");
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe(
      `t.fcs: HEADER TEXT offsets of data set 0: expected a TEXT segment inside the file (200 bytes), found 58–${textEnd}. The file is truncated or not FCS`,
    );
  });

  it("inside the DATA, through the CLI too (exit 2)", () => {
    const dataBegin = headerField(GOOD, 2);
    const cut = GOOD.subarray(0, dataBegin + 1000);
    const expected = new RegExp(
      `^ixalab: d\\.fcs: DATA segment: expected \\$TOT × bytes per event = ${EVENTS} × ${RECORD} = ${EVENTS * RECORD} bytes, found 1000 bytes in the file after the DATA start`,
    );
    expect(refusal(cut, "d.fcs")).toBeInstanceOf(FormatError);
    expect(`ixalab: ${refusal(cut, "d.fcs").message}`).toMatch(expected);
    expectExit2(["flow", "info", saved("d.fcs", cut), "--json"], expected);
  });
});

describe("sizes the file claims", () => {
  it("DATA offsets past the end of the file (HEADER and TEXT alike) name both pairs and the file size", () => {
    const size = GOOD.length;
    const far = withHeader(
      withKeywords(GOOD, { $BEGINDATA: String(size + 1000), $ENDDATA: String(size + 3399) }),
      {
        2: size + 1000,
        3: size + 3399,
      },
    );
    const error = refusal(far, "far.fcs");
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe(
      `far.fcs: DATA segment: expected $TOT × bytes per event = ${EVENTS} × ${RECORD} = ${EVENTS * RECORD} bytes, found 0 bytes in the file after the DATA start (HEADER offsets ${size + 1000}–${size + 3399}, TEXT offsets ${size + 1000}–${size + 3399}, file ${size} bytes). The file is truncated or its DATA offsets are wrong`,
    );
  });

  it("$TOT × bytes per event larger than DATA names $TOT, the record and the bytes there are", () => {
    const error = refusal(withKeywords(GOOD, { $TOT: String(2 * EVENTS) }), "tot.fcs");
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(
      new RegExp(
        `^tot\\.fcs: DATA segment: expected \\$TOT × bytes per event = ${2 * EVENTS} × ${RECORD} = ${2 * EVENTS * RECORD} bytes, found ${EVENTS * RECORD + 8} bytes in the file after the DATA start`,
      ),
    );
  });

  it("a claimed 4,000,000,000 events is checked against the file before any allocation", () => {
    // Allocating 4e9 floats per column would throw a RangeError (or exhaust memory) instead.
    const error = refusal(withKeywords(GOOD, { $TOT: "4000000000" }), "huge.fcs");
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toContain("$TOT × bytes per event = 4000000000 × 12 = 48000000000 bytes");
  });

  it("a claimed $PAR of 99,999,999 is refused before one parameter is built", () => {
    const error = refusal(withKeywords(GOOD, { $PAR: "99999999" }), "par.fcs");
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe("par.fcs: TEXT keyword $PAR: expected an integer ≥ 1, found '99999999'");
  });

  it("a spillover claiming 100,000 channels is refused by its channel count", () => {
    const [d] = parseFcs(withKeywords(GOOD, { $SPILLOVER: "100000,FITC-A,PE-A" }), "s.fcs").datasets;
    expect(() => spilloverOf(d!, "s.fcs")).toThrow(
      "s.fcs: TEXT keyword $SPILLOVER: expected a channel count 1–3 first, found '100000'",
    );
  });
});

describe("keywords the reader does not support", () => {
  it("an unknown $DATATYPE, through the CLI too (exit 2)", () => {
    const bytes = withKeywords(GOOD, { $DATATYPE: "Q" });
    const message = "q.fcs: TEXT keyword $DATATYPE: expected I, F, D or A, found 'Q'";
    expect(refusal(bytes, "q.fcs")).toBeInstanceOf(FormatError);
    expect(refusal(bytes, "q.fcs").message).toBe(message);
    expectExit2(
      ["flow", "info", saved("q.fcs", bytes), "--json"],
      new RegExp(`^ixalab: ${literal(message)}$`, "m"),
    );
  });

  it("$MODE C and $MODE U (histograms) are refused naming the value", () => {
    for (const mode of ["C", "U"]) {
      const error = refusal(withKeywords(GOOD, { $MODE: mode }), `m${mode}.fcs`);
      expect(error).toBeInstanceOf(FormatError);
      expect(error.message).toBe(
        `m${mode}.fcs: TEXT keyword $MODE: expected 'L' (list mode), found '${mode}'. Histogram data sets ($MODE C or U, deprecated in FCS 3.1) are not supported`,
      );
    }
  });
});

describe("names that do not exist", () => {
  it("a spillover naming a channel the file lacks, through the CLI too (exit 2)", () => {
    const bytes = withKeywords(GOOD, { $SPILLOVER: "2,FITC-A,APC-A,1,0.2,0.05,1" });
    const [d] = parseFcs(bytes, "spill.fcs").datasets;
    const message =
      "spill.fcs: TEXT keyword $SPILLOVER: expected channel names ($PnN) or numbers 1–3, found 'APC-A'";
    expect(() => spilloverOf(d!, "spill.fcs")).toThrow(FormatError);
    expect(() => spilloverOf(d!, "spill.fcs")).toThrow(message);
    const path = saved("spill.fcs", bytes);
    expectExit2(
      ["flow", "apoptosis", path, "--annexin", "Annexin V", "--pi", "PI", "--thresholds", "2000,2000"],
      new RegExp(`^ixalab: ${literal(message)}$`, "m"),
    );
  });

  it("a channel name the file does not have (flow apoptosis --annexin NOPE): exit 2 naming the option", () => {
    const path = saved("good.fcs", GOOD);
    expectExit2(
      ["flow", "apoptosis", path, "--annexin", "NOPE", "--pi", "PI", "--thresholds", "2000,2000"],
      /^ixalab: good\.fcs: parameter annexin: no channel 'NOPE'\. Channels: FSC-A, FITC-A \(Annexin V\), PE-A \(PI\)$/m,
    );
  });

  it("a Gating-ML file with an unknown element, through the CLI too (exit 2)", () => {
    const xml = `<?xml version="1.0"?>
<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating"
  xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes">
  <gating:RectangleGate gating:id="cells">
    <gating:dimension gating:min="10000"><data-type:fcs-dimension data-type:name="FSC-A"/></gating:dimension>
  </gating:RectangleGate>
  <gating:TriangleGate gating:id="odd"/>
</gating:Gating-ML>`;
    expect(() => parseGatingMl(xml, "gates.xml")).toThrow(FormatError);
    expect(() => parseGatingMl(xml, "gates.xml")).toThrow(/^gates\.xml: .*<TriangleGate>/);
    expectExit2(
      ["flow", "gate", saved("ok.fcs", GOOD), "--gatingml", saved("gates.xml", xml), "--json"],
      /^ixalab: gates\.xml: .*<TriangleGate>/m,
    );
  });
});

describe("HEADER and TEXT offsets that disagree", () => {
  const size = GOOD.length;
  const [dataBegin, dataEnd] = [headerField(GOOD, 2), headerField(GOOD, 3)];

  it("HEADER DATA start inside TEXT, TEXT right: the TEXT offsets are read, with a warning naming both", () => {
    // As in the MANIFEST's NONCOMPLIANT_data_start_offset_discrepancy.fcs (Stratedigm): a usable file.
    const bytes = withHeader(GOOD, { 2: 100 });
    const [d] = parseFcs(bytes, "start.fcs").datasets;
    expect(Array.from(d!.data[0]!)).toEqual(Array.from(parseFcs(GOOD).datasets[0]!.data[0]!));
    expect(d!.warnings).toContain(
      `HEADER DATA offsets (100–${dataEnd}) != TEXT $BEGINDATA/$ENDDATA (${dataBegin}–${dataEnd}); using TEXT offsets`,
    );
  });

  it("both wrong (HEADER past the end, TEXT inside TEXT): refused naming both pairs", () => {
    const bytes = withHeader(
      withKeywords(GOOD, { $BEGINDATA: "100", $ENDDATA: String(100 + EVENTS * RECORD - 1) }),
      {
        2: size + 8,
        3: size + 8 + EVENTS * RECORD - 1,
      },
    );
    const error = refusal(bytes, "both.fcs");
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toContain(
      `(HEADER offsets ${size + 8}–${size + 8 + EVENTS * RECORD - 1}, TEXT offsets 100–${100 + EVENTS * RECORD - 1}, file ${size} bytes)`,
    );
  });

  it("HEADER TEXT end past the end of the file: refused naming the TEXT offsets", () => {
    const error = refusal(withHeader(GOOD, { 1: size + 10 }), "text.fcs");
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe(
      `text.fcs: HEADER TEXT offsets of data set 0: expected a TEXT segment inside the file (${size} bytes), found 58–${size + 10}. The file is truncated or not FCS`,
    );
    expect(error).toBeInstanceOf(InputError);
  });
});

/** A string as a literal inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
