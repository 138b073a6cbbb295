import { describe, expect, it } from "vitest";
import { FormatError } from "../../core/errors.js";
import { parseFcs, scaleValues, WRITE_DEFAULTS, writeFcs } from "./index.js";

/** Deterministic pseudo-random values (LCG), so fixtures are the same on every run. */
function seeded(n: number, seed: number, scale: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32) * scale;
  }
  return out;
}

describe("writeFcs round-trips with parseFcs", () => {
  it("FCS 3.1 float little-endian (defaults) keeps values, labels, gains and keywords", () => {
    const data = [seeded(1000, 1, 262144), seeded(1000, 2, 1000), seeded(1000, 3, 5)];
    const bytes = writeFcs({
      parameters: [
        { name: "FSC-A", range: 262144 },
        { name: "Annexin V-A", label: "FITC/Annexin", range: 262144 },
        { name: "Time", gain: 0.01 },
      ],
      data,
      keywords: { $CYT: "Ixalab/test", $SPILLOVER: "2,FSC-A,Annexin V-A,1,0.1,0.02,1", $P1N: "ignored" },
    });
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe("FCS3.1");
    const { datasets } = parseFcs(bytes, "w.fcs");
    const d = datasets[0]!;
    expect([d.version, d.events, d.parameters.length, d.warnings]).toEqual(["FCS3.1", 1000, 3, []]);
    expect(d.keywords.$CYT).toBe("Ixalab/test");
    expect(d.keywords.$SPILLOVER).toBe("2,FSC-A,Annexin V-A,1,0.1,0.02,1");
    expect(d.parameters.map((p) => [p.name, p.label, p.bits, p.gain])).toEqual([
      ["FSC-A", null, 32, 1],
      ["Annexin V-A", "FITC/Annexin", 32, 1],
      ["Time", null, 32, 0.01],
    ]);
    d.data.forEach((col, p) => {
      expect(col).toBeInstanceOf(Float32Array);
      expect(Array.from(col)).toEqual(Array.from(Float32Array.from(data[p]!)));
    });
  });

  it("FCS 3.0 int16 big-endian: bits above $PnR are masked on reading", () => {
    const channels = Float64Array.from(seeded(500, 4, 1024), Math.floor);
    const flagged = channels.map((v, i) => v + (i % 64) * 1024); // flags in bits D10–D15
    const bytes = writeFcs(
      {
        parameters: [
          { name: "FS", range: 1024, bits: 16 },
          { name: "SS", range: 1024, bits: 16 },
        ],
        data: [flagged, channels],
      },
      { datatype: "I", byteOrder: "big", version: "FCS3.0" },
    );
    const d = parseFcs(bytes).datasets[0]!;
    expect(d.keywords.$BYTEORD).toBe("4,3,2,1");
    expect(Array.from(d.data[0]!)).toEqual(Array.from(channels));
    expect(Array.from(d.data[1]!)).toEqual(Array.from(channels));
  });

  it("FCS 2.0 with $PnE log channels gives log scale values (f2 = 0 read as 1)", () => {
    const x = Float64Array.from([0, 256, 512, 768, 1023]);
    const bytes = writeFcs(
      {
        parameters: [
          { name: "FSC-H", range: 1024, gain: 2 },
          { name: "FL1-H", range: 1024, decades: 4, offset: 0 },
          { name: "FL2-H", range: 1024, decades: 4, offset: 0.1 },
        ],
        data: [x, x, x],
      },
      { datatype: "I", byteOrder: "big", version: "FCS2.0" },
    );
    const d = parseFcs(bytes).datasets[0]!;
    expect(d.version).toBe("FCS2.0");
    expect(d.keywords.$BEGINDATA).toBeUndefined();
    expect(Array.from(scaleValues(d, 1))).toEqual([0, 128, 256, 384, 511.5]);
    const fl1 = scaleValues(d, 2);
    const fl2 = scaleValues(d, 3);
    x.forEach((v, i) => {
      expect(fl1[i]).toBeCloseTo(10 ** ((4 * v) / 1024), 9);
      expect(fl2[i]).toBeCloseTo(0.1 * 10 ** ((4 * v) / 1024), 9);
    });
  });

  it("doubles big-endian, mixed integer widths 8/16/24/32 and FCS 3.2", () => {
    const d64 = seeded(50, 5, 1e6);
    const dd = parseFcs(
      writeFcs({ parameters: [{ name: "A" }], data: [d64] }, { datatype: "D", byteOrder: "big" }),
    );
    expect(Array.from(dd.datasets[0]!.data[0]!)).toEqual(Array.from(d64));

    const widths = [8, 16, 24, 32];
    const cols = widths.map((b, i) => Float64Array.from(seeded(64, 10 + i, 2 ** b), Math.floor));
    for (const byteOrder of ["little", "big"] as const) {
      const bytes = writeFcs(
        { parameters: widths.map((b, i) => ({ name: `P${i}`, bits: b, range: 2 ** b })), data: cols },
        { datatype: "I", byteOrder, version: "FCS3.2" },
      );
      const d = parseFcs(bytes).datasets[0]!;
      expect(d.version).toBe("FCS3.2");
      expect(d.keywords.$CYT).toBe("Ixalab");
      for (const [i, c] of d.data.entries()) expect(Array.from(c)).toEqual(Array.from(cols[i]!));
    }
  });

  it("reads the PDP-11 $BYTEORD 3,4,1,2 (two 16-bit halves swapped)", () => {
    const values = Float64Array.from([0x01020304, 0x0a0b0c0d, 7]);
    const bytes = writeFcs({ parameters: [{ name: "X", bits: 32 }], data: [values] }, { datatype: "I" });
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf("$BYTEORD/1,2,3,4/");
    bytes.set(new TextEncoder().encode("$BYTEORD/3,4,1,2/"), at);
    const begin = Number(/\$BEGINDATA\/(\d+)/.exec(text)![1]);
    for (let e = 0; e < values.length; e++) {
      const w = bytes.slice(begin + 4 * e, begin + 4 * e + 4); // little-endian b0 b1 b2 b3
      bytes.set([w[2]!, w[3]!, w[0]!, w[1]!], begin + 4 * e); // byte k has significance order[k]
    }
    expect(Array.from(parseFcs(bytes).datasets[0]!.data[0]!)).toEqual(Array.from(values));
  });

  it("writes and reads a data set without events", () => {
    const d = parseFcs(writeFcs({ parameters: [{ name: "A" }], data: [new Float32Array(0)] })).datasets[0]!;
    expect([d.events, d.data[0]!.length]).toEqual([0, 0]);
  });

  it("uses the documented defaults", () => {
    expect(WRITE_DEFAULTS).toEqual({ datatype: "F", byteOrder: "little", version: "FCS3.1" });
  });
});

describe("refusals on written files", () => {
  const full = writeFcs({
    parameters: [{ name: "A" }, { name: "B" }],
    data: [seeded(100, 7, 1), seeded(100, 8, 1)],
  });

  it("a DATA segment shorter than $TOT × bytes per event names both numbers", () => {
    const cut = full.subarray(0, full.length - 400);
    const error = (() => {
      try {
        parseFcs(cut, "cut.fcs");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).message).toMatch(
      /^cut\.fcs: DATA segment: expected \$TOT × bytes per event = 100 × 8 = 800 bytes, found 408 bytes in the file/,
    );
  });

  it("$MODE C, an unknown $DATATYPE and a bad $BYTEORD are refused", () => {
    const patch = (from: string, to: string) => {
      const b = full.slice();
      b.set(new TextEncoder().encode(to), new TextDecoder().decode(b).indexOf(from));
      return b;
    };
    expect(() => parseFcs(patch("$MODE/L/", "$MODE/C/"), "m.fcs")).toThrow(
      "m.fcs: TEXT keyword $MODE: expected 'L' (list mode), found 'C'",
    );
    expect(() => parseFcs(patch("$DATATYPE/F/", "$DATATYPE/Q/"), "t.fcs")).toThrow(
      "t.fcs: TEXT keyword $DATATYPE: expected I, F, D or A, found 'Q'",
    );
    expect(() => parseFcs(patch("$BYTEORD/1,2,3,4/", "$BYTEORD/1,2,3,9/"), "o.fcs")).toThrow(
      "o.fcs: TEXT keyword $BYTEORD: expected a permutation such as 1,2,3,4, found '1,2,3,9'",
    );
  });

  it("a $PAR larger than the $Pn keywords present is refused", () => {
    const b = full.slice();
    const at = new TextDecoder().decode(b).indexOf("$PAR/2/");
    b.set(new TextEncoder().encode("$PAR/9/"), at);
    expect(() => parseFcs(b, "p.fcs")).toThrow("p.fcs: TEXT keyword $P3B: expected 32, found '(missing)'");
  });
});
