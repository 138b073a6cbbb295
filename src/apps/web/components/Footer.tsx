import { api, errorMessage } from "../api.js";
import { useFetch } from "../useFetch.js";

/** Backend status: API health, Ixalab version and which store (PGlite or PostgreSQL) is in use. */
export function Footer() {
  const health = useFetch("health", (signal) => api.health(signal));
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <span>Ixalab · research workbench for ixazomib citrate</span>
        <span className="site-footer__status" data-testid="health" aria-live="polite">
          {health.status === "loading" && "Checking the API…"}
          {health.status === "error" && (
            <span className="status status--bad">API unavailable: {errorMessage(health.error)}</span>
          )}
          {health.status === "ok" && (
            <>
              <span className={health.data.status === "ok" ? "status status--ok" : "status status--bad"}>
                API {health.data.status}
              </span>
              <span>v{health.data.version}</span>
              <span>
                store: <strong>{health.data.store === "pglite" ? "PGlite" : health.data.store}</strong>
              </span>
            </>
          )}
        </span>
      </div>
    </footer>
  );
}
