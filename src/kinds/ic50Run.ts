import { z } from "zod";
import type { CurveRow, PooledCurveRow } from "../core/assays/ic50/fitCurves.js";
import { analysePlates, type PlateAnalysis, toNormalizedPoints } from "../core/assays/ic50/plates.js";
import { parseKineticReads, parsePlateLayout, parsePlateTable } from "../io/plate-csv/index.js";
import { curveFitOptions, curveFitParameters, fitAllCurves } from "./ic50Fitting.js";
import type { AnalysisKind } from "./kind.js";

const ic50RunParameters = z.strictObject({
  windowReads: z
    .int()
    .min(3)
    .default(10)
    .describe("rate window: the first N reads of each well (DEFINITIONS §1)"),
  linearRange: z.boolean().default(false).describe("also report each well's automatic linear-range rate"),
  zPrimeThreshold: z.number().default(0.5).describe("flag plates whose Z' is below this"),
  plate: z
    .string()
    .min(1)
    .optional()
    .describe("plate id for a wide plate-reader export that does not name its plate"),
  ...curveFitParameters,
});

/** Parameters of `ic50.run`. */
export type Ic50RunParameters = z.infer<typeof ic50RunParameters>;

/** One plate's QC row; a plate that could not be analysed has `error` and null statistics. */
export interface Ic50PlateRow {
  plate: string;
  zPrime: number | null;
  meanMax: number | null;
  meanMin: number | null;
  sdMax: number | null;
  sdMin: number | null;
  cvMaxPct: number | null;
  cvMinPct: number | null;
  meanBlank: number | null;
  nMax: number;
  nMin: number;
  signalWindow: number | null;
  signalWindowRatio: number | null;
  nWellsRateUndefined: number;
  nWellsSaturated: number;
  wellCount: number | null;
  detectorMax: number | null;
  flags: string[];
  error: string | null;
}

/** One analysed well, for heat maps and curve plots. */
export interface Ic50WellRow {
  plate: string;
  well: string;
  role: string;
  compound: string;
  conc_nM: number | null;
  rate: number | null;
  nReadsUsed: number;
  saturated: boolean;
  pctActivity: number | null;
  linearRangeRate?: number | null;
}

/** The `ic50.run` result: plate QC, curves per plate, pooled curves, and the wells behind them. */
export interface Ic50RunResult {
  plates: Ic50PlateRow[];
  curves: CurveRow[];
  pooled: PooledCurveRow[];
  wells: Ic50WellRow[];
}

const csvInput = { required: true, accept: ".csv,.txt,.tsv" } as const;

/** `ic50.run`: kinetic plate reads → well rates → plate QC → % activity → 4PL IC50 per compound. */
export const ic50RunKind: AnalysisKind<Ic50RunParameters, Ic50RunResult> = {
  id: "ic50.run",
  title: "Proteasome inhibition: plates to IC50",
  description:
    "Kinetic fluorescence reads → rates (RFU/min) → Z' and % activity per plate → four-parameter IC50 with 95 % CIs, per plate and pooled.",
  parameters: ic50RunParameters,
  inputs: [
    {
      name: "reads",
      format: "ic50-reads",
      description: "kinetic reads: long CSV plate,well,time_s,rfu or a plate reader's wide export",
      ...csvInput,
    },
    {
      name: "layout",
      format: "ic50-layout",
      description: "plate layout: CSV plate,well,role,compound,conc_nM or a plate-map grid",
      ...csvInput,
    },
    {
      name: "plates",
      format: "ic50-plates",
      description: "plate table: CSV plate,detector_max,…",
      ...csvInput,
    },
  ],
  command: ["ic50", "run"],
  async run(params, inputs, ctx) {
    // Bytes, not text: the readers detect UTF-16 and refuse binary files themselves.
    const reads = parseKineticReads(inputs.reads!.bytes, inputs.reads!.ref.name, { plate: params.plate });
    const layout = parsePlateLayout(inputs.layout!.bytes, inputs.layout!.ref.name);
    const plateTable = parsePlateTable(inputs.plates!.bytes, inputs.plates!.ref.name);
    const analysis = analysePlates(reads, layout, plateTable, {
      windowReads: params.windowReads,
      linearRange: params.linearRange,
      zPrimeThreshold: params.zPrimeThreshold,
    });
    const points = toNormalizedPoints(analysis.wells);
    const { curves, pooled } = await fitAllCurves(points, curveFitOptions(params), ctx);
    const warnings = [...analysis.warnings, ...analysis.plateErrors.map((e) => e.message)];
    return { result: { plates: plateRows(analysis), curves, pooled, wells: wellRows(analysis) }, warnings };
  },
};

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function plateRows(analysis: PlateAnalysis): Ic50PlateRow[] {
  const rows: Ic50PlateRow[] = analysis.plates.map((p) => ({
    plate: p.plate,
    zPrime: finite(p.zPrime),
    meanMax: finite(p.meanMax),
    meanMin: finite(p.meanMin),
    sdMax: finite(p.sdMax),
    sdMin: finite(p.sdMin),
    cvMaxPct: finite(p.cvMaxPct),
    cvMinPct: finite(p.cvMinPct),
    meanBlank: finite(p.meanBlank),
    nMax: p.nMax,
    nMin: p.nMin,
    signalWindow: finite(p.signalWindow),
    signalWindowRatio: finite(p.signalWindowRatio),
    nWellsRateUndefined: p.nWellsRateUndefined,
    nWellsSaturated: p.nWellsSaturated,
    wellCount: p.format,
    detectorMax: p.detectorMax,
    flags: p.lowZPrime
      ? [
          `Z' ${Number.isFinite(p.zPrime) ? p.zPrime.toFixed(3) : "undefined"} < ${analysis.options.zPrimeThreshold}`,
        ]
      : [],
    error: null,
  }));
  for (const e of analysis.plateErrors) {
    rows.push({
      plate: e.plate,
      zPrime: null,
      meanMax: null,
      meanMin: null,
      sdMax: null,
      sdMin: null,
      cvMaxPct: null,
      cvMinPct: null,
      meanBlank: null,
      nMax: 0,
      nMin: 0,
      signalWindow: null,
      signalWindowRatio: null,
      nWellsRateUndefined: 0,
      nWellsSaturated: 0,
      wellCount: null,
      detectorMax: null,
      flags: ["plate error"],
      error: e.message,
    });
  }
  return rows;
}

function wellRows(analysis: PlateAnalysis): Ic50WellRow[] {
  return analysis.wells.map((w) => ({
    plate: w.plate,
    well: w.well,
    role: w.role,
    compound: w.compound,
    conc_nM: finite(w.conc_nM),
    rate: finite(w.rateRfuPerMin),
    nReadsUsed: w.nReadsUsed,
    saturated: w.saturated,
    pctActivity: finite(w.pctActivity),
    ...(w.linearRange && { linearRangeRate: finite(w.linearRange.rateRfuPerMin) }),
  }));
}
