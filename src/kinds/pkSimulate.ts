import { z } from "zod";
import { InputError } from "../core/errors.js";
import {
  beta5Inhibition,
  dispositionSummary,
  exactAuc,
  findPeak,
  findPkModel,
  peakOf,
  regimenEvents,
  resolveParameters,
  simulateConcentrations,
} from "../core/pk/index.js";
import type { AnalysisKind } from "./kind.js";
import { parseTimesFile, regimenParameters, timeGrid } from "./pkRegimen.js";

const pkSimulateParameters = z.strictObject({
  ...regimenParameters,
  stepH: z.number().positive().optional().describe("output every H hours (default 1)"),
  untilH: z
    .number()
    .positive()
    .optional()
    .describe("output until T hours (default: the end of the last cycle)"),
  inhibition: z
    .strictObject({
      ic50_nM: z
        .number()
        .positive()
        .describe("β5 IC50, nM (e.g. from an ic50.run analysis; literature ≈ 3.4 nM)"),
      hill: z.number().positive().default(1),
      basis: z
        .enum(["unbound", "whole-blood"])
        .default("unbound")
        .describe("unbound (fu 0.01) or whole blood (B:P 10)"),
      source: z.string().optional().describe("where the IC50 comes from, e.g. an ic50.run analysis id"),
    })
    .optional()
    .describe("link concentration to % β5 inhibition by an Emax/Hill model"),
  parameters: z
    .record(z.string(), z.number())
    .default({})
    .describe('typical values to override, e.g. {"CL": 1.05, "V2": 6.66}'),
});

/** Parameters of `pk.simulate`. */
export type PkSimulateParameters = z.infer<typeof pkSimulateParameters>;

/** The `pk.simulate` result (the CLI contract's document). */
export interface PkSimulateResult {
  model: string;
  times_h: number[];
  conc_ng_mL: number[];
  summary: {
    cmax_ng_mL: number;
    tmax_h: number;
    auc_ng_h_mL: number;
    terminalHalfLife_h: number;
    vss_L: number;
  };
  /**
   * The peak after the first dose, before the second, Tmax from that dose: what the label's "Tmax 1 h
   * after a dose" compares with (`summary` keeps the CLI contract's keys).
   */
  firstDose: { cmax_ng_mL: number; tmax_h: number };
  parameters: Record<string, number>;
  /** % β5 inhibition at each time, when an inhibition link was given. */
  inhibition_pct?: number[];
}

/** `pk.simulate`: a typical subject of a built-in model on a dosing regimen. */
export const pkSimulateKind: AnalysisKind<PkSimulateParameters, PkSimulateResult> = {
  id: "pk.simulate",
  title: "PK simulation",
  description:
    "Concentration–time profile of a typical subject of a population PK model (e.g. ixazomib, Gupta 2017) on a dosing regimen, with Cmax, Tmax, exact AUC, terminal half-life and Vss.",
  parameters: pkSimulateParameters,
  inputs: [
    {
      name: "times",
      format: "pk-times",
      description: "output times: one time in hours per line",
      required: false,
      accept: ".txt,.csv",
    },
  ],
  command: ["pk", "simulate"],
  async run(params, inputs) {
    const model = findPkModel(params.model);
    const parameters = resolveParameters(model, params.parameters);
    const events = regimenEvents({
      doseMg: params.doseMg,
      days: params.days,
      cycleDays: params.cycleDays,
      cycles: params.cycles,
    });
    if (inputs.times && (params.stepH !== undefined || params.untilH !== undefined)) {
      throw new InputError("give output times either as a times file or as stepH/untilH, not both");
    }
    const times = inputs.times
      ? parseTimesFile(inputs.times.bytes, inputs.times.ref.name)
      : timeGrid(params.stepH ?? 1, params.untilH ?? params.cycles * params.cycleDays * 24);
    const conc = simulateConcentrations(model, parameters, events, times);
    const first = times[0] ?? 0;
    const last = times[times.length - 1] ?? 0;
    // The true peak over the output window, not the grid's largest value (an hourly grid under-reads it).
    const onGrid = peakOf(times, conc);
    const refined = findPeak(model, parameters, events, first, last);
    const { cmax, tmax_h } = refined.cmax >= onGrid.cmax ? refined : onGrid;
    const auc = exactAuc(model, parameters, events, [[first, last]])[0] ?? Number.NaN;
    const doseTimes = [...new Set(events.map((e) => e.time_h))].sort((a, b) => a - b);
    const firstDoseAt = doseTimes[0] ?? 0;
    const firstPeak = findPeak(
      model,
      parameters,
      events,
      firstDoseAt,
      doseTimes[1] ?? Math.max(last, firstDoseAt + 168),
    );
    const disposition = dispositionSummary(model, parameters);
    return {
      result: {
        model: model.id,
        times_h: Array.from(times),
        conc_ng_mL: Array.from(conc),
        summary: {
          cmax_ng_mL: cmax,
          tmax_h,
          auc_ng_h_mL: auc,
          terminalHalfLife_h: disposition.terminalHalfLife_h,
          vss_L: disposition.vss_L,
        },
        firstDose: { cmax_ng_mL: firstPeak.cmax, tmax_h: firstPeak.tmax_h - firstDoseAt },
        parameters,
        ...(params.inhibition && { inhibition_pct: Array.from(beta5Inhibition(conc, params.inhibition)) }),
      },
      warnings: [],
    };
  },
};
