import { z } from "zod";

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
