import type { Command } from "commander";
import { readInputFile } from "../../../io/files/readInputFile.js";
import {
  type FlowGateResult,
  type FlowInfoResult,
  flowGateKind,
  flowInfoKind,
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
}
