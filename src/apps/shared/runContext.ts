import { loadRdkit } from "../../io/rdkit/loadRdkit.js";
import type { RunContext } from "../../kinds/index.js";
import { createWorkerPool, type WorkerPool } from "./workerPool.js";

let pool: WorkerPool | undefined | null = null;

/** The run context of the real apps: RDKit loaded lazily once, the system clock, worker threads. */
export function systemRunContext(): RunContext {
  if (pool === null) pool = createWorkerPool();
  return { rdkit: loadRdkit, now: () => new Date(), ...(pool && { parallel: pool }) };
}

/** Ends the worker threads, if any were started; the next context starts new ones. */
export async function closeSystemRunContext(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.close();
}
