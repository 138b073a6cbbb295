import { Command, CommanderError } from "commander";
import { isInputError } from "../../core/errors.js";
import { IXALAB_VERSION } from "../../version.js";
import { closeSystemRunContext } from "../shared/runContext.js";
import { addBatchCommands } from "./commands/batch.js";
import { addChemCommands } from "./commands/chem.js";
import { addCoaCommand } from "./commands/coa.js";
import { addCompoundCommands } from "./commands/compound.js";
import { addDossierCommand } from "./commands/dossier.js";
import { addFlowCommands } from "./commands/flow.js";
import { addHplcCommands } from "./commands/hplc.js";
import { addIc50Commands } from "./commands/ic50.js";
import { addMsCommands } from "./commands/ms.js";
import { addPkCommands } from "./commands/pk.js";
import { addRecordCommands } from "./commands/records.js";
import { addReleaseCommands } from "./commands/release.js";
import { addServeCommand } from "./commands/serve.js";
import { addSynthesisCommands } from "./commands/synthesis.js";
import { addXrpdCommands } from "./commands/xrpd.js";

/** Exit codes of the CLI contract. */
const EXIT = { ok: 0, internal: 1, usage: 2 } as const;

function buildProgram(): Command {
  const program = new Command("ixalab")
    .description("Ixalab: a research workbench for ixazomib citrate and compounds like it")
    .version(IXALAB_VERSION)
    .option("--debug", "print stack traces of errors")
    .showHelpAfterError("(add --help for usage)")
    .exitOverride();
  addChemCommands(program);
  addCompoundCommands(program);
  addIc50Commands(program);
  addPkCommands(program);
  addFlowCommands(program);
  addHplcCommands(program);
  addMsCommands(program);
  addXrpdCommands(program);
  addSynthesisCommands(program);
  addBatchCommands(program);
  addReleaseCommands(program);
  addCoaCommand(program);
  addDossierCommand(program);
  addRecordCommands(program);
  addServeCommand(program);
  for (const command of allCommands(program)) command.exitOverride();
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** Runs the CLI and maps errors once: bad usage or input → 2 with one line, anything else → 1. */
async function main(argv: string[]): Promise<void> {
  const debug = argv.includes("--debug");
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error, debug);
  } finally {
    // `serve` keeps running; every other command ends its worker threads here.
    if (argv[2] !== "serve") await closeSystemRunContext();
  }
}

function exitCodeFor(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its one-line message (or the help / version text).
    return error.exitCode === 0 ||
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version"
      ? EXIT.ok
      : EXIT.usage;
  }
  if (isInputError(error)) {
    process.stderr.write(`ixalab: ${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `ixalab: internal error: ${message}${debug ? "" : " (run with --debug for details)"}\n`,
  );
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // A closed pipe (`ixalab … | head`) is a normal way to stop reading.
  if (error.code === "EPIPE") process.exit(EXIT.ok);
  throw error;
});

await main(process.argv);
