import { useDeferredValue, useState } from "react";
import { api } from "../api.js";
import { Async } from "../components/Async.js";
import { CompoundTable } from "../components/CompoundTable.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";

/** Home: the reference compounds, filterable by name, CAS, formula or InChIKey. */
export function CompoundsPage() {
  useDocumentTitle("Compounds");
  const state = useFetch("compounds", (signal) => api.compounds(signal));
  const [filter, setFilter] = useState("");
  const deferred = useDeferredValue(filter);
  return (
    <>
      <div className="page-head">
        <h1>Compounds</h1>
        <p className="page-head__lead">
          Ixazomib citrate, its active boronic acid, the citric acid it releases, the comparator proteasome
          inhibitors and the synthesis intermediates. Masses and identifiers are computed from each structure.
        </p>
      </div>
      <section className="card card--flush" aria-label="Reference compounds">
        <div className="toolbar">
          <label className="search">
            <span className="visually-hidden">Filter compounds</span>
            <input
              type="search"
              placeholder="Filter by name, CAS, formula or InChIKey"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          </label>
          {state.status === "ok" && (
            <span className="muted toolbar__count">
              {state.data.length} compound{state.data.length === 1 ? "" : "s"}
            </span>
          )}
        </div>
        <Async state={state} what="the compounds">
          {(compounds) => <CompoundTable compounds={compounds} filter={deferred} />}
        </Async>
      </section>
    </>
  );
}
