import { FormatError } from "../../errors.js";
import { type KineticReads, wellReads } from "./kineticReads.js";
import {
  type LinearRangeOptions,
  type LinearRangeRate,
  linearRangeRateResolved,
  type ResolvedLinearRangeOptions,
  resolveLinearRangeOptions,
} from "./linearRange.js";
import { pctActivity } from "./normalise.js";
import type { LayoutWell, PlateLayout, WellRole } from "./plateLayout.js";
import { PLATE_QC_DEFAULTS, type PlateQc, type PlateQcOptions, plateQc } from "./plateQc.js";
import type { PlateInfo, PlateTable } from "./plateTable.js";
import { PLATE_FORMATS, type PlateFormat, plateFormatFor } from "./wellId.js";
import {
  type ResolvedWellRateOptions,
  resolveWellRateOptions,
  type WellRateOptions,
  wellRateResolved,
} from "./wellRate.js";

/** Options of {@link analysePlates}: the rate window, the QC threshold and the optional linear range. */
export interface AnalysePlatesOptions extends WellRateOptions, PlateQcOptions {
  /**
   * Also compute every well's automatic linear-range rate ({@link linearRangeRate}), reported as
   * `WellResult.linearRange` beside the primary rate; `true` uses the default linear-range options.
   * @default false
   */
  linearRange?: boolean | LinearRangeOptions;
}

/** The options an analysis actually ran with, every default filled in (for the provenance envelope). */
export interface ResolvedAnalysePlatesOptions extends ResolvedWellRateOptions {
  zPrimeThreshold: number;
  linearRange: ResolvedLinearRangeOptions | null;
}

/** QC and control statistics of one analysed plate, with its settings from the plate table. */
export interface PlateSummary extends PlateQc {
  plate: string;
  /** 96, 384 or 1536: declared by a grid layout, else the smallest format holding the wells used. */
  format: PlateFormat;
  detectorMax: number;
  /** The plate table's other columns (e.g. `min_control`, `reader_gain`), as text. */
  extra: Record<string, string>;
  /** Wells with both a layout entry and reads. */
  nWells: number;
  /** Wells whose window was cut short by saturation. */
  nWellsSaturated: number;
}

/** One analysed well: its layout, its rate and its % activity. */
export interface WellResult {
  plate: string;
  well: string;
  row: number;
  column: number;
  role: WellRole;
  compound: string;
  /** nM; `NaN` for controls without a concentration. */
  conc_nM: number;
  /** Primary rate, RFU/min (DEFINITIONS.md §1); `NaN` when undefined. */
  rateRfuPerMin: number;
  nReadsUsed: number;
  saturated: boolean;
  /** 100·(rate − meanMin)/(meanMax − meanMin); `NaN` when the rate or the plate's controls are unusable. */
  pctActivity: number;
  /** Present when the `linearRange` option is on. */
  linearRange?: LinearRangeRate;
}

/** A plate that could not be analysed; the other plates are unaffected. */
export interface PlateError {
  plate: string;
  message: string;
}

/** Everything {@link analysePlates} found. Plain data: `NaN` becomes `null` in JSON. */
export interface PlateAnalysis {
  /** Plates analysed successfully, in order of first appearance in the reads. */
  plates: PlateSummary[];
  /** Wells with reads and a layout entry, plate by plate in row-major order. */
  wells: WellResult[];
  plateErrors: PlateError[];
  warnings: string[];
  options: ResolvedAnalysePlatesOptions;
}

/**
 * Turns kinetic reads into well rates, control statistics, Z' and % activity, plate by plate
 * (DEFINITIONS.md §1–2). A plate without a usable max or min control (none in the layout, all with an
 * undefined rate, or equal means), without reads or missing from the plate table gives a plate error and
 * the other plates still finish. Reads that the layout does not describe are an input error; layout
 * wells without reads are left out with a warning.
 * @throws InputError for invalid options
 * @throws FormatError naming the reads file, line and column of the first well (or plate) of the reads
 *   that has no layout entry
 * @example
 * const { plates, wells } = analysePlates(reads, layout, plateTable, { windowReads: 10 });
 */
export function analysePlates(
  reads: KineticReads,
  layout: PlateLayout,
  plateTable: PlateTable,
  options: AnalysePlatesOptions = {},
): PlateAnalysis {
  const resolved = resolveOptions(options);
  const layoutIndex = indexLayout(layout);
  checkReadsHaveLayout(reads, layout, layoutIndex);
  const infoByPlate = new Map<string, PlateInfo>(plateTable.plates.map((p) => [p.plate, p]));
  const layoutFormat = new Map(layout.plates.map((p) => [p.plate, p]));
  const readPlates = new Set(reads.plates.map((p) => p.plate));

  const result: PlateAnalysis = { plates: [], wells: [], plateErrors: [], warnings: [], options: resolved };
  for (const plate of reads.plates) {
    const info = infoByPlate.get(plate.plate);
    const wellsOfPlate = layoutIndex.get(plate.plate)!;
    if (!info) {
      result.plateErrors.push({
        plate: plate.plate,
        message: `plate ${plate.plate}: not in ${plateTable.source}; its detector_max is needed to find saturated reads`,
      });
      continue;
    }
    const declared = layoutFormat.get(plate.plate);
    const format = declared?.formatDeclared
      ? declared.format
      : largerFormat(plate.format, declared?.format ?? 96);
    const first = result.wells.length;
    let nWellsSaturated = 0;
    const saturatedWells: string[] = [];
    const seen = new Set<string>();
    for (let w = plate.firstWell; w < plate.firstWell + plate.wellCount; w++) {
      const kw = reads.wells[w]!;
      const lw = wellsOfPlate.get(kw.well)!;
      seen.add(kw.well);
      const { timeS, rfu } = wellReads(reads, kw);
      const rate = wellRateResolved(timeS, rfu, info.detectorMax, resolved);
      if (rate.saturated) {
        nWellsSaturated++;
        saturatedWells.push(kw.well);
      }
      const well: WellResult = {
        plate: plate.plate,
        well: kw.well,
        row: kw.row,
        column: kw.column,
        role: lw.role,
        compound: lw.compound,
        conc_nM: lw.conc_nM,
        rateRfuPerMin: rate.rateRfuPerMin,
        nReadsUsed: rate.nReadsUsed,
        saturated: rate.saturated,
        pctActivity: Number.NaN,
      };
      if (resolved.linearRange) {
        well.linearRange = linearRangeRateResolved(timeS, rfu, info.detectorMax, resolved.linearRange);
      }
      result.wells.push(well);
    }
    warnUnreadLayoutWells(result.warnings, layout, reads, plate.plate, wellsOfPlate, seen);
    const plateWells = result.wells.slice(first);
    const qc = plateQc(
      Float64Array.from(plateWells, (w) => w.rateRfuPerMin),
      plateWells.map((w) => w.role),
      { zPrimeThreshold: resolved.zPrimeThreshold },
    );
    const problem = controlProblem(plate.plate, qc, plateWells, layout.source, resolved.minReads);
    if (problem) {
      result.plateErrors.push({ plate: plate.plate, message: problem });
      continue;
    }
    for (const w of plateWells) w.pctActivity = pctActivity(w.rateRfuPerMin, qc.meanMax, qc.meanMin);
    result.plates.push({
      plate: plate.plate,
      format,
      detectorMax: info.detectorMax,
      extra: info.extra,
      nWells: plateWells.length,
      nWellsSaturated,
      ...qc,
    });
    const undefinedWells = plateWells.filter((w) => Number.isNaN(w.rateRfuPerMin)).map((w) => w.well);
    addPlateWarnings(result.warnings, plate.plate, qc, saturatedWells, undefinedWells, resolved);
  }
  for (const p of layout.plates) {
    if (!readPlates.has(p.plate)) {
      result.plateErrors.push({
        plate: p.plate,
        message: `plate ${p.plate}: in ${layout.source} but has no reads in ${reads.source}`,
      });
    }
  }
  for (const p of plateTable.plates) {
    if (!readPlates.has(p.plate) && !layoutIndex.has(p.plate)) {
      result.warnings.push(
        `${plateTable.source}: plate ${p.plate} (line ${p.line}) has no reads and no layout; ignored`,
      );
    }
  }
  result.warnings.push(...reads.warnings);
  return result;
}

function resolveOptions(options: AnalysePlatesOptions): ResolvedAnalysePlatesOptions {
  const rate = resolveWellRateOptions(options);
  const zPrimeThreshold = options.zPrimeThreshold ?? PLATE_QC_DEFAULTS.zPrimeThreshold;
  const lr = options.linearRange;
  const linearRange = lr ? resolveLinearRangeOptions(lr === true ? {} : lr) : null;
  // plateQc checks the threshold itself; checking here too rejects it before any plate is analysed.
  plateQc(new Float64Array(0), [], { zPrimeThreshold });
  return { ...rate, zPrimeThreshold, linearRange };
}

function indexLayout(layout: PlateLayout): Map<string, Map<string, LayoutWell>> {
  const index = new Map<string, Map<string, LayoutWell>>();
  for (const w of layout.wells) {
    let plate = index.get(w.plate);
    if (!plate) {
      plate = new Map();
      index.set(w.plate, plate);
    }
    plate.set(w.well, w);
  }
  return index;
}

/** Reads the layout does not describe would silently drop out of the analysis: refuse them. */
function checkReadsHaveLayout(
  reads: KineticReads,
  layout: PlateLayout,
  index: Map<string, Map<string, LayoutWell>>,
): void {
  for (const plate of reads.plates) {
    const wells = index.get(plate.plate);
    const firstWell = reads.wells[plate.firstWell]!;
    if (!wells) {
      const known = [...index.keys()];
      throw new FormatError(
        plate.source,
        `line ${firstWell.line}`,
        `a plate listed in ${layout.source} (${listSome(known)})`,
        `plate '${plate.plate}' with no layout`,
        "Check the plate ids; a wide reader export takes its plate id from --plate or from its file name",
      );
    }
    const missing = [];
    for (let w = plate.firstWell; w < plate.firstWell + plate.wellCount; w++) {
      const kw = reads.wells[w]!;
      if (!wells.has(kw.well)) missing.push(kw);
    }
    if (missing.length > 0) {
      const firstMissing = missing.reduce((a, b) => (b.line < a.line ? b : a));
      const others = missing.filter((m) => m !== firstMissing).map((m) => m.well);
      const more = others.length > 0 ? ` (and ${others.length} more: ${listSome(others)})` : "";
      throw new FormatError(
        plate.source,
        `line ${firstMissing.line}, column ${firstMissing.field}`,
        `a well that ${layout.source} lists for plate ${plate.plate}`,
        `well '${firstMissing.well}' with no layout entry${more}`,
        "Add the wells to the layout, or remove their reads",
      );
    }
  }
}

function warnUnreadLayoutWells(
  warnings: string[],
  layout: PlateLayout,
  reads: KineticReads,
  plate: string,
  wells: Map<string, LayoutWell>,
  seen: Set<string>,
): void {
  const unread = [...wells.values()].filter((w) => !seen.has(w.well));
  if (unread.length === 0) return;
  warnings.push(
    `${layout.source}: ${unread.length} well(s) of plate ${plate} have no reads in ${reads.source} and are left out: ${listSome(unread.map((w) => w.well))} (first on line ${unread[0]!.line})`,
  );
}

function controlProblem(
  plate: string,
  qc: PlateQc,
  wells: readonly WellResult[],
  layoutSource: string,
  minReads: number,
) {
  for (const [role, n] of [
    ["max", qc.nMax],
    ["min", qc.nMin],
  ] as const) {
    if (n > 0) continue;
    const inLayout = wells.filter((w) => w.role === role).length;
    return inLayout === 0
      ? `plate ${plate}: no ${role} control wells in ${layoutSource}; % activity needs both max and min controls`
      : `plate ${plate}: none of its ${inLayout} ${role} control well(s) has a defined rate: each has fewer than ${minReads} reads before detector_max`;
  }
  if (!(qc.meanMax !== qc.meanMin)) {
    return `plate ${plate}: max and min controls have the same mean rate (${qc.meanMax} RFU/min); % activity is undefined`;
  }
  return undefined;
}

function addPlateWarnings(
  warnings: string[],
  plate: string,
  qc: PlateQc,
  saturatedWells: string[],
  undefinedWells: string[],
  options: ResolvedAnalysePlatesOptions,
): void {
  const { zPrimeThreshold, minReads } = options;
  if (qc.nMax < 2 || qc.nMin < 2) {
    warnings.push(
      `plate ${plate}: ${qc.nMax} max and ${qc.nMin} min control well(s) with a defined rate; SDs and Z' need at least 2 of each`,
    );
  } else if (qc.lowZPrime) {
    warnings.push(`plate ${plate}: Z' = ${qc.zPrime.toFixed(3)} is below ${zPrimeThreshold}`);
  }
  if (saturatedWells.length > 0) {
    warnings.push(
      `plate ${plate}: ${saturatedWells.length} well(s) reach detector_max within the rate window; their rates use the reads before it: ${listSome(saturatedWells)}`,
    );
  }
  if (undefinedWells.length > 0) {
    warnings.push(
      `plate ${plate}: ${undefinedWells.length} well(s) have fewer than ${minReads} reads before detector_max, so no rate, and are left out: ${listSome(undefinedWells)}`,
    );
  }
}

function largerFormat(a: PlateFormat, b: PlateFormat): PlateFormat {
  const dims = (f: PlateFormat) => PLATE_FORMATS[f];
  return plateFormatFor(
    Math.max(dims(a).rows, dims(b).rows) - 1,
    Math.max(dims(a).columns, dims(b).columns) - 1,
  );
}

function listSome(items: readonly string[], limit = 8): string {
  return items.length <= limit ? items.join(", ") : `${items.slice(0, limit).join(", ")}, …`;
}
