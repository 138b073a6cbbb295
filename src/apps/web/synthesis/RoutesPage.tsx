import { Async } from "../components/Async.js";
import { Link } from "../components/Link.js";
import { paths } from "../router.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";
import { synthesisApi } from "./synthesisApi.js";
import "./synthesis.css";

/** /synthesis — the shipped synthesis routes, with links to their steps, planning and dossier. */
export function RoutesPage() {
  useDocumentTitle("Synthesis");
  const state = useFetch("synthesis-routes", (signal) => synthesisApi.routes(signal));
  return (
    <>
      <div className="page-head">
        <h1>Synthesis</h1>
        <p className="page-head__lead">
          Routes as data: every step a reaction whose atom balance RDKit checks, with the inputs, their roles
          and equivalents, the conditions and the expected yield. Plan amounts back from a target mass.
        </p>
      </div>
      <Async state={state} what="the routes">
        {(routes) => (
          <ul className="route-list" data-testid="routes">
            {routes.map((r) => (
              <li key={r.id} className="card">
                <h2>
                  <Link to={paths.synthesisRoute(r.id)}>{r.title}</Link>
                </h2>
                <p className="muted">
                  {r.steps} steps to <Link to={paths.compound(r.target)}>{r.target}</Link>
                </p>
                <p className="route-list__links">
                  <Link to={paths.synthesisRoute(r.id)}>Steps and balances</Link>
                  <Link to={paths.synthesisPlan(r.id)}>Plan amounts</Link>
                  <a href={synthesisApi.dossierUrl(r.target, "html")} target="_blank" rel="noreferrer">
                    Dossier (HTML)
                  </a>
                  <a href={synthesisApi.dossierUrl(r.target, "pdf")} download>
                    Dossier (PDF)
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </>
  );
}
