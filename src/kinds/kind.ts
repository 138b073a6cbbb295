import type { z } from "zod";
import type { RDKit } from "../core/chem/index.js";
import type { InputFileRef } from "../core/provenance.js";
import type { ParallelTaskName } from "./parallelTasks.js";

/** What a kind may ask of its surroundings: shared engines, the clock and a progress sink, passed in. */
export interface RunContext {
  rdkit(): Promise<RDKit>;
  now(): Date;
  /** Called as long work advances (e.g. plates analysed), for progress bars; may be absent. */
  onProgress?(done: number, total: number, label: string): void;
  /** Worker threads for a registered task (see parallelTasks.ts); absent where none can be started. */
  parallel?: ParallelRunner;
}

/** Runs registered pure tasks over items in worker threads, keeping the items' order. */
export interface ParallelRunner {
  readonly threads: number;
  map<T, R>(
    task: ParallelTaskName,
    items: readonly T[],
    payload: unknown,
    onDone?: (done: number) => void,
    /** Chunks per thread: more balances unequal items, fewer suits chunks with a large partial state. @default 8 */
    chunksPerThread?: number,
  ): Promise<R[]>;
}

/** A file the caller supplies to a kind, already read, with its identity for the provenance envelope. */
export interface SuppliedInput {
  ref: InputFileRef;
  bytes: Uint8Array;
}

/** A file input a kind takes: the CLI flag `--<name>`, the multipart field `<name>`, a UI file picker. */
export interface InputSpec {
  name: string;
  /** The io format id recorded in the provenance envelope, e.g. "molfile", "ic50-kinetics". */
  format: string;
  description: string;
  required: boolean;
  /** File name patterns for file pickers, e.g. ".csv,.txt". */
  accept?: string;
}

/** Supplied inputs keyed by the input's name. */
export type SuppliedInputs = Readonly<Record<string, SuppliedInput>>;

/** A kind's run: the result and any warnings about suspicious but usable input. */
export interface KindOutcome<R> {
  result: R;
  warnings: string[];
}

/**
 * One capability of Ixalab, declared once: the CLI command, the API route, the UI form and the stored
 * record are all derived from this declaration (DESIGN.md, "analysis kind").
 */
export interface AnalysisKind<P = unknown, R = unknown> {
  /** Stable id, e.g. "chem.props". */
  id: string;
  title: string;
  description: string;
  /** Validated once; the same schema serves CLI flags, API bodies and UI forms. */
  parameters: z.ZodType<P>;
  /** Files the kind reads; their bytes are stored content-addressed and named in the envelope. */
  inputs: InputSpec[];
  /** CLI words, e.g. ["chem", "props"]. */
  command: string[];
  run(params: P, inputs: SuppliedInputs, ctx: RunContext): Promise<KindOutcome<R>>;
}
