import type { z } from "zod";
import type { RDKit } from "../core/chem/index.js";
import type { InputFileRef } from "../core/provenance.js";

/** What a kind may ask of its surroundings: shared engines and the clock, passed in, never global. */
export interface RunContext {
  rdkit(): Promise<RDKit>;
  now(): Date;
}

/** A file the caller supplies to a kind, already read, with its identity for the provenance envelope. */
export interface SuppliedInput {
  ref: InputFileRef;
  bytes: Uint8Array;
}

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
  /** CLI words, e.g. ["chem", "props"]. */
  command: string[];
  /**
   * Parameters whose CLI flag names a file: the CLI reads the file, passes its text as the parameter
   * and records the file as an input. Keyed by parameter name; the value is the io format id.
   */
  fileParameters?: Record<string, string>;
  run(params: P, inputs: SuppliedInput[], ctx: RunContext): Promise<KindOutcome<R>>;
}
