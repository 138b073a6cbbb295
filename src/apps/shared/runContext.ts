import { loadRdkit } from "../../io/rdkit/loadRdkit.js";
import type { RunContext } from "../../kinds/index.js";

/** The run context of the real apps: RDKit loaded lazily once, the system clock. */
export function systemRunContext(): RunContext {
  return { rdkit: loadRdkit, now: () => new Date() };
}
