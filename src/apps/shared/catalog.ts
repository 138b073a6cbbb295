import { Catalog, REFERENCE_DATA } from "../../catalog/index.js";
import { loadRdkit } from "../../io/rdkit/loadRdkit.js";

let shipped: Promise<Catalog> | undefined;

/** The catalog of the reference compounds shipped with Ixalab (no database needed). */
export function shippedCatalog(): Promise<Catalog> {
  shipped ??= loadRdkit().then(
    (rdkit) => new Catalog(rdkit, REFERENCE_DATA.compounds, REFERENCE_DATA.reactions),
  );
  return shipped;
}
