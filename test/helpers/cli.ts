import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Runs `./bin/ixalab` with arguments and returns its exit code and output. */
export function ixalab(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(join(REPO_ROOT, "bin", "ixalab"), args, {
    cwd: REPO_ROOT,
    encoding: "utf8",
    input: options.input,
    env: { ...process.env, DATABASE_URL: "", ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
