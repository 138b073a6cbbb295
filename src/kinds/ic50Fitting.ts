import { z } from "zod";
import type { CurveFitOptions } from "../core/assays/ic50/fitCurve.js";
import {
  type CurveRow,
  fitCurveGroups,
  groupCurves,
  type PooledCurveRow,
  splitCurveRows,
} from "../core/assays/ic50/fitCurves.js";
import type { NormalizedPoint } from "../core/assays/ic50/plates.js";
import type { RunContext } from "./kind.js";

/** Curve-fit parameters shared by `ic50.run` and `ic50.fit` (DEFINITIONS.md §4–6). */
export const curveFitParameters = {
  profileCi: z
    .boolean()
    .default(false)
    .describe("also compute profile-likelihood 95 % CIs of log10 IC50 (Prism's criterion)"),
  outliers: z
    .enum(["none", "rout"])
    .default("none")
    .describe(
      "flag outliers with ROUT (Motulsky & Brown 2006) and refit without them; flagged wells are listed",
    ),
  routQ: z.number().gt(0).lt(0.5).default(0.01).describe("ROUT false-discovery rate Q (0.01 = 1 %)"),
  fixTop: z.number().optional().describe("fix the top plateau (% activity at x → 0) instead of fitting it"),
  fixBottom: z
    .number()
    .optional()
    .describe("fix the bottom plateau (% activity at x → ∞) instead of fitting it"),
};

/** The fit options of the core from the kinds' parameters. */
export function curveFitOptions(p: {
  profileCi: boolean;
  outliers: "none" | "rout";
  routQ: number;
  fixTop?: number | undefined;
  fixBottom?: number | undefined;
}) {
  return {
    profileCi: p.profileCi,
    outliers: p.outliers,
    routQ: p.routQ,
    ...(p.fixTop !== undefined && { fixTop: p.fixTop }),
    ...(p.fixBottom !== undefined && { fixBottom: p.fixBottom }),
  };
}

/** Below this many curves a screen is fitted in the calling thread: starting workers costs more. */
const PARALLEL_MIN_CURVES = 200;

/**
 * Fits all curves of the points, in worker threads when the context offers them and the screen is
 * large, reporting progress per curve.
 */
export async function fitAllCurves(
  points: readonly NormalizedPoint[],
  options: CurveFitOptions,
  ctx: RunContext,
): Promise<{ curves: CurveRow[]; pooled: PooledCurveRow[] }> {
  const groups = groupCurves(points);
  const progress = (done: number) => ctx.onProgress?.(done, groups.length, "curves");
  if (ctx.parallel && ctx.parallel.threads > 1 && groups.length >= PARALLEL_MIN_CURVES) {
    return splitCurveRows(
      await ctx.parallel.map<(typeof groups)[number], CurveRow | PooledCurveRow>(
        "ic50.fitCurveGroups",
        groups,
        options,
        progress,
      ),
    );
  }
  return splitCurveRows(fitCurveGroups(groups, options, progress));
}
