import { useDeferredValue, useState } from "react";
import { api } from "../api.js";
import { Async } from "../components/Async.js";
import { CompoundTable } from "../components/CompoundTable.js";
import { Link } from "../components/Link.js";
import { navigate, paths } from "../router.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";
import { MAX_COMPARED } from "./ComparePage.js";

/** Home: the reference compounds, filterable by name, CAS, formula or InChIKey. */
export function CompoundsPage() {
  useDocumentTitle("Compounds");
  const state = useFetch("compounds", (signal) => api.compounds(signal));
  const [filter, setFilter] = useState("");
  const deferred = useDeferredValue(filter);
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) =>
    setChosen((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  const inhibitors =
    state.status === "ok"
      ? state.data.filter((c) => c.roles.includes("proteasome inhibitor")).map((c) => c.id)
      : [];
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
          <span className="toolbar__actions">
            {inhibitors.length > 1 && (
              <Link to={paths.compare(inhibitors)} className="button button--small">
                Compare the proteasome inhibitors
              </Link>
            )}
            <button
              type="button"
              className="button button--small"
              disabled={chosen.length < 2 || chosen.length > MAX_COMPARED}
              onClick={() => navigate(paths.compare(chosen))}
              data-testid="compare-chosen"
            >
              Compare {chosen.length > 0 ? chosen.length : ""} chosen
            </button>
          </span>
          {state.status === "ok" && (
            <span className="muted toolbar__count">
              {state.data.length} compound{state.data.length === 1 ? "" : "s"}
            </span>
          )}
        </div>
        <Async state={state} what="the compounds">
          {(compounds) => (
            <CompoundTable compounds={compounds} filter={deferred} selection={{ chosen, toggle }} />
          )}
        </Async>
      </section>
    </>
  );
}
