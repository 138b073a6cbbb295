import { confidenceBand } from "../core/assays/ic50/confidenceBand.js";
import type { CurveRow, PooledCurveRow } from "../core/assays/ic50/fitCurves.js";
import { plotDoseResponse } from "../core/assays/ic50/plotDoseResponse.js";
import { plotPlateHeatmap } from "../core/assays/ic50/plotPlateHeatmap.js";
import { NotFoundError } from "../core/errors.js";

/** The parts of an `ic50.run` or `ic50.fit` result the plots need. */
export interface Ic50PlotSource {
  curves: CurveRow[];
  pooled: PooledCurveRow[];
  /** `ic50.run`: every analysed well. */
  wells?: {
    plate: string;
    well: string;
    role: string;
    compound: string;
    conc_nM: number | null;
    rate: number | null;
    pctActivity: number | null;
  }[];
  /** `ic50.fit`: the points fitted. */
  points?: { plate: string; well: string; compound: string; conc_nM: number; pctActivity: number }[];
  plates?: { plate: string; wellCount: number | null; error?: string | null }[];
}

/** The sample points of one curve (plate "pooled" for all plates), in fit order. */
export function curvePoints(source: Ic50PlotSource, plate: string, compound: string) {
  const all =
    source.points ??
    (source.wells ?? [])
      .filter((w) => w.role === "sample" && w.pctActivity !== null && w.conc_nM !== null)
      .map((w) => ({
        plate: w.plate,
        well: w.well,
        compound: w.compound,
        conc_nM: w.conc_nM ?? 0,
        pctActivity: w.pctActivity ?? 0,
      }));
  return all.filter((p) => p.compound === compound && (plate === "pooled" || p.plate === plate));
}

/** Finds a curve by plate ("pooled" for pooled curves) and compound. @throws NotFoundError */
export function findCurve(
  source: Ic50PlotSource,
  plate: string,
  compound: string,
): CurveRow | PooledCurveRow {
  const curve =
    plate === "pooled"
      ? source.pooled.find((c) => c.compound === compound)
      : source.curves.find((c) => c.plate === plate && c.compound === compound);
  if (!curve) throw new NotFoundError("curve", `${plate}|${compound}`);
  return curve;
}

/** The dose-response SVG of one curve: points (outliers hollow), the 4PL and its 95 % band. */
export function curveSvg(source: Ic50PlotSource, plate: string, compound: string): string {
  const curve = findCurve(source, plate, compound);
  const points = curvePoints(source, plate, compound);
  const outlierWells = new Set(curve.outlierWells);
  const outliers = points.flatMap((p, i) => (outlierWells.has(`${p.plate}:${p.well}`) ? [i] : []));
  const fit =
    curve.class === "active" &&
    curve.top !== null &&
    curve.bottom !== null &&
    curve.log10Ic50 !== null &&
    curve.hill !== null
      ? { top: curve.top, bottom: curve.bottom, log10Ic50: curve.log10Ic50, hill: curve.hill }
      : null;
  const used = points.filter((_, i) => !outliers.includes(i));
  const positive = used.map((p) => p.conc_nM).filter((c) => c > 0);
  let band = null;
  if (fit && positive.length > 0) {
    const lo = Math.log10(Math.min(...positive)) - 0.5;
    const hi = Math.log10(Math.max(...positive)) + 0.5;
    const grid = Float64Array.from({ length: 61 }, (_, i) => 10 ** (lo + ((hi - lo) * i) / 60));
    const b = confidenceBand(
      fit,
      used.map((p) => p.conc_nM),
      used.map((p) => p.pctActivity),
      grid,
    );
    if (b) band = { conc_nM: grid, lower: b.lower, upper: b.upper };
  }
  return plotDoseResponse({
    title: `${compound} — ${plate === "pooled" ? "pooled" : plate}`,
    conc_nM: points.map((p) => p.conc_nM),
    pctActivity: points.map((p) => p.pctActivity),
    outliers,
    fit,
    band,
    label: ic50Label(curve),
  });
}

/** "IC50 13.4 nM", "IC50 > 10000 nM" or the class when there is no IC50. */
export function ic50Label(curve: CurveRow | PooledCurveRow): string {
  if (curve.ic50_nM === null) return curve.class.replace("_", " ");
  const value = Number(curve.ic50_nM.toPrecision(3));
  return curve.ic50Qualifier === ">" ? `IC50 > ${value} nM` : `IC50 ${value} nM`;
}

/** The heat map of one plate's rates (RFU/min) or % activity. @throws NotFoundError */
export function heatmapSvg(source: Ic50PlotSource, plate: string, value: "rate" | "pct"): string {
  const wells = (source.wells ?? []).filter((w) => w.plate === plate);
  if (wells.length === 0) throw new NotFoundError("plate", plate);
  const declared = source.plates?.find((p) => p.plate === plate)?.wellCount;
  const wellCount = declared === 96 || declared === 1536 ? declared : 384;
  const unit = value === "rate" ? "RFU/min" : "% activity";
  return plotPlateHeatmap(
    `${plate}: ${value === "rate" ? "rate" : "% activity"}`,
    wells.map((w) => {
      const v = value === "rate" ? w.rate : w.pctActivity;
      return {
        well: w.well,
        value: v ?? Number.NaN,
        label: `${w.well} ${w.role} ${w.compound}${w.conc_nM !== null ? ` ${w.conc_nM} nM` : ""}: ${v === null ? "undefined" : v.toFixed(value === "rate" ? 1 : 1)} ${unit}`,
      };
    }),
    wellCount,
    unit,
  );
}
