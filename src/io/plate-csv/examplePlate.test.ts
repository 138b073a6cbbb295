// The example plate of shared/testdata/ic50 end to end: kinetics.csv + layout.csv + plates.csv →
// rates.csv, normalized.csv and expected.json `plates`, within DEFINITIONS.md's tolerances (rates and
// % activity 1e-9 relative, Z' 1e-9 absolute; the other plate statistics are held to 1e-9 relative too).
// The reference is the R/Python pipeline that wrote those files.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  analysePlates,
  formatWellId,
  type KineticReads,
  type PlateAnalysis,
  toNormalizedPoints,
} from "../../core/assays/ic50/plates.js";
import { formatLayoutGrid } from "./formatLayoutGrid.js";
import { formatNormalizedCsv } from "./formatNormalizedCsv.js";
import { parseKineticReads } from "./parseKineticReads.js";
import { parseLayoutCsv } from "./parseLayoutCsv.js";
import { parseLayoutGrid } from "./parseLayoutGrid.js";
import { parseNormalizedCsv } from "./parseNormalizedCsv.js";
import { parsePlateLayout } from "./parsePlateLayout.js";
import { parsePlateTable } from "./parsePlateTable.js";

const DIR = new URL("../../../../shared/testdata/ic50/example-plate/", import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));
const csvRows = (name: string) =>
  readFileSync(new URL(name, DIR), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function analyseExample(): PlateAnalysis {
  return analysePlates(
    parseKineticReads(read("kinetics.csv"), "kinetics.csv"),
    parsePlateLayout(read("layout.csv"), "layout.csv"),
    parsePlateTable(read("plates.csv"), "plates.csv"),
  );
}

describe("example plate (DEFINITIONS.md §1–2)", () => {
  const analysis = analyseExample();

  it("reproduces rates.csv: rate_rfu_per_min to 1e-9 relative, n_reads_used exactly", () => {
    const expected = csvRows("rates.csv");
    expect(analysis.wells).toHaveLength(expected.length);
    let worst = 0;
    expected.forEach(([plate, well, role, compound, conc, rate, nReads], i) => {
      const w = analysis.wells[i]!;
      expect([w.plate, w.well, w.role, w.compound, w.nReadsUsed]).toEqual([
        plate,
        well,
        role,
        compound,
        Number(nReads),
      ]);
      expect(Number.isNaN(w.conc_nM) ? "" : w.conc_nM).toEqual(conc === "" ? "" : Number(conc));
      worst = Math.max(worst, relative(w.rateRfuPerMin, Number(rate)));
    });
    expect(worst).toBeLessThan(1e-9);
  });

  it("reproduces normalized.csv: the same sample wells, pct_activity to 1e-9 relative", () => {
    const expected = csvRows("normalized.csv");
    const points = toNormalizedPoints(analysis.wells);
    expect(points.map((p) => [p.plate, p.well, p.compound, p.conc_nM])).toEqual(
      expected.map(([plate, well, compound, conc]) => [plate, well, compound, Number(conc)]),
    );
    const worst = Math.max(...points.map((p, i) => relative(p.pctActivity, Number(expected[i]![4]))));
    expect(worst).toBeLessThan(1e-9);
  });

  it("reproduces expected.json plates: Z' to 1e-9 absolute, control statistics to 1e-9 relative", () => {
    const expected = JSON.parse(readFileSync(new URL("expected.json", DIR), "utf8")).plates.PA01;
    expect(analysis.plateErrors).toEqual([]);
    expect(analysis.warnings).toEqual([]);
    const [plate] = analysis.plates;
    expect(plate).toMatchObject({
      plate: "PA01",
      format: 384,
      detectorMax: expected.detector_max,
      extra: { min_control: expected.min_control, reader_gain: "915.2" },
      nMax: expected.n_max,
      nMin: expected.n_min,
      nWellsRateUndefined: expected.n_wells_rate_undefined,
      lowZPrime: false,
    });
    expect(Math.abs(plate!.zPrime - expected.z_prime)).toBeLessThan(1e-9);
    for (const [ours, theirs] of [
      ["meanMax", "mean_max"],
      ["meanMin", "mean_min"],
      ["meanBlank", "mean_blank"],
      ["sdMax", "sd_max"],
      ["sdMin", "sd_min"],
      ["cvMaxPct", "cv_max_pct"],
      ["signalWindowRatio", "signal_window_ratio"],
    ] as const) {
      expect(relative(plate![ours], expected[theirs]), ours).toBeLessThan(1e-9);
    }
  });

  it("round-trips its normalised points through normalized.csv's format", () => {
    const points = toNormalizedPoints(analysis.wells);
    expect(parseNormalizedCsv(formatNormalizedCsv(points), "n.csv")).toEqual(points);
  });
});

/** Nominal read times (k × 60 s) for every well: a wide export has one time per row. */
function nominalLongCsv(reads: KineticReads): string {
  const lines = ["plate,well,time_s,rfu"];
  for (const w of reads.wells) {
    for (let k = 0; k < w.count; k++) lines.push(`${w.plate},${w.well},${k * 60},${reads.rfu[w.offset + k]}`);
  }
  return lines.join("\n");
}

/**
 * The same reads as a SpectraMax-style wide export: preamble, tab-delimited, `Time` as h:mm:ss, a
 * temperature column, zero-padded well headers in column-major order, CRLF line ends, `~End`.
 */
function wideExport(reads: KineticReads): string {
  const wells = [...reads.wells].sort((a, b) => a.column - b.column || a.row - b.row);
  const pad = (n: number) => String(n).padStart(2, "0");
  const header = [
    "Time",
    "Temperature(°C)",
    ...wells.map((w) => `${w.well.replace(/\d+$/, "")}${pad(w.column + 1)}`),
  ];
  const lines = ["##BLOCKS= 1", "Plate:\tPlate1\t1.3\tTimeFormat\tKinetic\tRFU", "", header.join("\t")];
  for (let k = 0; k < wells[0]!.count; k++) {
    const time = `${Math.floor(k / 60)}:${pad(k % 60)}:00`;
    lines.push([time, "37.1", ...wells.map((w) => String(reads.rfu[w.offset + k]))].join("\t"));
  }
  lines.push("", "~End", "Original Filename: PA01.sda");
  return lines.join("\r\n");
}

describe("wide reader export", () => {
  const reads = parseKineticReads(read("kinetics.csv"), "kinetics.csv");
  const layout = parsePlateLayout(read("layout.csv"), "layout.csv");
  const plates = parsePlateTable(read("plates.csv"), "plates.csv");

  it("parses to the same reads as the equivalent long CSV", () => {
    const long = parseKineticReads(nominalLongCsv(reads), "long.csv");
    const wide = parseKineticReads(wideExport(reads), "exports/PA01.txt");
    expect(wide.plates).toEqual([
      { plate: "PA01", source: "exports/PA01.txt", format: 384, firstWell: 0, wellCount: 384 },
    ]);
    const strip = (r: KineticReads) => r.wells.map(({ line: _l, field: _f, ...w }) => w);
    expect(strip(wide)).toEqual(strip(long));
    expect(wide.timeS).toEqual(long.timeS);
    expect(wide.rfu).toEqual(long.rfu);
    expect(wide.warnings).toEqual([]);
    // And the analysis is the same: wells, QC, % activity.
    const a = analysePlates(long, layout, plates);
    const b = analysePlates(wide, layout, plates);
    expect(b.plates).toEqual(a.plates);
    expect(b.wells).toEqual(a.wells);
  });

  it("takes its plate id from --plate when given", () => {
    const wide = parseKineticReads(wideExport(reads), "export.txt", { plate: "PA01" });
    expect(wide.plates[0]!.plate).toBe("PA01");
    expect(wide.wells[0]!.well).toBe(formatWellId(0, 0));
  });
});

describe("plate-map grid layout", () => {
  it("is equivalent to the long layout of the example plate", () => {
    const long = parseLayoutCsv(read("layout.csv"), "layout.csv");
    const grid = parseLayoutGrid(formatLayoutGrid(long), "layout-grid.csv");
    expect(grid.plates).toEqual([{ plate: "PA01", format: 384, formatDeclared: true }]);
    const key = (w: { plate: string; row: number; column: number }) => `${w.plate}:${w.row * 48 + w.column}`;
    const strip = (wells: typeof long.wells) =>
      [...wells].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map(({ line: _l, field: _f, ...w }) => w);
    expect(strip(grid.wells)).toEqual(strip(long.wells));
    const reads = parseKineticReads(read("kinetics.csv"), "kinetics.csv");
    const plates = parsePlateTable(read("plates.csv"), "plates.csv");
    expect(analysePlates(reads, grid, plates).wells).toEqual(analysePlates(reads, long, plates).wells);
  });
});
