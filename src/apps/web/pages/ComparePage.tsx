import { ruleOfFive } from "../../../core/chem/ruleOfFive.js";
import { api, type CompoundDetail } from "../api.js";
import { Async } from "../components/Async.js";
import { Depiction } from "../components/Depiction.js";
import { Formula } from "../components/Formula.js";
import { Link } from "../components/Link.js";
import { PropertyValue } from "../components/PropertyValue.js";
import { COMPUTED_PROPERTY_ORDER } from "../compound/ComputedCard.js";
import { propertyMeta } from "../format.js";
import { paths } from "../router.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";

/** The computed properties set side by side (the formula has a row of its own, with subscripts). */
const ROWS = COMPUTED_PROPERTY_ORDER.filter((key) => key !== "formula");

/** The most compounds a comparison shows: wider tables stop being readable. */
export const MAX_COMPARED = 6;

/** /compare?ids=a,b,… — compounds side by side: structure, computed properties, Lipinski's rule of five. */
export function ComparePage({ ids }: { ids: string[] }) {
  useDocumentTitle("Compare compounds");
  const shown = ids.slice(0, MAX_COMPARED);
  const state = useFetch(`compare:${shown.join(",")}`, (signal) =>
    Promise.all(shown.map((id) => api.compound(id, signal))),
  );
  return (
    <>
      <div className="page-head">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={paths.compounds()}>Compounds</Link>
          <span aria-hidden="true"> / </span>
          <span>compare</span>
        </nav>
        <h1>Compare compounds</h1>
        <p className="page-head__lead">
          Computed from each structure with RDKit. Lipinski's rule of five counts MW &gt; 500, Crippen logP
          &gt; 5, more than 5 N–H/O–H donors and more than 10 N + O acceptors.
        </p>
      </div>
      {shown.length < 2 ? (
        <p className="notice" role="status">
          Choose two to {MAX_COMPARED} compounds on the <Link to={paths.compounds()}>compounds page</Link>.
        </p>
      ) : (
        <section className="card card--flush" aria-label="Compounds side by side">
          {ids.length > MAX_COMPARED && (
            <p className="notice" role="status">
              Showing the first {MAX_COMPARED} of {ids.length}.
            </p>
          )}
          <Async state={state} what="the compounds">
            {(compounds) => <CompareTable compounds={compounds} />}
          </Async>
        </section>
      )}
    </>
  );
}

function CompareTable({ compounds }: { compounds: CompoundDetail[] }) {
  const rules = compounds.map((c) => ruleOfFive(c.computed));
  return (
    <div className="table-wrap">
      <table className="data compare" data-testid="compare">
        <thead>
          <tr>
            <th scope="col">Property</th>
            {compounds.map((c) => (
              <th scope="col" key={c.id}>
                <Link to={paths.compound(c.id)}>{c.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Structure</th>
            {compounds.map((c) => (
              <td key={c.id} className="compare__structure">
                <Depiction id={c.id} name={c.name} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Formula</th>
            {compounds.map((c) => (
              <td key={c.id}>
                <Formula formula={c.computed.formula} />
              </td>
            ))}
          </tr>
          {ROWS.map((key) => (
            <tr key={key} data-property={key}>
              <th scope="row">
                {propertyMeta(key).label}
                {propertyMeta(key).hint && <span className="props__hint">{propertyMeta(key).hint}</span>}
              </th>
              {compounds.map((c) => (
                <td key={c.id} className="num">
                  <PropertyValue name={key} value={c.computed[key]} />
                </td>
              ))}
            </tr>
          ))}
          <tr data-property="ruleOfFive">
            <th scope="row">
              Rule-of-five violations
              <span className="props__hint">more than one: poor oral absorption likely</span>
            </th>
            {rules.map((r, i) => (
              <td key={compounds[i]!.id} className="num" data-testid="ro5">
                <strong className={r.violations > 1 ? "bad" : undefined}>{r.violations}</strong>
                {r.violations > 0 && (
                  <span className="props__hint">
                    {r.checks
                      .filter((c) => !c.met)
                      .map((c) => c.rule)
                      .join(", ")}{" "}
                    broken
                  </span>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
