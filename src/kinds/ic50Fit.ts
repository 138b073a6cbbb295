import { z } from "zod";
import type { CurveRow, PooledCurveRow } from "../core/assays/ic50/fitCurves.js";
import type { NormalizedPoint } from "../core/assays/ic50/plates.js";
import { parseNormalizedCsv } from "../io/plate-csv/index.js";
import { curveFitOptions, curveFitParameters, fitAllCurves } from "./ic50Fitting.js";
import type { AnalysisKind } from "./kind.js";

const ic50FitParameters = z.strictObject(curveFitParameters);

/** Parameters of `ic50.fit`. */
export type Ic50FitParameters = z.infer<typeof ic50FitParameters>;

/** The `ic50.fit` result: one curve per plate and compound, pooled curves, and the points fitted. */
export interface Ic50FitResult {
  curves: CurveRow[];
  pooled: PooledCurveRow[];
  points: NormalizedPoint[];
}

/** `ic50.fit`: four-parameter IC50 fits of already-normalised % activity data. */
export const ic50FitKind: AnalysisKind<Ic50FitParameters, Ic50FitResult> = {
  id: "ic50.fit",
  title: "Dose-response fit (4PL IC50)",
  description:
    "Four-parameter logistic IC50 with 95 % CIs from % activity data, per plate and compound, and pooled.",
  parameters: ic50FitParameters,
  inputs: [
    {
      name: "data",
      format: "ic50-normalized",
      description: "normalised data: CSV plate,well,compound,conc_nM,pct_activity",
      required: true,
      accept: ".csv,.txt",
    },
  ],
  command: ["ic50", "fit"],
  async run(params, inputs, ctx) {
    const data = inputs.data!;
    const points = parseNormalizedCsv(data.bytes, data.ref.name);
    const { curves, pooled } = await fitAllCurves(points, curveFitOptions(params), ctx);
    return { result: { curves, pooled, points }, warnings: [] };
  },
};
