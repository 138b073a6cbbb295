import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyGatingStrategy } from "../../core/assays/flow/gating/index.js";
import { FormatError } from "../../core/errors.js";
import { readData1ScaleValues } from "./data1.testHelper.js";
import { parseGatingMl } from "./parseGatingMl.js";

const base = new URL("../../../../shared/testdata/flow/gatingml2/", import.meta.url);
const events = readData1ScaleValues(new URL("data1.fcs", base));
const truthDir = new URL("truth/", base);
const gmlDir = new URL("gml/", base);

function truth(id: string): Uint8Array {
  const lines = readFileSync(new URL(`Results_${id}.txt`, truthDir), "latin1")
    .trim()
    .split(/\r?\n/);
  return Uint8Array.from(lines, (l) => Number(l.trim()));
}

function mismatches(mask: Uint8Array, expected: Uint8Array): number {
  let bad = 0;
  for (let i = 0; i < expected.length; i++) if (mask[i] !== expected[i]) bad++;
  return bad;
}

/** Wraps its gate in a non-Gating-ML `<sample>` element: refused, not guessed at. */
const UNKNOWN_ELEMENT_FILE = "gml_range_gate_attr_testing.xml";

/**
 * Truth files whose name differs from the gate id in the XML (the ISAC set names the result of
 * gml_parent_quadrant_rect_gate.xml's `ParRectangle1`, a rectangle inside quadrant FL2P-FL4P, "ParQuadRect").
 */
const TRUTH_ALIASES: Record<string, string> = { ParRectangle1: "ParQuadRect" };

const truthIds = readdirSync(truthDir)
  .filter((f) => /^Results_.*\.txt$/.test(f))
  .map((f) => f.slice("Results_".length, -".txt".length))
  .sort();

describe("Gating-ML 2.0 compliance set (data1.fcs)", () => {
  it("decodes 13,367 events of 8 parameters", () => {
    expect(Object.keys(events)).toHaveLength(8);
    expect(events["FSC-H"]).toHaveLength(13367);
  });

  const files = readdirSync(gmlDir)
    .filter((f) => f.endsWith(".xml") && f !== UNKNOWN_ELEMENT_FILE)
    .sort();
  const masksByFile = new Map(
    files.map((file) => [
      file,
      applyGatingStrategy(parseGatingMl(readFileSync(new URL(file, gmlDir), "utf8"), file), events),
    ]),
  );
  const cases = files.flatMap((file) =>
    [...masksByFile.get(file)!.keys()]
      .filter((id) => truthIds.includes(TRUTH_ALIASES[id] ?? id))
      .map((id) => [file, id] as const),
  );

  it.each(cases)("%s: %s matches its truth event by event", (file, id) => {
    const expected = truth(TRUTH_ALIASES[id] ?? id);
    expect(expected).toHaveLength(13367);
    expect(mismatches(masksByFile.get(file)!.get(id)!, expected)).toBe(0);
  });

  it("checks every truth file against at least one gate definition", () => {
    const checked = new Set(cases.map(([, id]) => TRUTH_ALIASES[id] ?? id));
    expect(truthIds.filter((id) => !checked.has(id))).toEqual([]);
  });

  it("evaluates gates without a truth file (gml_ellipse2_gate.xml: myEllipse2)", () => {
    const mask = masksByFile.get("gml_ellipse2_gate.xml")!.get("myEllipse2")!;
    expect(mask).toHaveLength(13367);
  });

  it(`refuses ${UNKNOWN_ELEMENT_FILE} with a FormatError naming <sample> and the file`, () => {
    const xml = readFileSync(new URL(UNKNOWN_ELEMENT_FILE, gmlDir), "utf8");
    expect(() => parseGatingMl(xml, UNKNOWN_ELEMENT_FILE)).toThrow(FormatError);
    expect(() => parseGatingMl(xml, UNKNOWN_ELEMENT_FILE)).toThrow(
      /gml_range_gate_attr_testing\.xml.*<sample>/,
    );
  });
});
