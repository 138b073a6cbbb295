import { InputError } from "../../errors.js";
import { percentileInPlace } from "../../stats/orderStatistics.js";

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
  // Branch-free counting (`+(x >= t)` is 0 or 1): the positives of each channel and of both give the
  // four quadrants; unpredictable branches on real data cost ten times as much.
  let gated = 0;
  let annexinPositive = 0;
  let piPositive = 0;
  let both = 0;
  if (keep) {
    for (let i = 0; i < n; i++) {
      const k = +(keep[i]! !== 0);
      const x = k & +(annexin[i]! >= ta);
      const y = k & +(pi[i]! >= tp);
      gated += k;
      annexinPositive += x;
      piPositive += y;
      both += x & y;
    }
  } else {
    gated = n;
    for (let i = 0; i < n; i++) {
      const x = +(annexin[i]! >= ta);
      const y = +(pi[i]! >= tp);
      annexinPositive += x;
      piPositive += y;
      both += x & y;
    }
  }
  const population = (count: number) => ({ count, percent: gated > 0 ? (100 * count) / gated : 0 });
  return {
    events: n,
    gatedEvents: gated,
    populations: {
      live: population(gated - annexinPositive - piPositive + both),
      earlyApoptotic: population(annexinPositive - both),
      lateApoptotic: population(both),
      necrotic: population(piPositive - both),
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
  // NaN (an unreadable event) would defeat ordering; it cannot set a threshold.
  const finite = Float64Array.from(values).filter((v) => !Number.isNaN(v));
  if (finite.length === 0) throw new InputError("control: no events with a value");
  return percentileInPlace(finite, percentile);
}
