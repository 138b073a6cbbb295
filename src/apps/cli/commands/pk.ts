import { writeFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import type { CurveRow, PooledCurveRow } from "../../../core/assays/ic50/fitCurves.js";
import { InputError, NotFoundError } from "../../../core/errors.js";
import { readInputFile } from "../../../io/files/readInputFile.js";
import {
  type PkNcaResult,
  type PkPlateletsResult,
  type PkPopulationResult,
  type PkSimulateResult,
  pkNcaKind,
  pkPlateletsKind,
  pkPopulationKind,
  pkSimulateKind,
  type SuppliedInputs,
} from "../../../kinds/index.js";
import { parseWindows } from "../../../kinds/pkRegimen.js";
import { plotConcentrationTime } from "../../../reports/pkPlots.js";
import { withAppStore } from "../../shared/appStore.js";
import { addKindCommand, type KindCommandOptions, runAndReport, runKindCommand } from "../kindCommand.js";
import { formatTable } from "../output.js";

/** Regimen flags as the CLI contract writes them, shared by `pk simulate` and `pk population`. */
export interface RegimenFlags {
  model: string;
  doseMg: string;
  days: string;
  cycleDays: string;
  cycles: string;
  param?: string[];
}

/** Adds the contract's regimen flags to a command. */
export function addRegimenFlags(command: Command): Command {
  return command
    .option("--model <id>", "built-in model", "ixazomib-gupta2017")
    .option("--dose-mg <mg>", "dose per administration, mg", "4")
    .option("--days <list>", "dosing days of each cycle, 1-based", "1,8,15")
    .option("--cycle-days <n>", "cycle length in days", "28")
    .option("--cycles <n>", "number of cycles", "6")
    .addOption(new Option("--param <NAME=VALUE...>", "override a typical value, e.g. CL=1.05 V2=6.66"));
}

/** The kinds' regimen parameters from the contract's flags. @throws InputError naming the flag */
export function regimenFromFlags(flags: RegimenFlags) {
  return {
    model: flags.model,
    doseMg: number(flags.doseMg, "--dose-mg"),
    days: flags.days.split(",").map((d) => integer(d, "--days")),
    cycleDays: integer(flags.cycleDays, "--cycle-days"),
    cycles: integer(flags.cycles, "--cycles"),
  };
}

/** `NAME=VALUE` pairs → a record. @throws InputError naming the bad pair */
export function parameterOverrides(pairs: string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of pairs) {
    const m = /^([A-Za-z][A-Za-z0-9_]*)=(.+)$/.exec(pair);
    const value = Number(m?.[2]);
    if (!m || !Number.isFinite(value))
      throw new InputError(`--param: expected NAME=VALUE such as CL=1.05, found '${pair}'`);
    out[m[1] as string] = value;
  }
  return out;
}

function number(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n))
    throw new InputError(`${flag}: expected a number, found '${text}'`);
  return n;
}

function integer(text: string, flag: string): number {
  const n = number(text, flag);
  if (!Number.isInteger(n)) throw new InputError(`${flag}: expected a whole number, found '${text}'`);
  return n;
}

const STORE_FLAGS: [string, string, string?][] = [
  ["--json", "print JSON"],
  ["--provenance", "print the whole provenance envelope"],
  ["--save", "store the analysis in the Ixalab store"],
  ["--data-dir <dir>", "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)", "./data"],
];

/** `ixalab pk …`: simulation of the built-in population PK models, and NCA. */
export function addPkCommands(program: Command): void {
  const pk =
    program.commands.find((c) => c.name() === "pk") ?? program.command("pk").description("pharmacokinetics");
  const simulate = addRegimenFlags(pk.command("simulate").description(pkSimulateKind.description))
    .option("--times-file <file>", "output times: one time in hours per line")
    .option("--step-h <h>", "output every H hours (default 1)")
    .option("--until-h <h>", "output until T hours (default: end of the last cycle)")
    .option("--plot <file>", "write the concentration–time plot (SVG)")
    .option(
      "--dataset <file>",
      "NONMEM-format dataset: a subject's dose records replace the regimen; prints its observations beside the prediction",
    )
    .option("--subject <id>", "with --dataset: the subject (ID) to simulate (default: the first)")
    .option(
      "--ic50-nm <nM>",
      "link to % β5 inhibition (Emax/Hill) with this IC50, e.g. from `ixalab ic50 run`",
    )
    .option(
      "--ic50-from <analysisId>",
      "take the IC50 from a stored ic50.run / ic50.fit analysis (see --ic50-compound)",
    )
    .option(
      "--ic50-compound <name>",
      "compound whose IC50 --ic50-from takes (pooled curve first)",
      "ixazomib",
    )
    .option("--inhibition-hill <h>", "Hill coefficient of the inhibition link", "1")
    .option("--inhibition-basis <basis>", "unbound (fu 0.01) or whole-blood (B:P 10)", "unbound")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab pk simulate --model ixazomib-gupta2017 --dose-mg 4 --days 1,8,15 --cycle-days 28 --cycles 6 --json",
    );
  for (const [flag, description, fallback] of STORE_FLAGS) simulate.option(flag, description, fallback);
  simulate.action(
    async (
      flags: RegimenFlags &
        KindCommandOptions & {
          ic50Nm?: string;
          ic50From?: string;
          ic50Compound: string;
          inhibitionHill: string;
          inhibitionBasis: string;
          timesFile?: string;
          stepH?: string;
          untilH?: string;
          plot?: string;
          dataset?: string;
          subject?: string;
        },
    ) => {
      const parameters = {
        ...regimenFromFlags(flags),
        ...(flags.stepH !== undefined && { stepH: number(flags.stepH, "--step-h") }),
        ...(flags.untilH !== undefined && { untilH: number(flags.untilH, "--until-h") }),
        parameters: parameterOverrides(flags.param),
        ...(await inhibitionFromFlags(flags)),
        ...(flags.subject !== undefined && { subject: flags.subject }),
      };
      const inputs: SuppliedInputs = {
        ...(flags.timesFile && { times: await readInputFile(flags.timesFile, "pk-times") }),
        ...(flags.dataset && { dataset: await readInputFile(flags.dataset, "nonmem") }),
      };
      const envelope = await runAndReport(pkSimulateKind, parameters, inputs, flags, {
        json: (r) => {
          const { model, times_h, conc_ng_mL, summary, inhibition_pct, observed } = r as PkSimulateResult;
          return {
            model,
            times_h,
            conc_ng_mL,
            summary,
            ...(inhibition_pct && { inhibition_pct }),
            ...(observed && { observed }),
          };
        },
        text: (e) => {
          const { summary, model } = e.result as PkSimulateResult;
          return formatTable(
            ["model", "Cmax (ng/mL)", "Tmax (h)", "AUC (ng·h/mL)", "t½ (h)", "Vss (L)"],
            [
              [
                model,
                summary.cmax_ng_mL.toFixed(3),
                summary.tmax_h.toFixed(2),
                summary.auc_ng_h_mL.toFixed(1),
                summary.terminalHalfLife_h.toFixed(1),
                summary.vss_L.toFixed(1),
              ],
            ],
          );
        },
      });
      if (flags.plot) {
        const r = envelope.result as PkSimulateResult;
        await writeFile(
          flags.plot,
          plotConcentrationTime({
            title: r.observed
              ? `${r.model}: subject ${r.observed.subject} of ${flags.dataset}, ${r.observed.doses} doses`
              : `${r.model}: ${parameters.doseMg} mg, days ${parameters.days.join(", ")} of ${parameters.cycleDays}`,
            times_h: r.times_h,
            conc_ng_mL: r.conc_ng_mL,
            ...(r.inhibition_pct && { inhibition_pct: r.inhibition_pct }),
            ...(r.observed && { observed: r.observed.points }),
          }),
        );
      }
    },
  );

  const population = addRegimenFlags(pk.command("population").description(pkPopulationKind.description))
    .option("--subjects <n>", "number of virtual subjects sampled from the model's IIV")
    .option("--seed <s>", "random seed", "1")
    .option("--subjects-file <file>", "individual parameters: CSV with id and one column per parameter")
    .option("--auc-windows <list>", "AUC windows in hours, e.g. 0-168,3696-3864", "0-168")
    .option("--step-h <h>", "output grid step for percentiles, hours", "1")
    .option("--until-h <h>", "output grid end, hours (default: end of the last cycle)")
    .option("--percentiles <list>", "percentiles of concentration over time", "5,50,95")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab pk population --model ixazomib-gupta2017 --dose-mg 4 --days 1,8,15 --cycle-days 28 --cycles 6 --subjects 1000 --seed 7 --auc-windows 0-168,3696-3864 --json",
    );
  for (const [flag, description, fallback] of STORE_FLAGS) population.option(flag, description, fallback);
  population.action(
    async (
      flags: RegimenFlags &
        KindCommandOptions & {
          subjects?: string;
          seed: string;
          subjectsFile?: string;
          aucWindows: string;
          stepH: string;
          untilH?: string;
          percentiles: string;
        },
    ) => {
      if ((flags.subjects === undefined) === (flags.subjectsFile === undefined)) {
        throw new InputError("pk population: give --subjects N (with --seed) or --subjects-file FILE");
      }
      const parameters = {
        ...regimenFromFlags(flags),
        ...(flags.subjects !== undefined && { subjects: integer(flags.subjects, "--subjects") }),
        seed: integer(flags.seed, "--seed"),
        aucWindows: parseWindows(flags.aucWindows),
        stepH: number(flags.stepH, "--step-h"),
        ...(flags.untilH !== undefined && { untilH: number(flags.untilH, "--until-h") }),
        percentiles: flags.percentiles.split(",").map((p) => number(p, "--percentiles")),
        parameters: parameterOverrides(flags.param),
      };
      const inputs: SuppliedInputs = flags.subjectsFile
        ? { subjects: await readInputFile(flags.subjectsFile, "pk-subject-parameters") }
        : {};
      await runAndReport(pkPopulationKind, parameters, inputs, flags, {
        json: (r) => r,
        text: (e) => {
          const r = e.result as PkPopulationResult;
          const rows = r.aucWindows.map(([t0, t1], w) => {
            const aucs = r.subjects.map((s) => s.auc_ng_h_mL[w] ?? Number.NaN).sort((a, b) => a - b);
            const q = (p: number) =>
              aucs[Math.min(aucs.length - 1, Math.floor((p / 100) * aucs.length))]?.toFixed(1);
            return [`${t0}–${t1} h`, q(5), q(50), q(95)];
          });
          return `${r.n} subjects of ${r.model}\n${formatTable(["AUC window", "5th", "median", "95th (ng·h/mL)"], rows)}`;
        },
      });
    },
  );

  addKindCommand(program, pkPlateletsKind)
    .addHelpText("after", "\nExample:\n  ixalab pk platelets --cycles 2 --lenalidomide-mg 25 --json")
    .action(async (options: KindCommandOptions) => {
      await runKindCommand(pkPlateletsKind, options, {
        json: (r) => r,
        text: (e) => {
          const r = e.result as PkPlateletsResult;
          return `platelet nadir ${r.nadir.platelets_1e9_per_L.toFixed(1)} × 10⁹/L at day ${(r.nadir.time_h / 24).toFixed(1)} (baseline ${r.baseline_1e9_per_L})\n${r.source}`;
        },
      });
    });

  addKindCommand(program, pkNcaKind)
    .addHelpText("after", "\nExample:\n  ixalab pk nca --data conc.csv --dose-mg 4 --json")
    .action(async (options: KindCommandOptions) => {
      await runKindCommand(pkNcaKind, options, {
        // One subject: the contract's flat object; several: one row each.
        json: (r) => {
          const { subjects } = r as PkNcaResult;
          return subjects.length === 1 ? subjects[0] : { subjects };
        },
        text: (e) =>
          formatTable(
            [
              "id",
              "Cmax",
              "Tmax",
              "AUClast",
              "AUCinf",
              "λz (1/h)",
              "t½ (h)",
              "CL/F (L/h)",
              "Vz/F (L)",
              "R²adj",
              "n",
            ],
            (e.result as PkNcaResult).subjects.map((s) => [
              s.id,
              s.cmax,
              s.tmax,
              s.auclast?.toFixed(2),
              s.aucinf?.toFixed(2),
              s.lambdaZ?.toFixed(5),
              s.halfLife?.toFixed(2),
              s.clF?.toFixed(3),
              s.vzF?.toFixed(1),
              s.r2adj?.toFixed(4),
              s.pointsUsed,
            ]),
          ),
      });
    });
}

/** The β5 link from `--ic50-nm`, or from a stored IC50 analysis with `--ic50-from`. */
async function inhibitionFromFlags(flags: {
  ic50Nm?: string;
  ic50From?: string;
  ic50Compound: string;
  inhibitionHill: string;
  inhibitionBasis: string;
  dataDir?: string;
}) {
  if (flags.ic50Nm !== undefined && flags.ic50From !== undefined) {
    throw new InputError("give --ic50-nm or --ic50-from, not both");
  }
  const link = (ic50_nM: number, source?: string) => ({
    inhibition: {
      ic50_nM,
      hill: number(flags.inhibitionHill, "--inhibition-hill"),
      basis: flags.inhibitionBasis,
      ...(source && { source }),
    },
  });
  if (flags.ic50Nm !== undefined) return link(number(flags.ic50Nm, "--ic50-nm"));
  if (flags.ic50From === undefined) return {};
  const id = flags.ic50From;
  const row = await withAppStore({ dataDir: flags.dataDir }, (store) => store.getAnalysis(id));
  if (!row) throw new NotFoundError("analysis", id);
  if (row.kind !== "ic50.run" && row.kind !== "ic50.fit")
    throw new InputError(`--ic50-from: analysis ${id} is ${row.kind}, not an IC50 analysis`);
  const { curves, pooled } = row.result as { curves: CurveRow[]; pooled: PooledCurveRow[] };
  const curve = [...pooled, ...curves].find(
    (c) => c.compound === flags.ic50Compound && c.class === "active" && c.ic50_nM !== null,
  );
  if (!curve?.ic50_nM) {
    throw new InputError(
      `--ic50-from: analysis ${id} has no active curve of '${flags.ic50Compound}' (see --ic50-compound)`,
    );
  }
  return link(
    curve.ic50_nM,
    `${row.kind} ${id}: ${flags.ic50Compound}${"plate" in curve ? ` on ${curve.plate}` : " pooled"}`,
  );
}
