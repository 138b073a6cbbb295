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
import { type NonmemSubject, parseNonmemDataset } from "../io/nonmem/index.js";
import type { AnalysisKind, SuppliedInput } from "./kind.js";
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
  subject: z
    .string()
    .min(1)
    .optional()
    .describe("with a dosing dataset: the ID whose doses and observations to use (default: the first)"),
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
  /** With a dosing dataset: the subject whose doses were simulated, and the model's prediction at each observation. */
  observed?: {
    subject: string;
    doses: number;
    points: { time_h: number; dv_ng_mL: number; pred_ng_mL: number }[];
  };
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
    {
      name: "dataset",
      format: "nonmem",
      description:
        "a NONMEM-format dataset: one subject's dose records (AMT, II, ADDL, RATE) replace the regimen, and its observations are compared with the prediction",
      required: false,
      accept: ".csv,.txt,.dat",
    },
  ],
  command: ["pk", "simulate"],
  async run(params, inputs) {
    const model = findPkModel(params.model);
    const parameters = resolveParameters(model, params.parameters);
    const subject = inputs.dataset ? datasetSubject(inputs.dataset, params.subject) : undefined;
    if (params.subject !== undefined && !subject)
      throw new InputError("subject: give a dosing dataset (input 'dataset') to choose a subject from");
    const events = subject
      ? subject.events
      : regimenEvents({
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
      : timeGrid(
          params.stepH ?? 1,
          params.untilH ?? (subject ? lastRecord_h(subject) + 168 : params.cycles * params.cycleDays * 24),
        );
    const conc = simulateConcentrations(model, parameters, events, times);
    const first = times[0] ?? 0;
    const last = times[times.length - 1] ?? 0;
    // The true peak over the output window, not the grid's largest value (an hourly grid under-reads it).
    const onGrid = peakOf(times, conc);
    const refined = findPeak(model, parameters, events, first, last);
    const { cmax, tmax_h } = refined.cmax >= onGrid.cmax ? refined : onGrid;
    const auc = exactAuc(model, parameters, events, [[first, last]])[0] ?? Number.NaN;
    // Every administration, additional doses (ADDL × II) included: the first-dose window ends at the second.
    const doseTimes = [
      ...new Set(
        events.flatMap((e) =>
          Array.from({ length: 1 + (e.addl ?? 0) }, (_, k) => e.time_h + k * (e.ii_h ?? 0)),
        ),
      ),
    ].sort((a, b) => a - b);
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
        ...(subject && { observed: observedVsPredicted(model, parameters, subject) }),
      },
      warnings: [],
    };
  },
};

/**
 * The subject of a dosing dataset to simulate: the given ID, or the first.
 * @throws InputError naming the file when the ID is not in it or the subject has no doses.
 */
function datasetSubject(input: SuppliedInput, id: string | undefined): NonmemSubject {
  const { subjects } = parseNonmemDataset(input.bytes, input.ref.name);
  if (subjects.length === 0) throw new InputError(`${input.ref.name}: the dataset has no records`);
  const subject = id === undefined ? subjects[0] : subjects.find((s) => s.id === id);
  if (!subject) {
    const ids = subjects.map((s) => s.id);
    throw new InputError(
      `subject: ${input.ref.name} has no ID '${id}' (IDs: ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""})`,
    );
  }
  if (subject.events.length === 0)
    throw new InputError(`${input.ref.name}: subject ${subject.id} has no dose records (EVID 1 or 4)`);
  return subject;
}

/** The time of a subject's last dose (additional doses included) or observation, h. */
function lastRecord_h(subject: NonmemSubject): number {
  let last = 0;
  for (const e of subject.events) last = Math.max(last, e.time_h + (e.ii_h ?? 0) * (e.addl ?? 0));
  for (const o of subject.observations) last = Math.max(last, o.time_h);
  return last;
}

/** The model's prediction at each of the subject's observation times, beside the observed DV. */
function observedVsPredicted(
  model: ReturnType<typeof findPkModel>,
  parameters: Record<string, number>,
  subject: NonmemSubject,
): NonNullable<PkSimulateResult["observed"]> {
  const times = Float64Array.from(subject.observations, (o) => o.time_h);
  const pred = simulateConcentrations(model, parameters, subject.events, times);
  return {
    subject: subject.id,
    doses: subject.events.reduce((n, e) => n + 1 + (e.addl ?? 0), 0),
    points: subject.observations.map((o, i) => ({ time_h: o.time_h, dv_ng_mL: o.dv, pred_ng_mL: pred[i]! })),
  };
}
