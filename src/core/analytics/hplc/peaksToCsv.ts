import { csvDocument } from "../../csv.js";
import type { HplcPeak } from "./analyze.js";

const COLUMNS = [
  "peak",
  "name",
  "rt_min",
  "rrt",
  "type",
  "start_min",
  "end_min",
  "area",
  "height",
  "areaPercent",
  "rrf",
  "widthHalf_min",
  "width5_min",
  "plates",
  "tailing",
  "resolution",
  "signalToNoise",
] as const;

type PeakRow = Pick<HplcPeak, Exclude<(typeof COLUMNS)[number], "peak" | "rrf">> & { rrf?: number };

/** The peak table as CSV (RFC 4180) at full precision, in retention order, for LIMS and spreadsheets. */
export function peaksToCsv(peaks: readonly PeakRow[]): string {
  return csvDocument(
    COLUMNS,
    peaks.map((p, i) => [
      i + 1,
      p.name,
      p.rt_min,
      p.rrt,
      p.type,
      p.start_min,
      p.end_min,
      p.area,
      p.height,
      p.areaPercent,
      p.rrf ?? 1,
      p.widthHalf_min,
      p.width5_min,
      p.plates,
      p.tailing,
      p.resolution,
      p.signalToNoise,
    ]),
  );
}
