import { describe, expect, it } from "vitest";
import { parseMolfile } from "./parseMolfile.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const ETHANOL =
  "ethanol\n  test\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 C   0  0\n    1.2990    0.7500    0.0000 C   0  0\n    2.5981   -0.0000    0.0000 O   0  0\n  1  2  1  0\n  2  3  1  0\nM  END\n";

describe("parseMolfile", () => {
  it("accepts a V2000 molfile and keeps only the first record of an SD file", () => {
    const parsed = parseMolfile(bytes(`${ETHANOL}> <name>\nethanol\n\n$$$$\n${ETHANOL}$$$$\n`), "x.sdf");
    expect(parsed.version).toBe("V2000");
    expect(parsed.text.endsWith("M  END\n")).toBe(true);
    expect(parsed.text.match(/M {2}END/g)).toHaveLength(1);
  });
  it("names the file and what is wrong", () => {
    expect(() => parseMolfile(bytes("a\nb\nc\nnot a counts line\nM  END\n"), "a.mol")).toThrow(
      "a.mol: line 4 (counts line): expected 'V2000' or 'V3000', found 'not a counts line'. Is this an MDL molfile?",
    );
    expect(() => parseMolfile(bytes(ETHANOL.replace("M  END\n", "")), "b.mol")).toThrow(
      "b.mol: end: expected an 'M  END' line, found none. Is the file truncated?",
    );
    expect(() => parseMolfile(new Uint8Array([0x43, 0, 0x43]), "c.mol")).toThrow(/binary data/);
    expect(() => parseMolfile(new Uint8Array([0xff, 0xfe, 0x41]), "d.mol")).toThrow(/not valid UTF-8/);
  });
});
