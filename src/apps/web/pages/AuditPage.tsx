import { useState } from "react";
import { api } from "../api.js";
import { Async } from "../components/Async.js";
import { AuditTable } from "../components/AuditTable.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";

const LIMITS = [50, 100, 500];

/** The kinds of record the store writes audit events for. */
const ENTITIES = ["analysis", "batch", "compound", "raw_file", "signature", "user"];

/** /audit — the append-only audit log, newest first. */
export function AuditPage() {
  useDocumentTitle("Audit log");
  const [limit, setLimit] = useState(100);
  const [entity, setEntity] = useState("");
  const state = useFetch(`audit:${limit}:${entity}`, (signal) =>
    api.audit(limit, signal, entity || undefined),
  );
  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
        <p className="page-head__lead">
          Every write to the store, append-only: who did what to which record, and when.
        </p>
      </div>
      <section className="card card--flush" aria-label="Audit events">
        <div className="toolbar">
          <label className="inline-field">
            Show the last{" "}
            <select value={limit} onChange={(event) => setLimit(Number(event.target.value))}>
              {LIMITS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>{" "}
            events
          </label>
          <label className="inline-field">
            of{" "}
            <select value={entity} onChange={(event) => setEntity(event.target.value)} aria-label="Entity">
              <option value="">every record</option>
              {ENTITIES.map((e) => (
                <option key={e} value={e}>
                  {e.replace("_", " ")}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--small" onClick={state.reload}>
            Refresh
          </button>
        </div>
        <Async state={state} what="the audit log">
          {(events) => <AuditTable events={events} />}
        </Async>
      </section>
    </>
  );
}
