/**
 * Pure helpers of the interactive density: data values ↔ display positions through the bin edges the
 * server sent (no transform code in the browser), approximate quadrant counts from the 2-D histogram,
 * and the pseudocolour image.
 */
import { densityLevel } from "../../../reports/pseudocolour.js";
import type { DensityJson, Populations } from "./types.js";

/** Display position (0 bottom/left … 1 top/right) of a data value: linear within its bin, clamped. */
export function positionOf(edges: readonly number[], value: number): number {
  const bins = edges.length - 1;
  if (!(value > edges[0]!)) return 0;
  if (value >= edges[bins]!) return 1;
  let lo = 0;
  let hi = bins;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (value >= edges[mid]!) lo = mid;
    else hi = mid;
  }
  const e0 = edges[lo]!;
  const e1 = edges[lo + 1]!;
  return (lo + (e1 > e0 ? (value - e0) / (e1 - e0) : 0)) / bins;
}

/** The data value at a display position (inverse of {@link positionOf}). */
export function valueAt(edges: readonly number[], position: number): number {
  const bins = edges.length - 1;
  const p = Math.min(Math.max(position, 0), 1) * bins;
  const i = Math.min(Math.floor(p), bins - 1);
  return edges[i]! + (p - i) * (edges[i + 1]! - edges[i]!);
}

/** Share of each bin at or above a threshold: 1 above, 0 below, the fraction of the split bin. */
function positiveShare(edges: readonly number[], threshold: number): Float64Array {
  const bins = edges.length - 1;
  const share = new Float64Array(bins);
  const at = positionOf(edges, threshold) * bins;
  for (let i = 0; i < bins; i++) share[i] = Math.min(1, Math.max(0, i + 1 - at));
  return share;
}

/**
 * Quadrant counts estimated from the histogram: whole bins on either side of a threshold, the bin it
 * splits shared in proportion. Exact when both thresholds lie on bin edges. Events the histogram left
 * out (NaN) count as live, as the exact count (positive means ≥ threshold) treats them.
 */
export function approximateQuadrants(density: DensityJson, thresholds: [number, number]): Populations {
  const { bins, counts } = density;
  const sx = positiveShare(density.x.edges, thresholds[0]);
  const sy = positiveShare(density.y.edges, thresholds[1]);
  let early = 0;
  let late = 0;
  let necrotic = 0;
  for (let r = 0; r < bins; r++) {
    const py = sy[r]!;
    for (let c = 0; c < bins; c++) {
      const n = counts[r * bins + c]!;
      if (n === 0) continue;
      const px = sx[c]!;
      late += n * px * py;
      early += n * px * (1 - py);
      necrotic += n * (1 - px) * py;
    }
  }
  const total = density.gatedEvents;
  const live = total - early - late - necrotic;
  const population = (count: number) => ({ count, percent: total > 0 ? (100 * count) / total : 0 });
  return {
    live: population(live),
    earlyApoptotic: population(early),
    lateApoptotic: population(late),
    necrotic: population(necrotic),
  };
}

/** RGBA pixels of the density (image row 0 = the top y bin) in the shared pseudocolour palette. */
export function densityPixels(density: DensityJson, palette: Uint8Array): Uint8ClampedArray<ArrayBuffer> {
  const { bins, counts, maxCount } = density;
  const rgba = new Uint8ClampedArray(bins * bins * 4);
  for (let r = 0; r < bins; r++) {
    const row = (bins - 1 - r) * bins;
    for (let c = 0; c < bins; c++) {
      const level = densityLevel(counts[row + c]!, maxCount);
      rgba.set(palette.subarray(4 * level, 4 * level + 4), 4 * (r * bins + c));
    }
  }
  return rgba;
}

/** A threshold as text: enough significant digits to tell positions one bin apart. */
export function formatThreshold(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  return abs >= 1000 ? value.toFixed(0) : abs >= 1 ? value.toPrecision(4) : value.toPrecision(3);
}
