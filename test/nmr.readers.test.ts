import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { processNmr } from "../src/core/analytics/nmr/index.js";
import { jcampToNmr, parseJcamp } from "../src/io/jcamp/index.js";
import { readJeolFile } from "../src/io/jeol/index.js";
import { readVarianFolder } from "../src/io/varian/index.js";
import { parseNmrInput } from "../src/kinds/nmrInput.js";

const NMR = "../shared/testdata/nmr/";

describe("JEOL, Varian and JCAMP NMR readers", () => {
  it("JEOL .jdf (rutin, DMSO-d6): FID read; after solvent referencing the residual sits at 2.50", async () => {
    const fid = await readJeolFile(`${NMR}jeol/Rutin_DMSOd6_1H_400MHz.jdf`);
    expect(fid.re.length).toBe(32768);
    expect(fid.frequencyMHz).toBeCloseTo(399.782198, 5);
    expect(fid.groupDelay).toBeCloseTo(19.65625, 9); // orders 2 54 73, factors 8 2
    const p = processNmr({ fid });
    expect(p.solvent).toBe("DMSO-d6");
    expect(p.referencing.method).toBe("solvent");
    // the file's own axis puts the residual within 0.05 ppm of the table value
    expect(Math.abs(p.referencing.shiftPpm)).toBeLessThan(0.05);
  });

  it("Varian 13C.fid: the CDCl3 triplet is found near 77 ppm and referenced to 77.16", async () => {
    const e = await readVarianFolder(`${NMR}varian/13C.fid`);
    expect(e.fid.nucleus).toBe("13C");
    expect(e.fid.re.length).toBe(32768);
    const p = processNmr({ fid: e.fid });
    expect(p.referencing.method).toBe("solvent");
    expect(Math.abs(p.referencing.shiftPpm)).toBeLessThan(0.3);
  });

  it("JCAMP FID (NTUPLES) and its FT block agree on the strongest peaks within 0.002 ppm", () => {
    const data = jcampToNmr(parseJcamp(readFileSync(`${NMR}jcamp/bruker_fid_ft.jdx`), "bruker_fid_ft.jdx"));
    const fromFid = processNmr({ fid: data.fid! }, { reference: "file" });
    const fromFt = processNmr({ spectrum: data.spectrum! }, { reference: "file" });
    const top = [...fromFt.peaks].sort((a, b) => b.height - a.height).slice(0, 5);
    for (const p of top) {
      const near = fromFid.peaks.reduce((a, b) =>
        Math.abs(b.ppm - p.ppm) < Math.abs(a.ppm - p.ppm) ? b : a,
      );
      expect(Math.abs(near.ppm - p.ppm)).toBeLessThan(0.002);
    }
  });

  it("detects the format from the bytes and refuses anything else naming the file", () => {
    expect(
      parseNmrInput(new Uint8Array(readFileSync(`${NMR}bruker/aspirin-1h.zip`)), "a.zip").fid,
    ).toBeDefined();
    expect(() => parseNmrInput(new TextEncoder().encode("hello"), "x.txt")).toThrow(
      /^x\.txt: start of file: expected a JCAMP-DX file/,
    );
  });
});
