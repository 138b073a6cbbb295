import type { Diffractogram, Wavelength } from "../../core/analytics/xrpd/diffractogram.js";
import { FormatError } from "../../core/errors.js";

/** One step scan of a file: 2θ = start + i·step, counts as stored. */
export interface ScanRange {
  start: number;
  step: number;
  intensity: Float64Array;
  /** Counting time per step in seconds, when the file says. */
  timePerStep?: number;
  /** 2θ values a text file lists (rounded as printed); used instead of start + i·step. */
  listed?: Float64Array;
}

/**
 * Joins a file's ranges into one pattern. Several ranges that do not overlap are concatenated in 2θ order
 * (counts as stored, with a warning when their counting times differ); overlapping ranges keep the first.
 */
export function joinRanges(
  ranges: ScanRange[],
  wavelength: Wavelength | null,
  metadata: Record<string, string | number>,
  source: string,
): Diffractogram {
  if (ranges.length === 0) throw new FormatError(source, "ranges", "at least one range", "none");
  const warnings: string[] = [];
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const end = (r: ScanRange) => r.start + (r.intensity.length - 1) * r.step;
  let kept = sorted;
  if (sorted.some((r, i) => i > 0 && r.start <= end(sorted[i - 1]!))) {
    kept = [ranges[0]!];
    warnings.push(`${ranges.length} overlapping ranges: only the first is read`);
  } else if (ranges.length > 1) {
    warnings.push(`${ranges.length} ranges joined in 2θ order`);
    const times = new Set(ranges.map((r) => r.timePerStep));
    if (times.size > 1)
      warnings.push("the ranges have different counting times per step: counts are as stored");
  }
  const n = kept.reduce((s, r) => s + r.intensity.length, 0);
  const twoTheta = new Float64Array(n);
  const intensity = new Float64Array(n);
  let at = 0;
  for (const r of kept) {
    if (r.listed) twoTheta.set(r.listed, at);
    else for (let i = 0; i < r.intensity.length; i++) twoTheta[at + i] = r.start + i * r.step;
    intensity.set(r.intensity, at);
    at += r.intensity.length;
  }
  const first = kept[0]!;
  const meta: Record<string, string | number> = { ...metadata, ranges: ranges.length };
  if (first.timePerStep !== undefined && Number.isFinite(first.timePerStep))
    meta.timePerStep_s = first.timePerStep;
  return { twoTheta, intensity, wavelength, metadata: meta, warnings };
}
