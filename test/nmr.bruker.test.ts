import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { type PickedPeak, processNmr } from "../src/core/analytics/nmr/index.js";
import { FormatError } from "../src/core/errors.js";
import { parseBrukerFiles, parseBrukerZip, readBrukerFile } from "../src/io/bruker/index.js";

const DIR = "../shared/testdata/nmr/bruker/";
const zip = (name: string) => parseBrukerZip(new Uint8Array(readFileSync(DIR + name)), name);
const nearest = (peaks: readonly PickedPeak[], ppm: number) =>
  peaks.reduce((a, b) => (Math.abs(b.ppm - ppm) < Math.abs(a.ppm - ppm) ? b : a));
const tallest = (peaks: readonly PickedPeak[], n: number) =>
  [...peaks].sort((a, b) => b.height - a.height).slice(0, n);

describe("Bruker TopSpin reader", () => {
  it("reads acqus, the fid and the digital-filter delay from the DSPFVS/DECIM table (aspirin, DSPFVS 10, DECIM 24)", () => {
    const e = zip("aspirin-1h.zip");
    const fid = e.data.fid!;
    expect(e.folder).toBe("1");
    expect(fid.re.length).toBe(8192); // TD 16384 real+imaginary
    expect(fid.groupDelay).toBeCloseTo(61 + 1 / 48, 12); // nmrglue bruker_dsp_table[10][24] = 61.0208333…
    expect(fid.nucleus).toBe("1H");
    expect(fid.solvent).toBe("CDCl3");
    expect(fid.frequencyMHz).toBe(300.132250975);
    expect(fid.spectralWidthHz).toBe(4789.27203065134);
  });

  it("takes GRPDLY when the file gives it (strychnine, 67.984) and reads 1r with NC_proc scaling", () => {
    const e = zip("strychnine-1h.zip");
    expect(e.data.fid!.groupDelay).toBe(67.9842071533203);
    expect(e.data.spectrum!.re.length).toBe(131072);
    expect(e.data.spectrum!.ppm[0]).toBe(18.19698); // OFFSET
    expect(e.data.spectrum!.referenceFrequencyMHz).toBe(400.129997502627); // procs SF
  });

  it("reads a zip with __MACOSX junk (aspirin-1h-processed: 1r/1i, no fid)", () => {
    const e = zip("aspirin-1h-processed.zip");
    expect(e.data.fid).toBeUndefined();
    expect(e.data.spectrum!.re.length).toBe(32768);
    expect(e.data.spectrum!.im!.length).toBe(32768);
  });

  it("refuses a truncated fid with the file and the sizes", () => {
    const entries = unzipSync(new Uint8Array(readFileSync(`${DIR}aspirin-1h.zip`)));
    const files = new Map<string, Uint8Array>();
    for (const [p, b] of Object.entries(entries)) if (p.startsWith("1/")) files.set(p.slice(2), b);
    files.set("fid", files.get("fid")!.subarray(0, 40000));
    expect(() => parseBrukerFiles(files, "cut.zip")).toThrowError(
      new FormatError(
        "cut.zip:fid",
        "file size",
        "65536 bytes (TD 16384 × 4-byte int32)",
        "40000 bytes",
        "the FID is truncated",
      ),
    );
  });

  it("refuses a zip without an experiment", async () => {
    await expect(readBrukerFile("../shared/testdata/nmr/MANIFEST.md")).rejects.toThrow(
      /MANIFEST\.md: zip: expected a readable zip archive/,
    );
  });
});

describe("own processing of a Bruker FID against TopSpin's processed 1r (peak positions within 0.002 ppm)", () => {
  // Both axes come from the files (reference "file"): OFFSET/SW_p/SF for 1r, SFO1/SW_h/SF for the FID.
  it.each([
    ["aspirin-1h.zip", "aspirin-1h-processed.zip", 20],
    ["strychnine-1h.zip", "strychnine-1h.zip", 40],
  ])("%s vs the 1r of %s: the %d tallest 1r peaks", (fidZip, procZip, count) => {
    const own = processNmr({ fid: zip(fidZip).data.fid! }, { reference: "file" });
    const topspin = processNmr({ spectrum: zip(procZip).data.spectrum! }, { reference: "file" });
    let worst = 0;
    for (const p of tallest(topspin.peaks, count)) {
      worst = Math.max(worst, Math.abs(nearest(own.peaks, p.ppm).ppm - p.ppm));
    }
    expect(worst).toBeLessThan(0.002);
  });

  it("aspirin: TopSpin's own peak list (pdata/1/peaklist.xml, 4 decimals) within 0.002 ppm", () => {
    const entries = unzipSync(new Uint8Array(readFileSync(`${DIR}aspirin-1h.zip`)));
    const xml = new TextDecoder().decode(entries["1/pdata/1/peaklist.xml"]);
    const listed = [...xml.matchAll(/<Peak1D F1="([-\d.]+)"[^>]*type="0"/g)].map((m) => Number(m[1]));
    expect(listed.length).toBeGreaterThan(15);
    const own = processNmr(
      { fid: zip("aspirin-1h.zip").data.fid! },
      { reference: "file", minRelativeHeight: 0.005 },
    );
    for (const ppm of listed) expect(Math.abs(nearest(own.peaks, ppm).ppm - ppm)).toBeLessThan(0.002);
  });

  it("solvent referencing puts the CHCl3 residual at 7.26 and the acetone-d5 quintet centre at 2.05", () => {
    const aspirin = processNmr({ fid: zip("aspirin-1h.zip").data.fid! });
    expect(aspirin.solvent).toBe("CDCl3");
    expect(aspirin.referencing.method).toBe("solvent");
    expect(Math.abs(aspirin.referencing.shiftPpm)).toBeLessThan(0.01);
    const naphthoic = processNmr({ fid: zip("naphtoicAcid-1h.zip").data.fid! });
    expect(naphthoic.solvent).toBe("acetone-d6");
    expect(nearest(naphthoic.peaks, 2.05).ppm).toBeCloseTo(2.05, 9);
  });
});
