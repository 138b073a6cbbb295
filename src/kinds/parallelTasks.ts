import type { CurveFitOptions } from "../core/assays/ic50/fitCurve.js";
import { type CurveGroup, fitCurveGroup } from "../core/assays/ic50/fitCurves.js";

/**
 * Pure functions that may run in worker threads, by name: each takes a chunk of items and a shared
 * payload and returns one result per item, in order. Worker threads import only this module.
 */
export const PARALLEL_TASKS = {
  "ic50.fitCurveGroups": (groups: CurveGroup[], options: CurveFitOptions) =>
    groups.map((group) => fitCurveGroup(group, options)),
} as const;

/** The name of a parallel task. */
export type ParallelTaskName = keyof typeof PARALLEL_TASKS;
