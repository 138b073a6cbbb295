import { crossing } from "../../signal/index.js";

/**
 * USP <621> system-suitability figures. Widths are measured on the peak's own profile above its baseline,
 * crossing points linearly interpolated between samples.
 */

/** Plate count N = 5.54 (tR / W½)² (USP <621>, half-height method; 5.54 = 8 ln 2). */
export function platesUsp(rt_min: number, widthHalf_min: number): number {
  return 5.54 * (rt_min / widthHalf_min) ** 2;
}

/** Tailing (symmetry) factor T = W0.05 / (2 f): width at 5 % height over twice its front half. */
export function tailingUsp(width5_min: number, front5_min: number): number {
  return width5_min / (2 * front5_min);
}

/** Resolution Rs = 1.18 (t2 − t1) / (W½,1 + W½,2) between two peaks (USP <621>, half-height widths). */
export function resolutionUsp(
  rt1_min: number,
  rt2_min: number,
  widthHalf1_min: number,
  widthHalf2_min: number,
): number {
  return (1.18 * (rt2_min - rt1_min)) / (widthHalf1_min + widthHalf2_min);
}

/** Signal-to-noise S/N = 2H / h, h the peak-to-peak noise of a blank region (USP <621>). */
export function signalToNoiseUsp(height: number, noisePeakToPeak: number): number {
  return (2 * height) / noisePeakToPeak;
}

/** The leading and trailing times where a peak profile crosses `fraction` of its height. */
export interface PeakWidthAt {
  left_min: number;
  right_min: number;
}

/**
 * Times where `profile` (signal above the peak's baseline) falls to `fraction × height` on either side of
 * the apex sample, searching no further than `from`/`to`; null when a side is not crossed there (a
 * neighbour's valley is higher than that level).
 */
export function widthAt(
  t: Float64Array,
  profile: ArrayLike<number>,
  apex: number,
  height: number,
  fraction: number,
  from: number,
  to: number,
): PeakWidthAt | null {
  const level = fraction * height;
  const right = crossing(t, profile, apex, 1, level, to);
  const left = crossing(t, profile, apex, -1, level, from);
  return left === null || right === null ? null : { left_min: left, right_min: right };
}
