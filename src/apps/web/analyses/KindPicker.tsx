import type { Kind } from "../api.js";
import { Link } from "../components/Link.js";
import { paths } from "../router.js";
import { kindsByArea } from "./kindsByArea.js";

/** The analysis kinds as lists of links under their area; the selected one is marked current. */
export function KindPicker({ kinds, selected }: { kinds: Kind[]; selected: string }) {
  return (
    <nav aria-label="Analysis kinds" className="kind-picker">
      {kindsByArea(kinds).map((group) => (
        <section key={group.area} aria-labelledby={`kind-area-${group.area}`}>
          <h2 className="kind-picker__area" id={`kind-area-${group.area}`}>
            {group.title}
          </h2>
          <ul>
            {group.kinds.map((kind) => {
              const current = kind.id === selected;
              return (
                <li key={kind.id}>
                  <Link
                    to={paths.analyses(kind.id)}
                    className={current ? "kind kind--current" : "kind"}
                    aria-current={current ? "page" : undefined}
                  >
                    <span className="kind__title">{kind.title}</span>
                    <span className="kind__id mono">{kind.id}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
