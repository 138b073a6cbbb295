// Worker-thread entry: runs the pure tasks of kinds/parallelTasks.ts on chunks sent by workerPool.ts.
import { parentPort } from "node:worker_threads";
import { isInputError } from "../../core/errors.js";
import { PARALLEL_TASKS, type ParallelTaskName } from "../../kinds/parallelTasks.js";

interface TaskMessage {
  id: number;
  task: ParallelTaskName;
  items: unknown[];
  payload: unknown;
}

parentPort?.on("message", ({ id, task, items, payload }: TaskMessage) => {
  try {
    const run = PARALLEL_TASKS[task] as (items: unknown[], payload: unknown) => unknown[];
    parentPort?.postMessage({ id, result: run(items, payload) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort?.postMessage({ id, error: { message, input: isInputError(error) } });
  }
});
