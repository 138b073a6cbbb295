import type { CompoundDetail } from "../api.js";
import type { PropertyRow } from "../components/PropertyTable.js";
import { PropertyTable } from "../components/PropertyTable.js";

/** The computed properties in the order a medicinal chemist reads them. */
export const COMPUTED_PROPERTY_ORDER = [
  "formula",
  "averageMass",
  "monoisotopicMass",
  "clogp",
  "tpsa",
  "hbd",
  "hba",
  "lipinskiHbd",
  "lipinskiHba",
  "rotatableBonds",
  "rings",
  "formalCharge",
] as const;

/** RDKit-computed properties, plus the average mass from IUPAC conventional atomic weights. */
export function ComputedCard({ compound }: { compound: CompoundDetail }) {
  const { computed, conventionalAverageMass: conventional } = compound;
  const rows: PropertyRow[] = COMPUTED_PROPERTY_ORDER.map((key) => ({ key, value: computed[key] }));
  if (conventional) {
    rows.splice(2, 0, {
      key: "conventionalAverageMass",
      value: conventional.value,
      detail: conventional.method,
    });
  }
  return (
    <section className="card" aria-labelledby="computed-heading">
      <h2 id="computed-heading">Computed properties</h2>
      <p className="card__lead">Computed from the structure with RDKit unless stated otherwise.</p>
      <PropertyTable rows={rows} testId="computed" />
    </section>
  );
}
