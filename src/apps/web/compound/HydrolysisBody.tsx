import type { Hydrolysis } from "../api.js";
import { ElementBalance } from "./ElementBalance.js";
import { Equation } from "./Equation.js";
import { SpeciesTable } from "./SpeciesTable.js";

/** Equation with its "balanced" badge, the per-element balance and the species table. */
export function HydrolysisBody({ hydrolysis }: { hydrolysis: Hydrolysis }) {
  return (
    <>
      <div className="hydrolysis__head">
        <Equation
          equation={hydrolysis.equation}
          reactants={hydrolysis.reactants}
          products={hydrolysis.products}
        />
        <span
          className={hydrolysis.balanced ? "badge badge--ok" : "badge badge--bad"}
          data-testid="balanced"
          title={hydrolysis.balanced ? "Atoms of every element are conserved" : "Atom counts differ"}
        >
          {hydrolysis.balanced ? "Balanced" : "Not balanced"}
        </span>
      </div>
      <ElementBalance elements={hydrolysis.elements} charge={hydrolysis.charge} />
      <SpeciesTable hydrolysis={hydrolysis} />
    </>
  );
}
