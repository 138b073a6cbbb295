import { z } from "zod";
import {
  findPkModel,
  type PlateletPkParameters,
  regimenEvents,
  resolveParameters,
  SRIMANI_2022,
  simulatePlatelets,
} from "../core/pk/index.js";
import type { AnalysisKind } from "./kind.js";
import { regimenParameters, timeGrid } from "./pkRegimen.js";

const pkPlateletsParameters = z.strictObject({
  ...regimenParameters,
  lenalidomideMg: z.number().min(0).default(25).describe("lenalidomide dose per day, mg (0: ixazomib alone)"),
  lenalidomideDays: z
    .array(z.int().min(1))
    .default(Array.from({ length: 21 }, (_, i) => i + 1))
    .describe("lenalidomide days of each cycle"),
  stepH: z.number().positive().default(12).describe("output step, hours"),
});

/** Parameters of `pk.platelets`. */
export type PkPlateletsParameters = z.infer<typeof pkPlateletsParameters>;

/** `pk.platelets` result: the typical subject's platelet count and ixazomib concentration over time. */
export interface PkPlateletsResult {
  times_h: number[];
  platelets_1e9_per_L: number[];
  conc_ng_mL: number[];
  nadir: { platelets_1e9_per_L: number; time_h: number };
  baseline_1e9_per_L: number;
  source: string;
}

/** `pk.platelets`: thrombocytopenia of ixazomib ± lenalidomide-dexamethasone (Srimani 2022 on Gupta 2017). */
export const pkPlateletsKind: AnalysisKind<PkPlateletsParameters, PkPlateletsResult> = {
  id: "pk.platelets",
  title: "Platelets (Srimani 2022)",
  description:
    "Platelet count of a typical subject on ixazomib ± lenalidomide: the Srimani 2022 Friberg-type model driven by Gupta 2017 concentrations, solved by the stiff ODE solver.",
  parameters: pkPlateletsParameters,
  inputs: [],
  command: ["pk", "platelets"],
  async run(params) {
    const pk = resolveParameters(findPkModel(params.model)) as unknown as PlateletPkParameters;
    const ixazomib = regimenEvents({
      doseMg: params.doseMg,
      days: params.days,
      cycleDays: params.cycleDays,
      cycles: params.cycles,
    });
    const lenalidomide =
      params.lenalidomideMg > 0
        ? Array.from({ length: params.cycles }, (_, c) =>
            params.lenalidomideDays.map((d) => ({
              time_h: (c * params.cycleDays + d - 1) * 24,
              amt_mg: params.lenalidomideMg,
            })),
          ).flat()
        : [];
    const times = timeGrid(params.stepH, params.cycles * params.cycleDays * 24);
    const out = simulatePlatelets(pk, ixazomib, lenalidomide, times);
    return {
      result: {
        times_h: Array.from(out.times_h),
        platelets_1e9_per_L: Array.from(out.platelets_1e9_per_L),
        conc_ng_mL: Array.from(out.conc_ng_mL),
        nadir: out.nadir,
        baseline_1e9_per_L: SRIMANI_2022.baseline_1e9_per_L,
        source: SRIMANI_2022.source,
      },
      warnings: out.solverStatus === "success" ? [] : [`ODE solver: ${out.solverStatus}`],
    };
  },
};
