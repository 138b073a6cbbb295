import { z } from "zod";
import { InputError } from "../core/errors.js";
import { findPkModel, regimenEvents, resolveParameters } from "../core/pk/index.js";
import {
  createRng,
  mergePopulationChunks,
  type PopulationChunk,
  sampleSubjects,
  subjectsFromTable,
  summarizePopulation,
} from "../core/pk/population/index.js";
import { parseSubjectParameters } from "../io/pk-csv/index.js";
import type { AnalysisKind, RunContext } from "./kind.js";
import type { PopulationChunkPayload } from "./parallelTasks.js";
import { simulatePopulationItems } from "./parallelTasks.js";
import { regimenParameters, timeGrid } from "./pkRegimen.js";

const pkPopulationParameters = z.strictObject({
  ...regimenParameters,
  subjects: z
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe("number of virtual subjects sampled from the model's IIV"),
  seed: z.int().default(1).describe("random seed for the sampled subjects"),
  aucWindows: z
    .array(z.tuple([z.number().min(0), z.number().min(0)]))
    .min(1)
    .default([[0, 168]])
    .describe("AUC windows [t0, t1] in hours"),
  stepH: z.number().positive().default(1).describe("output grid step for percentiles, hours"),
  untilH: z
    .number()
    .positive()
    .optional()
    .describe("output grid end, hours (default: end of the last cycle)"),
  percentiles: z
    .array(z.number().gt(0).lt(100))
    .min(1)
    .default([5, 50, 95])
    .describe("percentiles of concentration over time"),
  parameters: z.record(z.string(), z.number()).default({}).describe("typical values to override"),
});

/** Parameters of `pk.population`. */
export type PkPopulationParameters = z.infer<typeof pkPopulationParameters>;

/** `pk.population` result: per-subject exposure and concentration percentiles over time. */
export interface PkPopulationResult {
  model: string;
  n: number;
  aucWindows: [number, number][];
  subjects: { id: string; auc_ng_h_mL: number[]; cmax_ng_mL: number; tmax_h: number }[];
  percentiles: { levels: number[]; times_h: number[]; conc_ng_mL: number[][]; method: string };
}

/** Subjects per worker chunk; small enough to balance two cores, large enough to amortise messages. */
const PARALLEL_MIN_SUBJECTS = 500;

/** `pk.population`: a virtual population on a regimen, with exact AUCs and percentiles in bounded memory. */
export const pkPopulationKind: AnalysisKind<PkPopulationParameters, PkPopulationResult> = {
  id: "pk.population",
  title: "PK population simulation",
  description:
    "Virtual subjects from the model's inter-individual variability (seeded, correlated log-normal) or from a parameter file, on a regimen: exact AUC per window, Cmax, Tmax, and 5/50/95th percentiles of concentration over time.",
  parameters: pkPopulationParameters,
  inputs: [
    {
      name: "subjects",
      format: "pk-subject-parameters",
      description:
        "individual parameters: CSV with an id column and one column per parameter (CL, V2, ka, F, V4, BSA …)",
      required: false,
      accept: ".csv,.txt",
    },
  ],
  command: ["pk", "population"],
  async run(params, inputs, ctx) {
    const model = findPkModel(params.model);
    if ((params.subjects === undefined) === (inputs.subjects === undefined)) {
      throw new InputError(
        "pk.population: give either a number of subjects (with a seed) or a subjects file, not both",
      );
    }
    for (const [t0, t1] of params.aucWindows) {
      if (!(t1 > t0)) throw new InputError(`aucWindows: expected t0 < t1, found [${t0}, ${t1}]`);
    }
    resolveParameters(model, params.parameters); // validates overrides before any work
    let ids: string[];
    let subjects: Record<string, number>[];
    if (inputs.subjects) {
      const rows = parseSubjectParameters(inputs.subjects.bytes, inputs.subjects.ref.name);
      ids = rows.map((r) => r.id);
      subjects = subjectsFromTable(
        model,
        rows.map((r) => ({ id: r.id, values: { ...params.parameters, ...r.values } })),
      );
    } else {
      const overridden = {
        ...model,
        parameters: model.parameters.map((p) => ({ ...p, value: params.parameters[p.name] ?? p.value })),
      };
      subjects = sampleSubjects(overridden, params.subjects ?? 0, createRng(params.seed));
      ids = subjects.map((_, i) => String(i + 1));
    }
    const events = regimenEvents({
      doseMg: params.doseMg,
      days: params.days,
      cycleDays: params.cycleDays,
      cycles: params.cycles,
    });
    const times = timeGrid(params.stepH, params.untilH ?? params.cycles * params.cycleDays * 24);
    const payload: PopulationChunkPayload = {
      modelId: model.id,
      events,
      times_h: times,
      aucWindows: params.aucWindows,
    };
    const chunk = await simulateChunks(subjects, payload, ctx);
    const summary = summarizePopulation(chunk, times, params.aucWindows, params.percentiles);
    const nw = params.aucWindows.length;
    return {
      result: {
        model: model.id,
        n: summary.n,
        aucWindows: summary.aucWindows,
        subjects: ids.map((id, i) => ({
          id,
          auc_ng_h_mL: Array.from(summary.auc_ng_h_mL.subarray(i * nw, (i + 1) * nw)),
          cmax_ng_mL: summary.cmax_ng_mL[i] ?? Number.NaN,
          tmax_h: summary.tmax_h[i] ?? Number.NaN,
        })),
        percentiles: {
          levels: summary.percentiles.levels,
          times_h: Array.from(summary.percentiles.times_h),
          conc_ng_mL: summary.percentiles.conc_ng_mL.map((a) => Array.from(a)),
          method: summary.percentiles.method,
        },
      },
      warnings: [],
    };
  },
};

async function simulateChunks(
  subjects: Record<string, number>[],
  payload: PopulationChunkPayload,
  ctx: RunContext,
): Promise<PopulationChunk> {
  const items = subjects.map((parameters, index) => ({ index, parameters }));
  const progress = (done: number) => ctx.onProgress?.(done, items.length, "subjects");
  if (ctx.parallel && ctx.parallel.threads > 1 && items.length >= PARALLEL_MIN_SUBJECTS) {
    const chunks = await ctx.parallel.map<(typeof items)[number], PopulationChunk>(
      "pk.populationChunk",
      items,
      payload,
      progress,
    );
    return mergePopulationChunks(chunks);
  }
  const [chunk] = simulatePopulationItems(items, payload);
  progress(items.length);
  return chunk as PopulationChunk;
}
