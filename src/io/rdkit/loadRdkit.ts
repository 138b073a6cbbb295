import rdkitPackage from "@rdkit/rdkit";
import type { RDKit } from "../../core/chem/index.js";

// The package is CommonJS with ESM-style typings: at run time the default import is the factory itself.
const initRDKitModule = rdkitPackage as unknown as () => Promise<RDKit>;

let loading: Promise<RDKit> | undefined;

/** Loads RDKit's WASM build once per process, on first use (≈0.15 s), and shares it. */
export function loadRdkit(): Promise<RDKit> {
  if (!loading) loading = initRDKitModule();
  return loading;
}
