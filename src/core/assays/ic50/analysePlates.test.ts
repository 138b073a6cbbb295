import { describe, expect, it } from "vitest";
import { analysePlates } from "./analysePlates.js";
import type { KineticReads } from "./kineticReads.js";
import { toNormalizedPoints } from "./normalise.js";
import type { LayoutWell, PlateLayout, WellRole } from "./plateLayout.js";
import type { PlateTable } from "./plateTable.js";
import { parseWellId, plateFormatFor } from "./wellId.js";

const TIMES = Array.from({ length: 12 }, (_, i) => i * 60);

/** Reads of a few wells, each a straight line `rfu = start + slopePerMin·t/60`, in row-major order. */
function makeReads(
  wells: { plate: string; well: string; slopePerMin: number; start?: number }[],
): KineticReads {
  const reads: KineticReads = {
    source: "kinetics.csv",
    plates: [],
    wells: [],
    timeS: new Float64Array(wells.length * TIMES.length),
    rfu: new Float64Array(wells.length * TIMES.length),
    warnings: [],
  };
  wells.forEach((w, k) => {
    const { row, column } = parseWellId(w.well)!;
    const offset = k * TIMES.length;
    TIMES.forEach((t, i) => {
      reads.timeS[offset + i] = t;
      reads.rfu[offset + i] = (w.start ?? 1000) + (w.slopePerMin * t) / 60;
    });
    let plate = reads.plates.find((p) => p.plate === w.plate);
    if (!plate) {
      plate = { plate: w.plate, source: "kinetics.csv", format: 96, firstWell: k, wellCount: 0 };
      reads.plates.push(plate);
    }
    plate.wellCount++;
    plate.format = plateFormatFor(row, column);
    reads.wells.push({
      plate: w.plate,
      well: w.well,
      row,
      column,
      offset,
      count: TIMES.length,
      line: 2 + offset,
      field: 2,
    });
  });
  return reads;
}

function makeLayout(wells: [plate: string, well: string, role: WellRole, conc?: number][]): PlateLayout {
  const layoutWells: LayoutWell[] = wells.map(([plate, well, role, conc], i) => ({
    plate,
    well,
    ...parseWellId(well)!,
    role,
    compound: role === "sample" ? "ixazomib" : "",
    conc_nM: conc ?? Number.NaN,
    line: i + 2,
    field: 2,
  }));
  const plates = [...new Set(wells.map((w) => w[0]))].map((plate) => ({
    plate,
    format: 96 as const,
    formatDeclared: false,
  }));
  return { source: "layout.csv", plates, wells: layoutWells };
}

const table = (...plates: string[]): PlateTable => ({
  source: "plates.csv",
  plates: plates.map((plate, i) => ({ plate, detectorMax: 65535, extra: {}, line: i + 2 })),
});

/** Plate P1: 2 max (100, 102), 2 min (2, 4), 1 sample (52). */
const P1_READS = [
  { plate: "P1", well: "A1", slopePerMin: 100 },
  { plate: "P1", well: "A2", slopePerMin: 2 },
  { plate: "P1", well: "A3", slopePerMin: 52 },
  { plate: "P1", well: "B1", slopePerMin: 102 },
  { plate: "P1", well: "B2", slopePerMin: 4 },
];
const P1_LAYOUT: [string, string, WellRole, number?][] = [
  ["P1", "A1", "max"],
  ["P1", "A2", "min"],
  ["P1", "A3", "sample", 10],
  ["P1", "B1", "max"],
  ["P1", "B2", "min"],
];

describe("analysePlates", () => {
  it("gives rates, QC and % activity per plate", () => {
    const result = analysePlates(makeReads(P1_READS), makeLayout(P1_LAYOUT), table("P1"));
    expect(result.plateErrors).toEqual([]);
    expect(result.plates).toHaveLength(1);
    const [plate] = result.plates;
    expect(plate).toMatchObject({ plate: "P1", format: 96, nWells: 5, nMax: 2, nMin: 2, nWellsSaturated: 0 });
    expect(plate!.meanMax).toBeCloseTo(101, 9);
    expect(plate!.meanMin).toBeCloseTo(3, 9);
    const sample = result.wells.find((w) => w.well === "A3")!;
    expect(sample).toMatchObject({ role: "sample", compound: "ixazomib", conc_nM: 10, nReadsUsed: 10 });
    expect(sample.pctActivity).toBeCloseTo((100 * (52 - 3)) / 98, 9);
    expect(sample.linearRange).toBeUndefined();
    expect(result.options).toEqual({ windowReads: 10, minReads: 3, zPrimeThreshold: 0.5, linearRange: null });
    expect(result.warnings).toEqual([]);
  });
  it("reports the linear-range rate beside the primary rate when asked", () => {
    const result = analysePlates(makeReads(P1_READS), makeLayout(P1_LAYOUT), table("P1"), {
      linearRange: true,
    });
    const sample = result.wells.find((w) => w.well === "A3")!;
    expect(sample.linearRange).toMatchObject({ nReadsUsed: 12, linear: true });
    expect(sample.linearRange!.rateRfuPerMin).toBeCloseTo(52, 9);
  });
  it("gives a plate error for a plate without usable controls, and finishes the others", () => {
    const reads = makeReads([
      ...P1_READS,
      { plate: "P2", well: "A1", slopePerMin: 100 },
      { plate: "P2", well: "A3", slopePerMin: 50 },
      { plate: "P3", well: "A1", slopePerMin: 100, start: 65400 },
      { plate: "P3", well: "A2", slopePerMin: 2 },
      { plate: "P4", well: "A1", slopePerMin: 100 },
    ]);
    const layout = makeLayout([
      ...P1_LAYOUT,
      ["P2", "A1", "max"],
      ["P2", "A3", "sample", 10],
      ["P3", "A1", "max"],
      ["P3", "A2", "min"],
      ["P4", "A1", "max"],
      ["P5", "A1", "max"],
    ]);
    const result = analysePlates(reads, layout, table("P1", "P2", "P3", "P5", "P9"));
    expect(result.plates.map((p) => p.plate)).toEqual(["P1"]);
    expect(result.plateErrors).toEqual([
      {
        plate: "P2",
        message: "plate P2: no min control wells in layout.csv; % activity needs both max and min controls",
      },
      {
        plate: "P3",
        message:
          "plate P3: none of its 1 max control well(s) has a defined rate: each has fewer than 3 reads before detector_max",
      },
      {
        plate: "P4",
        message: "plate P4: not in plates.csv; its detector_max is needed to find saturated reads",
      },
      { plate: "P5", message: "plate P5: in layout.csv but has no reads in kinetics.csv" },
    ]);
    // The failed plates' wells keep their rates, without % activity.
    const p2 = result.wells.find((w) => w.plate === "P2" && w.well === "A3")!;
    expect(p2.rateRfuPerMin).toBeCloseTo(50, 9);
    expect(p2.pctActivity).toBeNaN();
    expect(result.warnings).toEqual(["plates.csv: plate P9 (line 6) has no reads and no layout; ignored"]);
  });
  it("warns about saturated wells, low Z', single controls and layout wells without reads", () => {
    const reads = makeReads([
      { plate: "P1", well: "A1", slopePerMin: 100 },
      { plate: "P1", well: "A2", slopePerMin: 2 },
      { plate: "P1", well: "A3", slopePerMin: 5000, start: 50000 },
      { plate: "P1", well: "B1", slopePerMin: 160 },
      { plate: "P1", well: "B2", slopePerMin: 40 },
      { plate: "P1", well: "B3", slopePerMin: 100, start: 65500 },
    ]);
    const layout = makeLayout([
      ...P1_LAYOUT,
      ["P1", "H12", "sample", 3],
      ["P1", "H11", "blank"],
      ["P1", "B3", "sample", 1],
    ]);
    const result = analysePlates(reads, layout, table("P1"));
    const [plate] = result.plates;
    expect(plate).toMatchObject({ nWellsSaturated: 2, nWellsRateUndefined: 1, lowZPrime: true });
    expect(result.wells.find((w) => w.well === "A3")).toMatchObject({ saturated: true, nReadsUsed: 4 });
    expect(result.warnings).toEqual([
      "layout.csv: 2 well(s) of plate P1 have no reads in kinetics.csv and are left out: H12, H11 (first on line 7)",
      `plate P1: Z' = ${plate!.zPrime.toFixed(3)} is below 0.5`,
      "plate P1: 2 well(s) reach detector_max within the rate window; their rates use the reads before it: A3, B3",
      "plate P1: 1 well(s) have fewer than 3 reads before detector_max, so no rate, and are left out: B3",
    ]);
    expect(toNormalizedPoints(result.wells).map((p) => p.well)).toEqual(["A3"]);
    const one = analysePlates(
      makeReads(P1_READS.slice(0, 3)),
      makeLayout(P1_LAYOUT.slice(0, 3)),
      table("P1"),
    );
    expect(one.warnings).toEqual([
      "plate P1: 1 max and 1 min control well(s) with a defined rate; SDs and Z' need at least 2 of each",
    ]);
  });
  it("refuses reads the layout does not describe, naming the reads file, line and column", () => {
    const layout = makeLayout(P1_LAYOUT.filter(([, well]) => well !== "A3" && well !== "B2"));
    expect(() => analysePlates(makeReads(P1_READS), layout, table("P1"))).toThrow(
      "kinetics.csv: line 26, column 2: expected a well that layout.csv lists for plate P1, found well 'A3' with no layout entry (and 1 more: B2). Add the wells to the layout, or remove their reads",
    );
    const reads = makeReads([...P1_READS, { plate: "PA02", well: "A1", slopePerMin: 1 }]);
    expect(() => analysePlates(reads, makeLayout(P1_LAYOUT), table("P1"))).toThrow(
      "kinetics.csv: line 62: expected a plate listed in layout.csv (P1), found plate 'PA02' with no layout. Check the plate ids; a wide reader export takes its plate id from --plate or from its file name",
    );
  });
  it("rejects bad options before any work", () => {
    const run = (options: object) => () =>
      analysePlates(makeReads(P1_READS), makeLayout(P1_LAYOUT), table("P1"), options);
    expect(run({ windowReads: 0 })).toThrow("windowReads: expected an integer ≥ 2, found 0");
    expect(run({ linearRange: { minReads: 2 } })).toThrow(
      "linearRange.minReads: expected an integer ≥ 4, found 2",
    );
    expect(run({ zPrimeThreshold: Number.POSITIVE_INFINITY })).toThrow(
      "zPrimeThreshold: expected a finite number, found Infinity",
    );
  });
});
