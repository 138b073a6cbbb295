import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { withAppStore } from "../../shared/appStore.js";
import { evaluateBatch, specificationForBatch } from "../../shared/documents.js";
import { formatTable, printJson, printText } from "../output.js";

const DATA_OPTION = [
  "--data <dir>",
  "PGlite data folder (PostgreSQL when DATABASE_URL is set)",
  "./data",
] as const;

/** `ixalab user set-password` and `ixalab release evaluate|sign`: specifications and signed QA decisions. */
export function addReleaseCommands(program: Command): void {
  const user = program.command("user").description("users who sign release decisions");
  user
    .command("set-password <user>")
    .description(
      "set the password a user re-enters to sign (read from the terminal, or the first line of stdin)",
    )
    .option(...DATA_OPTION)
    .action(async (name: string, o: { data?: string }) => {
      const password = await readPassword(`new password for ${name}: `);
      await withAppStore({ dataDir: o.data }, (store) => store.setUserPassword(name, password));
      printText(`password set for ${name}`);
    });

  const release = program
    .command("release")
    .description("evaluate a batch against its specification; sign a decision");
  release
    .command("evaluate <batch>")
    .description("the batch's latest analyses against its specification: value, limit, verdict per test")
    .option("--spec <id>", "specification id (default: the one of the batch's material)")
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .action(async (batchId: string, o: { spec?: string; json?: boolean; data?: string }) => {
      const { evaluation } = await withAppStore({ dataDir: o.data }, (store) =>
        evaluateBatch(store, batchId, o.spec),
      );
      if (o.json) return printJson(evaluation);
      printText(
        `${formatTable(
          ["test", "limit", "value", "verdict", "detail"],
          evaluation.tests.map((t) => [t.title, t.limit, t.value ?? "", t.status, t.detail]),
        )}\noverall: ${evaluation.outcome}`,
      );
    });

  release
    .command("sign <batch>")
    .description(
      "sign a release (or rejection) with re-authentication; a batch that does not pass cannot be released",
    )
    .requiredOption("--user <name>", "the signer (password asked now)")
    .requiredOption("--meaning <text>", 'what the signature means, e.g. "QA release for clinical supply"')
    .option("--decision <d>", "released | rejected", "released")
    .option("--spec <id>", "specification id (default: the one of the batch's material)")
    .option("--json", "print JSON")
    .option(...DATA_OPTION)
    .addHelpText(
      "after",
      "\nExample:\n  ixalab release sign IXC-DEMO-01 --user qa.lead --meaning 'QA release' < password.txt",
    )
    .action(
      async (
        batchId: string,
        o: { user: string; meaning: string; decision: string; spec?: string; json?: boolean; data?: string },
      ) => {
        if (o.decision !== "released" && o.decision !== "rejected") {
          throw new InputError(`--decision: expected released or rejected, found '${o.decision}'`);
        }
        const decision = o.decision;
        const password = await readPassword(`password for ${o.user}: `);
        const signed = await withAppStore({ dataDir: o.data }, async (store) => {
          const batch = await store.getBatch(batchId);
          const specification = specificationForBatch(batch?.compoundId ?? null, o.spec);
          return store.releaseBatch({
            batchId,
            decision,
            specification,
            userName: o.user,
            password,
            meaning: o.meaning,
          });
        });
        if (o.json) return printJson(signed);
        printText(
          `${signed.decision} ${batchId} — signed by ${signed.signature.userName} at ${signed.signature.signedAt} (${signed.signature.meaning}); signature ${signed.signature.id}`,
        );
      },
    );
}

/** Reads a password without echo from a terminal, or the first line of piped stdin. */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = "";
    for await (const chunk of stdin) text += String(chunk);
    const line = text.split(/\r?\n/)[0] ?? "";
    if (line === "")
      throw new InputError("password: expected it on the first line of stdin (or run in a terminal)");
    return line;
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = "";
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === "\r" || ch === "\n") {
            stdin.off("data", onData);
            process.stderr.write("\n");
            return resolve(value);
          }
          if (ch === "\u0003") {
            stdin.off("data", onData);
            return reject(new InputError("password entry cancelled"));
          }
          if (ch === "\u007f") value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on("data", onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
