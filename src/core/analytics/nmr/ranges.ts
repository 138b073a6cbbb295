import type { PickedPeak } from "./peaks.js";

/** An integration range with its multiplet description. */
export interface IntegrationRange {
  /** High-ppm edge. */
  from: number;
  /** Low-ppm edge. */
  to: number;
  /** Raw integral Σ y·|Δppm| (spectrum units × ppm). */
  rawIntegral: number;
  /** Multiplet centre: the height-weighted mean of its lines' positions, ppm. */
  centre: number;
  /** Picked peaks inside the range, high ppm first. */
  peaks: number[];
  /** s, d, t, q for 1–4 picked lines, m for more (from the line count only). */
  multiplicity: string;
  /**
   * Set when the residual solvent line sits inside this compound range: the raw integral attributed to
   * it ({@link residualShare}), excluded from the range's reported integral.
   */
  solventIntegral?: number;
}

/** Options of {@link findRanges}. */
export interface RangeOptions {
  /** Peaks closer than this many points belong to one multiplet (the largest coupling to expect). */
  clusterGapPoints: number;
  /** A range extends from its outer lines until y falls below this fraction of its smallest line… */
  edgeFraction: number;
  /** …or below this level (spectrum units, e.g. 2 σ of the noise), whichever is higher… */
  edgeLevel: number;
  /** …but at least this many points beyond the outer lines (e.g. 10 line widths). */
  minExtentPoints: number;
  /**
   * Neighbouring multiplets whose valley stays above this fraction of the lower one's tallest line are
   * one range: the lower is a shoulder (a spinning sideband, a wing bump) of the higher, and a range edge
   * there would cut the higher signal's wing. 0.5 when not given.
   */
  shoulderFraction?: number;
}

/**
 * Automatic integration ranges from the picked peaks: peaks closer than `clusterGapPoints` form one
 * multiplet; its range runs outwards from the outer lines while y stays above max(`edgeFraction` × the
 * smallest line, `edgeLevel`) and is still falling, and at least `minExtentPoints` beyond them, but never
 * past half-way to the next multiplet. A multiplet whose valley to a taller neighbour stays above
 * `shoulderFraction` of its own tallest line is that neighbour's shoulder (a spinning sideband at ± the
 * spinning rate, a bump on a badly shimmed wing): it joins the neighbour's range but not its line count,
 * centre or edge level, so no range edge cuts a strong signal's wing. A
 * Lorentzian line loses ~4.5 % of its area outside the ±14 half-widths reached at `edgeFraction` 0.005,
 * the same fraction for every line of equal width, so ratios of integrals are kept.
 */
export function findRanges(
  y: Float64Array,
  firstPpm: number,
  stepPpm: number,
  peaks: readonly PickedPeak[],
  options: RangeOptions,
): IntegrationRange[] {
  const n = y.length;
  const sorted = [...peaks].sort((p, q) => p.index - q.index);
  const clusters: PickedPeak[][] = [];
  for (const p of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && p.index - last[last.length - 1]!.index <= options.clusterGapPoints) last.push(p);
    else clusters.push([p]);
  }
  const mains = mergeShoulders(y, clusters, options.shoulderFraction ?? 0.5);
  const bounds: [number, number][] = [];
  clusters.forEach((c, k) => {
    const first = c[0]!.index;
    const lastIndex = c[c.length - 1]!.index;
    const level = Math.max(
      options.edgeLevel,
      options.edgeFraction * Math.min(...mains[k]!.map((p) => p.height)),
    );
    const prevLimit =
      k > 0 ? Math.ceil((clusters[k - 1]![clusters[k - 1]!.length - 1]!.index + first) / 2) : 0;
    const nextLimit =
      k < clusters.length - 1 ? Math.floor((lastIndex + clusters[k + 1]![0]!.index) / 2) : n - 1;
    let a = first;
    while (
      a > prevLimit &&
      ((y[a - 1]! > level && y[a - 1]! <= y[a]! * 1.05) || first - a < options.minExtentPoints)
    )
      a--;
    let b = lastIndex;
    while (
      b < nextLimit &&
      ((y[b + 1]! > level && y[b + 1]! <= y[b]! * 1.05) || b - lastIndex < options.minExtentPoints)
    )
      b++;
    bounds.push([a, b]);
  });
  return bounds.map(([a, b], k) => {
    const ppmA = firstPpm + a * stepPpm;
    const ppmB = firstPpm + b * stepPpm;
    const from = Math.max(ppmA, ppmB);
    const to = Math.min(ppmA, ppmB);
    const lines = mains[k]!.map((p) => p.ppm).sort((u, v) => v - u);
    return {
      from,
      to,
      rawIntegral: integrate(y, firstPpm, stepPpm, from, to),
      centre: centreOf(mains[k]!),
      peaks: lines,
      multiplicity: ["s", "d", "t", "q"][lines.length - 1] ?? "m",
    };
  });
}

/**
 * Σ y·|Δppm| over the points whose ppm lies within [to, from] (either order), with the edge points
 * weighted by the part of their cell inside the range, so integrals vary smoothly with the limits.
 */
export function integrate(
  y: Float64Array,
  firstPpm: number,
  stepPpm: number,
  from: number,
  to: number,
): number {
  const hi = Math.max(from, to);
  const lo = Math.min(from, to);
  const h = Math.abs(stepPpm);
  // point i covers the cell [ppm_i − h/2, ppm_i + h/2]
  const iA = (hi - firstPpm) / stepPpm;
  const iB = (lo - firstPpm) / stepPpm;
  const start = Math.max(0, Math.floor(Math.min(iA, iB) - 1));
  const end = Math.min(y.length - 1, Math.ceil(Math.max(iA, iB) + 1));
  let sum = 0;
  for (let i = start; i <= end; i++) {
    const c = firstPpm + i * stepPpm;
    const overlap = Math.min(hi, c + h / 2) - Math.max(lo, c - h / 2);
    if (overlap > 0) sum += y[i]! * overlap;
  }
  return sum;
}

/**
 * Joins neighbouring clusters (in place) whose valley stays at or above `fraction` of the lower one's
 * tallest line. @returns for each remaining cluster its main lines: those of the taller part.
 */
function mergeShoulders(y: Float64Array, clusters: PickedPeak[][], fraction: number): PickedPeak[][] {
  const top = (c: readonly PickedPeak[]) => Math.max(...c.map((p) => p.height));
  const mains = clusters.map((c) => c);
  for (let k = 0; k < clusters.length - 1; ) {
    const a = clusters[k]!;
    const b = clusters[k + 1]!;
    let valley = Number.POSITIVE_INFINITY;
    for (let i = a[a.length - 1]!.index; i <= b[0]!.index; i++) if (y[i]! < valley) valley = y[i]!;
    if (valley >= fraction * Math.min(top(a), top(b))) {
      clusters.splice(k, 2, [...a, ...b]);
      mains.splice(k, 2, top(mains[k]!) >= top(mains[k + 1]!) ? mains[k]! : mains[k + 1]!);
    } else k++;
  }
  return mains;
}

function centreOf(lines: readonly PickedPeak[]): number {
  let w = 0;
  let c = 0;
  for (const p of lines) {
    w += p.height;
    c += p.height * p.ppm;
  }
  return c / w;
}
