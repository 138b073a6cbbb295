import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { InputError } from "../../core/errors.js";
import type { ParallelRunner } from "../../kinds/index.js";
import type { ParallelTaskName } from "../../kinds/parallelTasks.js";

const WORKER_SCRIPT = new URL("./taskWorker.js", import.meta.url);

/** A pool of worker threads for the kinds' parallel tasks; `close()` ends them. */
export interface WorkerPool extends ParallelRunner {
  close(): Promise<void>;
}

interface Pending {
  resolve(result: unknown[]): void;
  reject(error: Error): void;
}

/**
 * Starts up to `threads` workers lazily, on the first task. Returns undefined where workers cannot run
 * this code (the TypeScript sources under a test runner: only the compiled worker script can be loaded).
 * @default threads = available parallelism, at most 8
 */
export function createWorkerPool(threads = Math.min(8, availableParallelism())): WorkerPool | undefined {
  if (!existsSync(WORKER_SCRIPT) || threads < 2) return undefined;
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const pending = new Map<number, Pending>();
  const queue: (() => void)[] = [];
  let nextId = 0;

  const spawn = () => {
    const worker = new Worker(WORKER_SCRIPT);
    worker.unref();
    worker.on(
      "message",
      ({
        id,
        result,
        error,
      }: {
        id: number;
        result?: unknown[];
        error?: { message: string; input: boolean };
      }) => {
        const job = pending.get(id);
        pending.delete(id);
        idle.push(worker);
        queue.shift()?.();
        if (!job) return;
        if (error) job.reject(error.input ? new InputError(error.message) : new Error(error.message));
        else job.resolve(result ?? []);
      },
    );
    worker.on("error", (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    workers.push(worker);
    idle.push(worker);
  };

  const runChunk = (task: ParallelTaskName, items: unknown[], payload: unknown) =>
    new Promise<unknown[]>((resolve, reject) => {
      const start = () => {
        const worker = idle.pop();
        if (!worker) return queue.push(start);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, task, items, payload });
      };
      start();
    });

  return {
    threads,
    async map<T, R>(
      task: ParallelTaskName,
      items: readonly T[],
      payload: unknown,
      onDone?: (done: number) => void,
    ) {
      while (workers.length < threads) spawn();
      // Several chunks per thread even out curves of unequal cost.
      const chunkSize = Math.max(1, Math.ceil(items.length / (threads * 8)));
      let done = 0;
      const chunks: Promise<unknown[]>[] = [];
      for (let i = 0; i < items.length; i += chunkSize) {
        const chunk = items.slice(i, i + chunkSize) as unknown[];
        chunks.push(
          runChunk(task, chunk, payload).then((result) => {
            done += chunk.length;
            onDone?.(done);
            return result;
          }),
        );
      }
      return (await Promise.all(chunks)).flat() as R[];
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
      workers.length = 0;
      idle.length = 0;
    },
  };
}
