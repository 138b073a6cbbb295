import type { AuditEvent } from "../api.js";
import { formatDateTime } from "../format.js";
import { JsonView } from "./JsonView.js";

/** Audit events with their before/after states, collapsed. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  if (events.length === 0)
    return <p className="empty">The audit log is empty: nothing has been written yet.</p>;
  return (
    <div className="table-wrap">
      <table className="data audit" data-testid="audit">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="nowrap">{formatDateTime(event.at)}</td>
              <td>{event.actor}</td>
              <td>
                <span className={`action action--${event.action.toLowerCase().replace(/[^a-z]+/g, "-")}`}>
                  {event.action}
                </span>
              </td>
              <td className="nowrap">
                {event.entity}
                {event.entityId && <span className="mono muted"> {event.entityId}</span>}
              </td>
              <td>
                {event.before === null && event.after === null ? (
                  <span className="muted">—</span>
                ) : (
                  <JsonView value={{ before: event.before, after: event.after }} summary="before / after" />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
