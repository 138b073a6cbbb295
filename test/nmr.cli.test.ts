import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { ixalab } from "./helpers/cli.js";
import { ixazomibLikeLines, writeSyntheticBruker } from "./helpers/nmrFixtures.js";

// The NMR CLI contract (issue 7: structure and solid form) on the shared real files (Bruker, Varian, JEOL,
// JCAMP) and on a seeded synthetic TopSpin experiment with known lines and proton counts.
const NMR = "../shared/testdata/nmr/";
const tmp = mkdtempSync(join(tmpdir(), "ixalab-nmr-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const synthetic = writeSyntheticBruker(join(tmp, "ixa", "1"), ixazomibLikeLines(), { seed: 3 });

/** Unpacks the experiment folder of a TopSpin zip (entries below `1/`) into a folder. */
function unzipExperiment(zip: string, into: string): string {
  for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
    if (path.endsWith("/") || path.includes("__MACOSX")) continue;
    const target = join(into, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return join(into, "1");
}

const json = (args: string[]) => {
  const run = ixalab([...args, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

interface Contract {
  nucleus: string;
  frequency_MHz: number;
  solvent: string | null;
  peaks: { ppm: number; intensity: number }[];
  ranges: { from: number; to: number; integral: number }[];
}

const nearest = (peaks: Contract["peaks"], ppm: number) =>
  peaks.reduce((a, b) => (Math.abs(b.ppm - ppm) < Math.abs(a.ppm - ppm) ? b : a));

describe("ixalab nmr process", () => {
  it("prints the contract's document (Bruker zip): keys, nucleus, frequency, solvent, peaks, ranges", () => {
    const out = json(["nmr", "process", `${NMR}bruker/aspirin-1h.zip`]) as Contract;
    expect(Object.keys(out)).toEqual(["nucleus", "frequency_MHz", "solvent", "peaks", "ranges"]);
    expect(out).toMatchObject({ nucleus: "1H", frequency_MHz: 300.132250975, solvent: "CDCl3" });
    for (const p of out.peaks) expect(Object.keys(p)).toEqual(["ppm", "intensity"]);
    for (const r of out.ranges) {
      expect(Object.keys(r)).toEqual(["from", "to", "integral"]);
      expect(r.from).toBeGreaterThan(r.to);
    }
    expect(Math.max(...out.peaks.map((p) => p.intensity))).toBe(100);
    // high ppm first
    expect(out.peaks.map((p) => p.ppm)).toEqual([...out.peaks.map((p) => p.ppm)].sort((a, b) => b - a));
  });

  it("peaks agree with TopSpin's own peak list (pdata/1/peaklist.xml) within 0.002 ppm (--reference file)", () => {
    const entries = unzipSync(new Uint8Array(readFileSync(`${NMR}bruker/aspirin-1h.zip`)));
    const xml = new TextDecoder().decode(entries["1/pdata/1/peaklist.xml"]);
    const listed = [...xml.matchAll(/<Peak1D F1="([-\d.]+)"[^>]*type="0"/g)].map((m) => Number(m[1]));
    expect(listed.length).toBeGreaterThan(15);
    const out = json([
      "nmr",
      "process",
      `${NMR}bruker/aspirin-1h.zip`,
      "--reference",
      "file",
      "--min-intensity",
      "0.5",
    ]) as Contract;
    for (const ppm of listed) expect(Math.abs(nearest(out.peaks, ppm).ppm - ppm)).toBeLessThan(0.002);
  });

  it("a TopSpin folder gives the same document as its zip", () => {
    const folder = unzipExperiment(`${NMR}bruker/aspirin-1h.zip`, join(tmp, "aspirin"));
    expect(json(["nmr", "process", folder])).toEqual(json(["nmr", "process", `${NMR}bruker/aspirin-1h.zip`]));
  });

  it.each([
    ["Varian .fid folder", `${NMR}varian/1H.fid`, "1H", "CDCl3"],
    ["JEOL .jdf", `${NMR}jeol/Rutin_DMSOd6_1H_400MHz.jdf`, "1H", "DMSO-d6"],
    ["JCAMP-DX FID + FT (.jdx)", `${NMR}jcamp/bruker_fid_ft.jdx`, "1H", "DMSO-d6"],
    ["JCAMP-DX spectrum (.dx)", `${NMR}jcamp/indometacin_1h.dx`, "1H", "DMSO-d6"],
    ["JEOL ¹³C .jdf", `${NMR}jeol/Rutin_DMSOd6_13C_400MHz.jdf`, "13C", "DMSO-d6"],
  ])("reads a %s", (_, file, nucleus, solvent) => {
    const out = json(["nmr", "process", file]) as Contract;
    expect(Object.keys(out)).toEqual(["nucleus", "frequency_MHz", "solvent", "peaks", "ranges"]);
    expect(out.nucleus).toBe(nucleus);
    expect(out.solvent).toBe(solvent);
    expect(out.peaks.length).toBeGreaterThan(5);
    expect(out.ranges.length).toBeGreaterThan(2);
  });

  it("synthetic ixazomib-like spectrum: every line found within 0.001 ppm, DMSO-d5 at 2.50", () => {
    const out = json(["nmr", "process", synthetic]) as Contract;
    expect(out).toMatchObject({ nucleus: "1H", solvent: "DMSO-d6" });
    expect(out.frequency_MHz).toBeCloseTo(400.13 * (1 + 6e-6), 9); // SFO1 = BF1 at the 6 ppm carrier
    // lines of ≥ 1 proton; the residual quintet's centre line references the axis
    for (const line of ixazomibLikeLines().filter((l) => l.area >= 1))
      expect(Math.abs(nearest(out.peaks, line.ppm).ppm - line.ppm)).toBeLessThan(0.001);
    expect(nearest(out.peaks, 2.5).ppm).toBeCloseTo(2.5, 4);
  });

  it("--expected ixazomib-citrate: the synthetic spectrum agrees; rutin does not", () => {
    const out = json(["nmr", "process", synthetic, "--expected", "ixazomib-citrate"]);
    expect(Object.keys(out)).toEqual(["nucleus", "frequency_MHz", "solvent", "peaks", "ranges", "expected"]);
    expect(out.expected).toMatchObject({
      list: "ixazomib-citrate-1h-dmso-d6",
      status: "derived",
      agrees: true,
    });
    // judged windows: protons within 0.25 + 10 % of the structure's counts (compareWithExpected's rule)
    const judged = out.expected.signals.filter((s: { agrees: boolean | null }) => s.agrees !== null);
    expect(judged.map((s: { expectedProtons: number }) => s.expectedProtons)).toEqual([3, 2, 1, 2, 6]);
    for (const s of judged) expect(Math.abs(s.protons - s.expectedProtons)).toBeLessThan(0.1);
    const rutin = json([
      "nmr",
      "process",
      `${NMR}jeol/Rutin_DMSOd6_1H_400MHz.jdf`,
      "--expected",
      "ixazomib-citrate",
    ]);
    expect(rutin.expected.agrees).toBe(false);
  });

  it("--expected takes a user CSV; a ¹H list on a ¹³C spectrum is refused", () => {
    const csv = join(tmp, "methyls.csv");
    writeFileSync(csv, "from,to,protons,assignment\n0.98,0.7,6,methyls\n7.8,7.3,3,aryl\n");
    const out = json(["nmr", "process", synthetic, "--expected", csv]);
    expect(out.expected).toMatchObject({ list: "methyls", status: "user" });
    expect(out.expected.signals.map((s: { agrees: boolean }) => s.agrees)).toEqual([true, true]);
    // the other signals are in no window: reported, and the spectrum does not agree with this list
    expect(out.expected.agrees).toBe(false);
    const run = ixalab([
      "nmr",
      "process",
      `${NMR}jeol/Rutin_DMSOd6_13C_400MHz.jdf`,
      "--expected",
      "ixazomib-citrate",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/expected list ixazomib-citrate-1h-dmso-d6 is for 1H, the spectrum is 13C/);
  });

  it("--plot writes the spectrum with peak marks, range brackets and integrals", () => {
    const svg = join(tmp, "ixa.svg");
    const out = json(["nmr", "process", synthetic, "--plot", svg, "--expected", "ixazomib-citrate"]);
    const text = readFileSync(svg, "utf8");
    expect(text.startsWith("<svg")).toBe(true);
    expect(text).toContain("δ ¹H (ppm)");
    expect(text).toContain("ixa/1: 1H 400.13 MHz, DMSO-d6");
    for (const r of out.ranges as Contract["ranges"]) expect(text).toContain(`${r.from}–${r.to} ppm`);
    expect(text).toContain(">6H/6.0<");
  });
});

describe("ixalab nmr integrate", () => {
  // CH3 ×2 (6 H), aryl (3 H), glycyl CH2 (2 H): lines of equal width (1 Hz) at ≥ 0.1 ppm (40 Hz) from the
  // window edges, where a Lorentzian leaves < 1 % of its area outside; so 6 : 3 : 2 within 2 %.
  const ranges = ["0.98-0.7", "7.8-7.3", "4.2-3.75"];
  const protons = [6, 3, 2];

  it("prints {integrals} in the order given, one scale: 6 : 3 : 2 within 2 %", () => {
    const out = json(["nmr", "integrate", synthetic, "--ranges", ranges.join(",")]);
    expect(Object.keys(out)).toEqual(["integrals"]);
    expect(out.integrals).toHaveLength(3);
    const perProton = out.integrals.map((v: number, i: number) => v / protons[i]!);
    for (const v of perProton) expect(Math.abs(v / perProton[0] - 1)).toBeLessThan(0.02);
    const reversed = json(["nmr", "integrate", synthetic, "--ranges", [...ranges].reverse().join(",")]);
    expect(reversed.integrals).toEqual([...out.integrals].reverse());
  });

  it("uses the scale of nmr process: its own ranges integrate to its integrals", () => {
    const processed = json(["nmr", "process", `${NMR}bruker/aspirin-1h.zip`]) as Contract;
    const list = processed.ranges.map((r) => `${r.from}-${r.to}`).join(",");
    const out = json(["nmr", "integrate", `${NMR}bruker/aspirin-1h.zip`, "--ranges", list]);
    // The printed limits are rounded to 1e-4 ppm; where two ranges meet inside a signal this moves
    // an integral by up to ~0.005 on the scale whose non-solvent ranges sum to 100.
    out.integrals.forEach((v: number, i: number) => {
      expect(Math.abs(v - processed.ranges[i]!.integral)).toBeLessThan(0.01);
    });
  });

  it("--plot draws the given ranges with their integrals", () => {
    const svg = join(tmp, "integrate.svg");
    const out = json(["nmr", "integrate", synthetic, "--ranges", ranges.join(","), "--plot", svg]);
    const text = readFileSync(svg, "utf8");
    for (const [i, r] of ranges.entries()) {
      const [from, to] = r.split("-");
      expect(text).toContain(`${from}–${to} ppm: ${out.integrals[i].toFixed(2)}`);
    }
  });
});

describe("bad input: exit 2 with the file and the reason", () => {
  const fails = (args: string[], message: RegExp) => {
    const run = ixalab(args);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  };

  it("a truncated FID: Bruker zip, Bruker folder, JEOL .jdf, Varian folder", () => {
    const entries = unzipSync(new Uint8Array(readFileSync(`${NMR}bruker/aspirin-1h.zip`)));
    entries["1/fid"] = entries["1/fid"]!.subarray(0, 40000);
    const zip = join(tmp, "cut.zip");
    writeFileSync(zip, zipSync(entries));
    fails(
      ["nmr", "process", zip, "--json"],
      /cut\.zip:fid: file size: expected 65536 bytes \(TD 16384 × 4-byte int32\), found 40000 bytes\. the FID is truncated/,
    );
    const folder = writeSyntheticBruker(join(tmp, "cutfolder", "2"), ixazomibLikeLines(), { seed: 4 });
    writeFileSync(join(folder, "fid"), readFileSync(join(folder, "fid")).subarray(0, 1000));
    fails(["nmr", "process", folder], /cutfolder\/2:fid: file size: expected 262144 bytes/);
    const jdf = join(tmp, "cut.jdf");
    writeFileSync(jdf, readFileSync(`${NMR}jeol/Rutin_DMSOd6_1H_400MHz.jdf`).subarray(0, 400000));
    fails(["nmr", "integrate", jdf, "--ranges", "1-0"], /cut\.jdf: data section: expected 524288 bytes/);
    const varian = join(tmp, "cut.fid");
    mkdirSync(varian);
    writeFileSync(join(varian, "procpar"), readFileSync(`${NMR}varian/1H.fid/procpar`));
    writeFileSync(join(varian, "fid"), readFileSync(`${NMR}varian/1H.fid/fid`).subarray(0, 50000));
    fails(
      ["nmr", "process", varian],
      /cut\.fid\/fid: file size: expected at least 131132 bytes .* the FID is truncated/,
    );
  });

  it("a JCAMP-DX file whose ##NPOINTS disagrees with its data (the Varian export); --npoints data reads it", () => {
    fails(
      ["nmr", "process", `${NMR}jcamp/varian.jdx`],
      /varian\.jdx: line 27: ##NPOINTS: expected 16385 points, found 16384 in ##XYDATA/,
    );
    const run = ixalab(["nmr", "process", `${NMR}jcamp/varian.jdx`, "--npoints", "data", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning: varian\.jdx: line 27: ##NPOINTS= 16385, but ##XYDATA holds 16384 points \(used\)/,
    );
    expect(JSON.parse(run.stdout).nucleus).toBe("1H");
  });

  it("an unknown file, an empty file, a folder of neither vendor, a missing file", () => {
    fails(["nmr", "process", `${NMR}MANIFEST.md`], /MANIFEST\.md: start of file: expected a JCAMP-DX file/);
    const empty = join(tmp, "empty.jdx");
    writeFileSync(empty, "");
    fails(["nmr", "process", empty], /empty\.jdx: start of file: .* found an empty file/);
    fails(
      ["nmr", "process", NMR],
      /expected a TopSpin experiment folder \(with acqus\) or a Varian \.fid folder/,
    );
    fails(["nmr", "process", join(tmp, "nope.jdx")], /nope\.jdx: no such file/);
  });

  it("bad --ranges, --reference and --phase", () => {
    fails(
      ["nmr", "integrate", synthetic, "--ranges", "7.9-7.3,abc"],
      /ranges: item 2 'abc': expected a ppm range/,
    );
    fails(["nmr", "integrate", synthetic, "--ranges", "7.3-7.3"], /the range has no width/);
    fails(["nmr", "process", synthetic, "--reference", "water"], /parameters\.reference/);
    fails(["nmr", "process", synthetic, "--phase", "1,2,3"], /--phase: expected ph0 or ph0,ph1/);
  });
});
