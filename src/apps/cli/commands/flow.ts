import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { readInputFile } from "../../../io/files/readInputFile.js";
import {
  type FlowApoptosisResult,
  type FlowGateResult,
  type FlowInfoResult,
  flowApoptosisKind,
  flowGateKind,
  flowInfoKind,
  type SuppliedInputs,
} from "../../../kinds/index.js";
import { type KindCommandOptions, runAndReport } from "../kindCommand.js";
import { formatTable } from "../output.js";

const STORE_FLAGS: [string, string, string?][] = [
  ["--json", "print JSON"],
  ["--provenance", "print the whole provenance envelope"],
  ["--save", "store the analysis (with the files) in the Ixalab store"],
  ["--data-dir <dir>", "PGlite data folder for --save (PostgreSQL when DATABASE_URL is set)", "./data"],
];

/** `ixalab flow …`: FCS files and Gating-ML 2.0 gating. */
export function addFlowCommands(program: Command): void {
  const flow = program.command("flow").description("flow cytometry: FCS files, Gating-ML 2.0 gates");

  const info = flow
    .command("info <file>")
    .description(flowInfoKind.description)
    .addHelpText("after", "\nExample:\n  ixalab flow info sample.fcs --json");
  for (const [flag, description, fallback] of STORE_FLAGS) info.option(flag, description, fallback);
  info.action(async (file: string, options: KindCommandOptions) => {
    await runAndReport(flowInfoKind, {}, { fcs: await readInputFile(file, "fcs") }, options, {
      json: (r) => ({ datasets: (r as FlowInfoResult).datasets.map(({ warnings: _, ...d }) => d) }),
      text: (e) =>
        (e.result as FlowInfoResult).datasets
          .map(
            (d) =>
              `data set ${d.index}: ${d.version}, ${d.events} events\n${formatTable(
                ["name", "label", "range", "bits", "raw mean"],
                d.parameters.map((p) => [p.name, p.label, p.range, p.bits, p.rawMean.toPrecision(6)]),
              )}`,
          )
          .join("\n\n"),
    });
  });

  const gate = flow
    .command("gate <file>")
    .description(flowGateKind.description)
    .requiredOption("--gatingml <file>", "Gating-ML 2.0 XML with the gates")
    .addHelpText("after", "\nExample:\n  ixalab flow gate sample.fcs --gatingml gates.xml --json");
  for (const [flag, description, fallback] of STORE_FLAGS) gate.option(flag, description, fallback);
  gate.action(async (file: string, options: KindCommandOptions & { gatingml: string }) => {
    const inputs = {
      fcs: await readInputFile(file, "fcs"),
      gatingml: await readInputFile(options.gatingml, "gatingml-2.0"),
    };
    await runAndReport(flowGateKind, {}, inputs, options, {
      json: (r) => ({ gates: (r as FlowGateResult).gates.map(({ id, count }) => ({ id, count })) }),
      text: (e) => {
        const r = e.result as FlowGateResult;
        return formatTable(
          ["gate", "events", "% of all"],
          r.gates.map((g) => [g.id, g.count, g.percent.toFixed(2)]),
        );
      },
    });
  });

  const apoptosis = flow
    .command("apoptosis <file>")
    .description(flowApoptosisKind.description)
    .requiredOption("--annexin <channel>", "Annexin V channel ($PnN or $PnS)")
    .requiredOption("--pi <channel>", "propidium iodide channel ($PnN or $PnS)")
    .option("--thresholds <a,p>", "Annexin V and PI thresholds, compensated scale units (positive: ≥)")
    .option("--control <file>", "negative control FCS: thresholds at its --control-percentile")
    .option("--control-percentile <p>", "percentile of the control that sets each threshold", "99.5")
    .option("--fsc-min <v>", "keep events with FSC-A ≥ V")
    .option("--no-compensation", "do not apply the file's spillover matrix")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab flow apoptosis sample.fcs --annexin FITC-A --pi PE-A --thresholds 1000,1000 --json",
    );
  for (const [flag, description, fallback] of STORE_FLAGS) apoptosis.option(flag, description, fallback);
  apoptosis.action(
    async (
      file: string,
      options: KindCommandOptions & {
        annexin: string;
        pi: string;
        thresholds?: string;
        control?: string;
        controlPercentile: string;
        fscMin?: string;
        compensation: boolean;
      },
    ) => {
      const numberOf = (text: string, flag: string) => {
        const n = Number(text);
        if (text.trim() === "" || !Number.isFinite(n))
          throw new InputError(`${flag}: expected a number, found '${text}'`);
        return n;
      };
      const thresholds = options.thresholds?.split(",").map((t) => numberOf(t, "--thresholds"));
      if (thresholds && thresholds.length !== 2)
        throw new InputError(`--thresholds: expected two numbers A,P, found '${options.thresholds}'`);
      const parameters = {
        annexin: options.annexin,
        pi: options.pi,
        ...(thresholds && { thresholds }),
        controlPercentile: numberOf(options.controlPercentile, "--control-percentile"),
        ...(options.fscMin !== undefined && { fscMin: numberOf(options.fscMin, "--fsc-min") }),
        compensation: options.compensation,
      };
      const inputs: SuppliedInputs = {
        fcs: await readInputFile(file, "fcs"),
        ...(options.control && { control: await readInputFile(options.control, "fcs") }),
      };
      await runAndReport(flowApoptosisKind, parameters, inputs, options, {
        json: (r) => {
          const { events, gatedEvents, populations } = r as FlowApoptosisResult;
          return { events, gatedEvents, populations };
        },
        text: (e) => {
          const r = e.result as FlowApoptosisResult;
          const rows = Object.entries(r.populations).map(([name, p]) => [
            name,
            p.count,
            p.percent.toFixed(2),
          ]);
          return `${r.gatedEvents} of ${r.events} events; thresholds ${r.thresholds.annexin} / ${r.thresholds.pi} (${r.thresholds.source})${r.compensated ? ", compensated" : ""}\n${formatTable(["population", "events", "% of gated"], rows)}`;
        },
      });
    },
  );
}
