import { InputError } from "../../errors.js";

/** One quadrant population: events and their share of the gated events (%). */
export interface PopulationCount {
  count: number;
  percent: number;
}

/** The four Annexin V / PI populations of an apoptosis assay. */
export interface ApoptosisCounts {
  events: number;
  gatedEvents: number;
  populations: {
    /** Annexin V− PI− */
    live: PopulationCount;
    /** Annexin V+ PI− */
    earlyApoptotic: PopulationCount;
    /** Annexin V+ PI+ */
    lateApoptotic: PopulationCount;
    /** Annexin V− PI+ */
    necrotic: PopulationCount;
  };
}

/**
 * Counts the Annexin V × PI quadrants (positive means ≥ threshold) among the events a gate keeps, in
 * compensated scale units; percentages are of the gated events.
 * @param keep optional mask of the events to count (e.g. FSC-A ≥ a debris cut-off)
 * @throws InputError when the arrays differ in length or a threshold is not finite.
 * @example countApoptosis(annexin, pi, [500, 300]).populations.earlyApoptotic.percent
 */
export function countApoptosis(
  annexin: ArrayLike<number>,
  pi: ArrayLike<number>,
  thresholds: readonly [number, number],
  keep?: Uint8Array,
): ApoptosisCounts {
  const n = annexin.length;
  if (pi.length !== n || (keep && keep.length !== n))
    throw new InputError("apoptosis: channels of different lengths");
  const [ta, tp] = thresholds;
  if (!Number.isFinite(ta) || !Number.isFinite(tp))
    throw new InputError(`apoptosis: thresholds must be finite, found ${ta}, ${tp}`);
  // Quadrant index 2·(PI+) + (Annexin+): 0 live, 1 early, 3 late, 2 necrotic. Separate loops with and
  // without a mask keep the hot loop branch-free.
  const counts = new Float64Array(4);
  let gated = n;
  if (keep) {
    gated = 0;
    for (let i = 0; i < n; i++) {
      const k = keep[i]! !== 0 ? 1 : 0;
      gated += k;
      counts[(pi[i]! >= tp ? 2 : 0) | (annexin[i]! >= ta ? 1 : 0)]! += k;
    }
  } else {
    for (let i = 0; i < n; i++) counts[(pi[i]! >= tp ? 2 : 0) | (annexin[i]! >= ta ? 1 : 0)]!++;
  }
  const population = (count: number) => ({ count, percent: gated > 0 ? (100 * count) / gated : 0 });
  return {
    events: n,
    gatedEvents: gated,
    populations: {
      live: population(counts[0]!),
      earlyApoptotic: population(counts[1]!),
      lateApoptotic: population(counts[3]!),
      necrotic: population(counts[2]!),
    },
  };
}

/**
 * A positivity threshold from a negative (unstained or single-stain) control: the given percentile of the
 * control's values (linear interpolation between order statistics, R type 7), so that about
 * (100 − percentile) % of negative events fall above it.
 * @default percentile 99.5
 * @throws InputError for an empty control or a percentile outside (0, 100).
 */
export function controlThreshold(values: ArrayLike<number>, percentile = 99.5): number {
  if (values.length === 0) throw new InputError("control: no events");
  if (!(percentile > 0 && percentile < 100))
    throw new InputError(`control percentile: expected 0–100, found ${percentile}`);
  const sorted = Float64Array.from(values).sort();
  const h = ((sorted.length - 1) * percentile) / 100;
  const lo = Math.floor(h);
  return (
    sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!)
  );
}
