import { InputError } from "../../errors.js";
import type { IsotopeSticks } from "./fineStructure.js";

/** How fine-structure sticks are merged into the peaks an instrument shows. */
export interface CentroidOptions {
  /** Merge sticks closer than this (Th) to their neighbour. */
  mergeDa?: number;
  /** Resolving power m/Δm (FWHM): merge sticks closer than m/z ÷ R to their neighbour. */
  resolution?: number;
}

/**
 * Merges neighbouring sticks (sorted by m/z) into centroids: single linkage — a stick joins the current
 * group when its gap to the previous stick is at most the tolerance (`mergeDa`, or m/z ÷ `resolution`
 * for one FWHM). A centroid's m/z is the probability-weighted mean and its probability the sum, so the
 * mean mass and total probability are kept exactly. With neither option the sticks are returned as is.
 * @throws InputError when both options are given or one is not positive.
 */
export function centroidSticks(sticks: IsotopeSticks, options: CentroidOptions = {}): IsotopeSticks {
  const { mergeDa, resolution } = options;
  if (mergeDa !== undefined && resolution !== undefined)
    throw new InputError("give either a merge width (Da) or a resolution, not both");
  if (mergeDa !== undefined && !(mergeDa >= 0))
    throw new InputError(`merge width: expected ≥ 0 Da, found ${mergeDa}`);
  if (resolution !== undefined && !(resolution > 0))
    throw new InputError(`resolution: expected > 0, found ${resolution}`);
  if (mergeDa === undefined && resolution === undefined) return sticks;
  const n = sticks.mz.length;
  const mz: number[] = [];
  const probability: number[] = [];
  let sumP = 0;
  let sumPM = 0;
  for (let i = 0; i < n; i++) {
    const m = sticks.mz[i]!;
    const p = sticks.probability[i]!;
    if (i > 0) {
      const previous = sticks.mz[i - 1]!;
      const tolerance = mergeDa ?? previous / resolution!;
      if (m - previous > tolerance) {
        mz.push(sumPM / sumP);
        probability.push(sumP);
        sumP = 0;
        sumPM = 0;
      }
    }
    sumP += p;
    sumPM += p * m;
  }
  if (n > 0) {
    mz.push(sumPM / sumP);
    probability.push(sumP);
  }
  return { mz: Float64Array.from(mz), probability: Float64Array.from(probability) };
}
