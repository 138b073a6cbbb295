import { InputError } from "../../errors.js";
import type { DosingEvent } from "../events.js";
import type { PkModel } from "../model.js";
import { exactAuc, simulateConcentrations } from "../simulate.js";
import {
  addProfiles,
  type ConcentrationHistogram,
  createConcentrationHistogram,
  type HistogramSpec,
  histogramPercentile,
  mergeHistograms,
} from "./concentrationHistogram.js";

/** What to simulate for a population (all plain data, so it can be posted to a worker thread). */
export interface PopulationInput {
  model: PkModel;
  /** Individual parameters, one full record per subject (`sampleSubjects`, `subjectsFromTable`). */
  subjects: readonly Record<string, number>[];
  /** The regimen every subject receives. */
  events: readonly DosingEvent[];
  /** Output times, h, sorted: the grid for Cmax, Tmax and the percentiles. */
  times_h: Float64Array;
  /** Windows [t0, t1], h, for each subject's exact AUC. */
  aucWindows: readonly (readonly [number, number])[];
  /** Percentile bins; see {@link HistogramSpec}. */
  histogram?: Partial<HistogramSpec>;
}

/**
 * The mergeable partial result of simulating subjects `start … start + count − 1`: their exposures and a
 * concentration histogram per time. Typed arrays in a plain object: transferable between threads.
 */
export interface PopulationChunk {
  start: number;
  count: number;
  nWindows: number;
  /** Exact AUC per subject and window, ng·h/mL, row-major count × nWindows. */
  auc_ng_h_mL: Float64Array;
  /** Largest concentration on the output grid, ng/mL. */
  cmax_ng_mL: Float64Array;
  /** First grid time of that maximum, h. */
  tmax_h: Float64Array;
  histogram: ConcentrationHistogram;
}

/** A simulated population: per-subject exposure and concentration percentiles over time. */
export interface PopulationResult {
  n: number;
  aucWindows: [number, number][];
  auc_ng_h_mL: Float64Array;
  cmax_ng_mL: Float64Array;
  tmax_h: Float64Array;
  percentiles: {
    levels: number[];
    times_h: Float64Array;
    /** One array per level, one value per time, ng/mL. */
    conc_ng_mL: Float64Array[];
    /** How they were computed and how exact they are. */
    method: string;
  };
}

/** Subjects per block: their profiles (block × nTimes doubles) are binned together, time by time. */
const BLOCK = 64;

/** @default [5, 50, 95] */
export const POPULATION_DEFAULTS = { percentiles: [5, 50, 95] } as const;

/**
 * Simulates subjects `start … end − 1` of `input`: concentrations on the grid (closed form), exact AUC
 * per window, Cmax/Tmax on the grid, and the concentration histogram. Holds at most 64 profiles at a
 * time. Chunks from different threads combine with {@link mergePopulationChunks}.
 * @throws InputError for a bad range; the errors of `simulateConcentrations`/`exactAuc`, with the
 *   subject's index, for bad parameters, events, times or windows
 * @example simulatePopulationChunk(input, 0, 5000)
 */
export function simulatePopulationChunk(input: PopulationInput, start: number, end: number): PopulationChunk {
  if (
    !(
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      0 <= start &&
      start <= end &&
      end <= input.subjects.length
    )
  ) {
    throw new InputError(`subjects ${start}…${end}: expected 0 ≤ start ≤ end ≤ ${input.subjects.length}`);
  }
  const { model, events, times_h } = input;
  const windows = input.aucWindows as [number, number][];
  const nTimes = times_h.length;
  const nWindows = windows.length;
  const count = end - start;
  const chunk: PopulationChunk = {
    start,
    count,
    nWindows,
    auc_ng_h_mL: new Float64Array(count * nWindows),
    cmax_ng_mL: new Float64Array(count),
    tmax_h: new Float64Array(count),
    histogram: createConcentrationHistogram(nTimes, input.histogram),
  };
  const block = new Float64Array(Math.min(BLOCK, Math.max(count, 1)) * nTimes);
  for (let b = 0; b < count; b += BLOCK) {
    const inBlock = Math.min(BLOCK, count - b);
    for (let j = 0; j < inBlock; j++) {
      const i = b + j;
      const params = input.subjects[start + i]!;
      try {
        const profile = simulateConcentrations(
          model,
          params,
          events,
          times_h,
          block.subarray(j * nTimes, (j + 1) * nTimes),
        );
        let imax = 0;
        for (let t = 1; t < nTimes; t++) if (profile[t]! > profile[imax]!) imax = t;
        chunk.cmax_ng_mL[i] = nTimes > 0 ? profile[imax]! : Number.NaN;
        chunk.tmax_h[i] = nTimes > 0 ? times_h[imax]! : Number.NaN;
        if (nWindows > 0) chunk.auc_ng_h_mL.set(exactAuc(model, params, events, windows), i * nWindows);
      } catch (error) {
        if (error instanceof Error) error.message = `subject ${start + i + 1}: ${error.message}`;
        throw error;
      }
    }
    addProfiles(chunk.histogram, block, inBlock);
  }
  return chunk;
}

/**
 * Combines chunks covering consecutive subject ranges (in any order) into one: exposures concatenated
 * in subject order, histograms added.
 * @throws InputError when the chunks leave a gap or overlap, or differ in windows or bins
 * @example mergePopulationChunks([chunkA, chunkB])
 */
export function mergePopulationChunks(chunks: readonly PopulationChunk[]): PopulationChunk {
  if (chunks.length === 0) throw new InputError("no population chunks to merge");
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  const first = sorted[0]!;
  const nWindows = first.nWindows;
  let count = 0;
  for (const c of sorted) {
    if (c.start !== first.start + count) {
      throw new InputError(
        `population chunks: expected one starting at subject ${first.start + count}, found ${c.start}`,
      );
    }
    if (c.nWindows !== nWindows) throw new InputError("population chunks differ in their AUC windows");
    count += c.count;
  }
  const histogram = createConcentrationHistogram(first.histogram.nTimes, first.histogram.spec);
  const merged: PopulationChunk = {
    start: first.start,
    count,
    nWindows,
    auc_ng_h_mL: new Float64Array(count * nWindows),
    cmax_ng_mL: new Float64Array(count),
    tmax_h: new Float64Array(count),
    histogram,
  };
  for (const c of sorted) {
    const at = c.start - first.start;
    merged.auc_ng_h_mL.set(c.auc_ng_h_mL, at * nWindows);
    merged.cmax_ng_mL.set(c.cmax_ng_mL, at);
    merged.tmax_h.set(c.tmax_h, at);
    mergeHistograms(histogram, c.histogram);
  }
  return merged;
}

/**
 * Turns a (merged) chunk into the population result: exposures as they are, percentiles over time from
 * the histogram ({@link histogramPercentile}).
 * @throws InputError for a percentile outside 0–100
 */
export function summarizePopulation(
  chunk: PopulationChunk,
  times_h: Float64Array,
  aucWindows: readonly (readonly [number, number])[],
  percentiles: readonly number[] = POPULATION_DEFAULTS.percentiles,
): PopulationResult {
  const spec = chunk.histogram.spec;
  return {
    n: chunk.count,
    aucWindows: aucWindows.map(([a, b]) => [a, b]),
    auc_ng_h_mL: chunk.auc_ng_h_mL,
    cmax_ng_mL: chunk.cmax_ng_mL,
    tmax_h: chunk.tmax_h,
    percentiles: {
      levels: [...percentiles],
      times_h,
      conc_ng_mL: percentiles.map((p) => histogramPercentile(chunk.histogram, p)),
      method:
        `type-7 percentiles estimated from log-linear histograms (${1 << spec.mantissaBits} bins per octave, ` +
        `2^${spec.minExponent}–2^${spec.maxExponent} ng/mL): within one bin (≤ ${(100 / (1 << spec.mantissaBits)).toFixed(1)} %) ` +
        "of the order statistics around the rank",
    },
  };
}

/**
 * Simulates a population on one thread: {@link simulatePopulationChunk} over all subjects, then
 * {@link summarizePopulation}. Memory is bounded by the histogram (nTimes × bins × 4 bytes) and the
 * per-subject exposures, not by subjects × times. For several threads, run chunks on workers and merge.
 * @param input.percentiles levels 0–100, @default [5, 50, 95]
 * @throws InputError as {@link simulatePopulationChunk} does
 * @example simulatePopulation({ model, subjects, events, times_h, aucWindows: [[0, 168]], percentiles: [5, 50, 95] })
 */
export function simulatePopulation(
  input: PopulationInput & { percentiles?: readonly number[] },
): PopulationResult {
  const chunk = simulatePopulationChunk(input, 0, input.subjects.length);
  return summarizePopulation(
    chunk,
    input.times_h,
    input.aucWindows,
    input.percentiles ?? POPULATION_DEFAULTS.percentiles,
  );
}
