import type { RDKit } from "../../core/chem/index.js";

let loading: Promise<RDKit> | undefined;

/** Loads RDKit's WASM build once per process, on first use (≈0.15 s), and shares it. */
export function loadRdkit(): Promise<RDKit> {
  // Imported on first use, not at start-up: its 128 kB CommonJS loader costs every command ~40 ms to parse.
  // The package is CommonJS with ESM-style typings: at run time the default import is the factory itself.
  loading ??= import("@rdkit/rdkit").then((m) => (m.default as unknown as () => Promise<RDKit>)());
  return loading;
}
