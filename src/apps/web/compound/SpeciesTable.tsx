import type { ReactNode } from "react";
import type { Hydrolysis, HydrolysisSpecies } from "../api.js";
import { Formula } from "../components/Formula.js";
import { fixed } from "../format.js";

function rows(side: string, species: HydrolysisSpecies[]): ReactNode {
  return species.map((s, index) => (
    <tr key={`${side}:${s.id}`}>
      {index === 0 && (
        <th scope="rowgroup" rowSpan={species.length} className="species__side">
          {side}
        </th>
      )}
      <td className="num">{s.coefficient}</td>
      <td>{s.name}</td>
      <td>
        <Formula formula={s.formula} />
      </td>
      <td className="num">{fixed(s.averageMass, 3)}</td>
      <td className="num">{fixed(s.monoisotopicMass, 4)}</td>
      <td className="num">{fixed(s.coefficient * s.averageMass, 3)}</td>
    </tr>
  ));
}

/** Reactants and products with coefficients and masses, and the mass balance of both sides. */
export function SpeciesTable({ hydrolysis }: { hydrolysis: Hydrolysis }) {
  const { massBalance } = hydrolysis;
  return (
    <div className="table-wrap">
      <table className="data species">
        <caption>Species</caption>
        <thead>
          <tr>
            <th scope="col">Side</th>
            <th scope="col" className="num">
              Coef.
            </th>
            <th scope="col">Name</th>
            <th scope="col">Formula</th>
            <th scope="col" className="num">
              Average mass (g/mol)
            </th>
            <th scope="col" className="num">
              Monoisotopic (Da)
            </th>
            <th scope="col" className="num">
              Coef. × mass (g/mol)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows("Reactants", hydrolysis.reactants)}
          {rows("Products", hydrolysis.products)}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              Σ reactants / Σ products ({massBalance.unit})
            </th>
            <td className="num nowrap" data-testid="mass-balance">
              {fixed(massBalance.reactants, 3)} / {fixed(massBalance.products, 3)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
