/**
 * Starts the real Ixalab server (`bin/ixalab serve`) as a child process on a free port with a fresh data
 * directory, for end-to-end and browser tests. Needs a build (`npm run build`): the CLI runs from dist/.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43121 */
  url: string;
  /** The fresh PGlite data directory the server uses; removed by `stop()`. */
  dataDir: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes the data directory. */
  stop: () => Promise<void>;
}

export interface StartServerOptions {
  /** How long to wait for the "listening" line. @default 30000 */
  timeoutMs?: number;
  /** Extra environment variables for the server. DATABASE_URL is dropped unless given here. */
  env?: Record<string, string>;
}

const DEFAULTS = { timeoutMs: 30_000 } as const;
const READY_LINE = /Ixalab listening on (https?:\/\/[^\s]+)/;

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await done;
  clearTimeout(timer);
}

/**
 * Runs `node bin/ixalab serve --port 0 --data <tmp dir>` and resolves once it prints
 * `Ixalab listening on http://127.0.0.1:<port>`.
 * @throws Error with the server's stdout and stderr when it exits early or is not ready in time.
 * @example
 * const server = await startServer();
 * const health = await (await fetch(`${server.url}/api/health`)).json();
 * await server.stop();
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const dataDir = await mkdtemp(join(tmpdir(), "ixalab-e2e-"));
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, ...options.env };
  const child = spawn(
    process.execPath,
    [join(repoRoot, "bin", "ixalab"), "serve", "--port", "0", "--data", dataDir],
    {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8");
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr += chunk;
  });

  const stop = async () => {
    await terminate(child);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const output = () =>
        `\n--- stdout ---\n${stdout.trim() || "(empty)"}\n--- stderr ---\n${stderr.trim() || "(empty)"}`;
      const timer = setTimeout(() => {
        reject(
          new Error(`ixalab serve did not print "Ixalab listening on …" within ${timeoutMs} ms${output()}`),
        );
      }, timeoutMs);
      child.stdout?.on("data", (chunk: string) => {
        stdout += chunk;
        const match = stdout.match(READY_LINE);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1].replace(/[/.,;]+$/, ""));
        }
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(new Error(`could not start ixalab serve: ${error.message}${output()}`));
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`ixalab serve exited (code ${code}, signal ${signal}) before it was ready${output()}`),
        );
      });
    });
    return { url, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
