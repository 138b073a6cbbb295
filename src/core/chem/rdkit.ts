import type { JSMol, RDKitModule } from "@rdkit/rdkit";

/** RDKit's in-memory log, which MinimalLib exposes at run time but its typings omit. */
export interface RDKitLog {
  get_buffer(): string;
  clear_buffer(): void;
}

/** The loaded RDKit MinimalLib (WASM) module; loaded once by the app and passed to core functions. */
export type RDKit = RDKitModule & { set_log_capture(logName: string): RDKitLog | null };
/** An RDKit molecule handle; it lives in WASM memory and must be `delete()`d. */
export type RDKitMol = JSMol;
