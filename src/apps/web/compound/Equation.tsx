import { Fragment, type ReactNode } from "react";
import type { HydrolysisSpecies } from "../api.js";
import { Formula } from "../components/Formula.js";

function side(species: HydrolysisSpecies[]): ReactNode {
  return species.map((s, index) => (
    <Fragment key={s.id}>
      {index > 0 && (
        <span className="equation__op" aria-hidden="true">
          +
        </span>
      )}
      <span className="equation__species">
        <span className="equation__formula">
          {s.coefficient !== 1 && <span className="equation__coef">{s.coefficient}</span>}
          <Formula formula={s.formula} />
        </span>
        <span className="equation__name">{s.name}</span>
      </span>
    </Fragment>
  ));
}

export interface EquationProps {
  equation: string;
  reactants: HydrolysisSpecies[];
  products: HydrolysisSpecies[];
}

/** A reaction equation with subscripted formulas and each species' name beneath its formula. */
export function Equation({ equation, reactants, products }: EquationProps) {
  if (reactants.length === 0 || products.length === 0) {
    return (
      <p className="equation" data-testid="equation">
        <Formula formula={equation.replace("->", "→")} />
      </p>
    );
  }
  return (
    <div className="equation" data-testid="equation" title={equation}>
      <span className="visually-hidden">{equation.replace("->", "gives")}</span>
      <span className="equation__visual" aria-hidden="true">
        {side(reactants)}
        <span className="equation__arrow">→</span>
        {side(products)}
      </span>
    </div>
  );
}
