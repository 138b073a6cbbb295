import type { CurveFitOptions } from "../core/assays/ic50/fitCurve.js";
import { type CurveGroup, fitCurveGroups } from "../core/assays/ic50/fitCurves.js";
import { type DosingEvent, findPkModel } from "../core/pk/index.js";
import { type PopulationChunk, simulatePopulationChunk } from "../core/pk/population/index.js";

/** What every chunk of a population simulation shares; the model travels by id. */
export interface PopulationChunkPayload {
  modelId: string;
  events: DosingEvent[];
  times_h: Float64Array;
  aucWindows: [number, number][];
}

/** Simulates one chunk of subjects; the chunk keeps its first subject's index so chunks merge in order. */
export function simulatePopulationItems(
  items: { index: number; parameters: Record<string, number> }[],
  payload: PopulationChunkPayload,
): PopulationChunk[] {
  const model = findPkModel(payload.modelId);
  const chunk = simulatePopulationChunk(
    {
      model,
      subjects: items.map((i) => i.parameters),
      events: payload.events,
      times_h: payload.times_h,
      aucWindows: payload.aucWindows,
    },
    0,
    items.length,
  );
  return [{ ...chunk, start: items[0]?.index ?? 0 }];
}

/**
 * Pure functions that may run in worker threads, by name: each takes a chunk of items and a shared
 * payload and returns an array; the pool concatenates the chunks' arrays in order (one result per item
 * for curve fits, one mergeable partial state per chunk for populations). Workers import only this module.
 */
export const PARALLEL_TASKS = {
  "ic50.fitCurveGroups": (groups: CurveGroup[], options: CurveFitOptions) => fitCurveGroups(groups, options),
  "pk.populationChunk": simulatePopulationItems,
} as const;

/** The name of a parallel task. */
export type ParallelTaskName = keyof typeof PARALLEL_TASKS;
