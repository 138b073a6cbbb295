import { readFileSync } from "node:fs";
import { NetCDFReader } from "netcdfjs";
import { describe, expect, it } from "vitest";
import { analyzeChromatogram, type HplcOptions, type HplcPeak } from "../src/core/analytics/hplc/index.js";
import { areaAboveLine } from "../src/core/signal/index.js";
import { parseAndiCdf, parseAndiPeakTable } from "../src/io/andi-cdf/parse.js";
import { parseChemstationCh } from "../src/io/chemstation/parse.js";

// Validation of the integrator against Agilent ChemStation's own integration of the same files:
// REPORT01.CSV / REPORT02.CSV (area-% reports of DAD1A.ch / DAD1B.ch, ChemStation C.01.07) and the
// category-2 peak table ChemStation wrote into the ANDI export agilent_hplc.cdf. ChemStation's integrator is
// described in "Understanding Your Agilent ChemStation", ch. 4 Integration (peak recognition by slope
// sensitivity, baseline tracking and allocation, peak separation codes).
const MOCCA = "../shared/testdata/hplc/agilent_chemstation_mocca/";
const ANDI = "../shared/testdata/hplc/andi/agilent_hplc.cdf";

interface ReportPeak {
  rt_min: number;
  type: string;
  width_min: number;
  area: number;
  height: number;
  areaPercent: number;
}

/** A ChemStation REPORTnn.CSV: UTF-16LE, no header; peak #, RT, type, width, area, height, area %. */
function readReport(name: string): ReportPeak[] {
  const text = new TextDecoder("utf-16le").decode(readFileSync(MOCCA + name)).replace(/^\uFEFF/, "");
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const c = line.split(",");
      return {
        rt_min: Number(c[1]),
        type: c[2]!.replace(/"/g, "").trim(),
        width_min: Number(c[3]),
        area: Number(c[4]),
        height: Number(c[5]),
        areaPercent: Number(c[6]),
      };
    });
}

function analyze(file: string, options: HplcOptions = {}) {
  const chromatogram = parseChemstationCh(new Uint8Array(readFileSync(MOCCA + file)), file);
  return analyzeChromatogram(chromatogram, options);
}

const nearest = (peaks: HplcPeak[], rt: number) =>
  peaks.reduce((a, b) => (Math.abs(b.rt_min - rt) < Math.abs(a.rt_min - rt) ? b : a));

// ChemStation's initial events Height reject and Area reject (in the signal's units: mAU, mAU·s), set to 1:
// the smallest peaks REPORT01 lists are 1.54 mAU high and 5.25 mAU·s, and REPORT02 lists nothing lower than
// 1 mAU although the trace has such bumps. Everything else is the integrator's general default.
const CHEMSTATION_REJECTS: HplcOptions = { minHeight: 1, minArea: 1 };

describe("DAD1A.ch against ChemStation's REPORT01 (210 nm, gradient run)", () => {
  const report = readReport("REPORT01.CSV");
  const result = analyze("DAD1A.ch", CHEMSTATION_REJECTS);

  it("reads ChemStation's scaling: the main peak's area is 813.16 mAU·s within 0.1 %", () => {
    const main = result.mainPeak!;
    expect(main.rt_min).toBeCloseTo(2.48674, 3);
    expect(Math.abs(main.area / 813.161 - 1)).toBeLessThan(0.001); // measured −0.04 %
    expect(Math.abs(main.height / 292.154 - 1)).toBeLessThan(0.01); // measured +0.9 %
  });

  it("finds ChemStation's peaks above 1 % at its retention times (±0.005 min), area % within 0.7", () => {
    // Above 1 % in REPORT01: 0.349, 0.597, 0.712, 1.047, 1.555, 2.487, 4.271, 4.329 min. Two of them are
    // parts of the gradient's absorbance hump, not compounds: 1.555 (a broad shoulder on the rising
    // baseline) and 4.329 "VBA" (the falling baseline after the last peak, cut at the end of the run). This
    // integrator does not split those stretches the way ChemStation does (see the next test); the peaks of
    // compounds agree. Measured: |ΔRT| ≤ 0.0008 min, Δ area % −0.15 to −0.66.
    const compared = report.filter((p) => p.areaPercent > 1 && p.rt_min !== 1.55482769012451);
    for (const cs of compared.filter((p) => p.rt_min < 4.2)) {
      const ours = nearest(result.peaks, cs.rt_min);
      expect(Math.abs(ours.rt_min - cs.rt_min), `RT of ${cs.rt_min}`).toBeLessThan(0.005);
      expect(Math.abs(ours.areaPercent - cs.areaPercent), `area % of ${cs.rt_min}`).toBeLessThan(0.7);
    }
  });

  it("ends the run on an aborted peak from the 4.27-min peak to the last sample, as ChemStation's VBA", () => {
    const last = result.peaks.at(-1)!;
    expect(last.type).toMatch(/A$/);
    expect(last.rt_min).toBeCloseTo(4.2706, 2);
    expect(last.end_min).toBeCloseTo(5.5023, 3);
    // Known difference, kept visible: ChemStation's cluster 4.168–4.329 + VBA sums 775.6 mAU·s; ours starts at
    // the 4.22-min valley and holds ~ 609 mAU·s (its baseline starts higher on the falling gradient).
    const fromHere = result.peaks.filter((p) => p.rt_min > 4.1).reduce((s, p) => s + p.area, 0);
    expect(fromHere / 775.6).toBeGreaterThan(0.7);
    expect(fromHere / 775.6).toBeLessThan(1.05);
  });
});

describe("DAD1B.ch against ChemStation's REPORT02 (249 nm)", () => {
  const report = readReport("REPORT02.CSV");
  const result = analyze("DAD1B.ch", CHEMSTATION_REJECTS);

  it("main peak: RT ±0.005 min, area 1086.69 mAU·s within 0.3 %, area % within 1.0", () => {
    const cs = report[2]!;
    const main = result.mainPeak!;
    expect(Math.abs(main.rt_min - cs.rt_min)).toBeLessThan(0.005);
    expect(Math.abs(main.area / cs.area - 1)).toBeLessThan(0.003); // measured −0.16 %
    // Measured +0.90: three small peaks ChemStation did not list (0.44, 2.37, 3.93 min, 1.4–2.2 mAU high)
    // and its broad 0.742-min bump (1.03 mAU high in its report, 0.82 here: below the height reject).
    expect(Math.abs(main.areaPercent - cs.areaPercent)).toBeLessThan(1.0);
  });

  it("the 0.369-min peak: RT ±0.005 min, area % within 0.3", () => {
    const cs = report[0]!;
    const ours = nearest(result.peaks, cs.rt_min);
    expect(Math.abs(ours.rt_min - cs.rt_min)).toBeLessThan(0.005);
    expect(Math.abs(ours.areaPercent - cs.areaPercent)).toBeLessThan(0.3); // measured −0.04
  });
});

describe("agilent_hplc.cdf against the peak table ChemStation exported into it (ANDI category 2)", () => {
  const bytes = new Uint8Array(readFileSync(ANDI));
  const chromatogram = parseAndiCdf(bytes, ANDI);
  const table = parseAndiPeakTable(bytes, ANDI);

  it("integrating over ChemStation's own boundaries and baseline points reproduces its areas", () => {
    // Isolates the area arithmetic and the signal scaling from peak detection: trapezoids of the raw samples
    // above ChemStation's baseline line, ×60 for mAU·s. Measured within 0.03 %, except the drop-line pair at
    // 11.83/12.25 min (±1.2 %: the drop falls between two samples).
    const reader = new NetCDFReader(bytes);
    const b0 = reader.getDataVariable("baseline_start_value") as number[];
    const b1 = reader.getDataVariable("baseline_stop_value") as number[];
    const t = chromatogram.times_min;
    const index = (time: number) => t.findIndex((x) => x >= time - 1e-6);
    expect(table).toHaveLength(8);
    table.forEach((peak, i) => {
      const from = index(peak.startTime_min!);
      const to = index(peak.endTime_min!);
      const area = 60 * areaAboveLine(t, chromatogram.signal, from, to, b0[i]!, b1[i]!);
      const tolerance = peak.rt_min > 11.5 && peak.rt_min < 12.5 ? 0.015 : 0.0005;
      expect(Math.abs(area / peak.area - 1), `peak at ${peak.rt_min}`).toBeLessThan(tolerance);
    });
  });

  it("finds all 8 of ChemStation's peaks at its retention times (±0.005 min)", () => {
    const result = analyzeChromatogram(chromatogram, CHEMSTATION_REJECTS);
    for (const cs of table) {
      const ours = nearest(result.peaks, cs.rt_min);
      expect(Math.abs(ours.rt_min - cs.rt_min), `RT of ${cs.rt_min}`).toBeLessThan(0.005);
      // Areas with our own boundaries: measured −0.4 % to +11 % (the first and the small 13.3-min peak end
      // later here; ChemStation closes them earlier on their tails).
      expect(Math.abs(ours.area / cs.area - 1), `area of ${cs.rt_min}`).toBeLessThan(0.12);
    }
  });
});
