import { Command, CommanderError } from "commander";
import { isInputError } from "../../core/errors.js";
import { IXALAB_VERSION } from "../../version.js";
import { closeSystemRunContext } from "../shared/runContext.js";

type AddCommands = (program: Command) => void;

/**
 * Command groups by their top-level names, loaded on demand: a run imports only the group it calls
 * (start-up time is part of every command's cost; `flow apoptosis` must finish in well under a second).
 * Help, version and unknown commands load them all, so the listing and the error stay complete.
 */
const COMMAND_GROUPS: readonly { names: readonly string[]; load: () => Promise<AddCommands> }[] = [
  { names: ["chem"], load: async () => (await import("./commands/chem.js")).addChemCommands },
  { names: ["compound"], load: async () => (await import("./commands/compound.js")).addCompoundCommands },
  { names: ["ic50"], load: async () => (await import("./commands/ic50.js")).addIc50Commands },
  { names: ["pk"], load: async () => (await import("./commands/pk.js")).addPkCommands },
  { names: ["flow"], load: async () => (await import("./commands/flow.js")).addFlowCommands },
  { names: ["hplc"], load: async () => (await import("./commands/hplc.js")).addHplcCommands },
  { names: ["ms"], load: async () => (await import("./commands/ms.js")).addMsCommands },
  { names: ["xrpd"], load: async () => (await import("./commands/xrpd.js")).addXrpdCommands },
  { names: ["nmr"], load: async () => (await import("./commands/nmr.js")).addNmrCommands },
  { names: ["synthesis"], load: async () => (await import("./commands/synthesis.js")).addSynthesisCommands },
  { names: ["batch"], load: async () => (await import("./commands/batch.js")).addBatchCommands },
  {
    names: ["user", "release"],
    load: async () => (await import("./commands/release.js")).addReleaseCommands,
  },
  { names: ["coa"], load: async () => (await import("./commands/coa.js")).addCoaCommand },
  { names: ["dossier"], load: async () => (await import("./commands/dossier.js")).addDossierCommand },
  {
    names: ["kinds", "analysis", "audit"],
    load: async () => (await import("./commands/records.js")).addRecordCommands,
  },
  { names: ["serve"], load: async () => (await import("./commands/serve.js")).addServeCommand },
];

/** Exit codes of the CLI contract. */
const EXIT = { ok: 0, internal: 1, usage: 2 } as const;

async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command("ixalab")
    .description("Ixalab: a research workbench for ixazomib citrate and compounds like it")
    .version(IXALAB_VERSION)
    .option("--debug", "print stack traces of errors")
    .showHelpAfterError("(add --help for usage)")
    .exitOverride();
  const name = argv.slice(2).find((arg) => !arg.startsWith("-"));
  const called = COMMAND_GROUPS.filter((group) => name !== undefined && group.names.includes(name));
  const groups = called.length > 0 ? called : COMMAND_GROUPS;
  for (const add of await Promise.all(groups.map((group) => group.load()))) add(program);
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
    await (await buildProgram(argv)).parseAsync(argv);
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
