import type { AuditEvent } from "../api.js";
import { formatDateTime } from "../format.js";
import { paths } from "../router.js";
import { JsonView } from "./JsonView.js";
import { Link } from "./Link.js";

/** The page of an audited record, where the app has one. */
function entityPath(entity: string, id: string): string | null {
  if (entity === "analysis") return paths.analysis(id);
  if (entity === "batch") return paths.batch(id);
  if (entity === "compound") return paths.compound(id);
  return null;
}

function EntityId({ entity, id }: { entity: string; id: string }) {
  const path = entityPath(entity, id);
  return path ? (
    <Link to={path} className="mono">
      {id}
    </Link>
  ) : (
    <span className="mono muted">{id}</span>
  );
}

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
                {event.entityId && (
                  <>
                    {" "}
                    <EntityId entity={event.entity} id={event.entityId} />
                  </>
                )}
              </td>
              <td className="nowrap">
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
