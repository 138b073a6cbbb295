import type { Kind } from "../api.js";
import { Link } from "../components/Link.js";
import { paths } from "../router.js";

/** The analysis kinds as a list of links; the selected one is marked current. */
export function KindPicker({ kinds, selected }: { kinds: Kind[]; selected: string }) {
  return (
    <nav aria-label="Analysis kinds" className="kind-picker">
      <ul>
        {kinds.map((kind) => {
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
    </nav>
  );
}
