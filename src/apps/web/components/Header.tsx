import type { Route } from "../router.js";
import { paths } from "../router.js";
import { Link } from "./Link.js";

const SECTIONS = [
  { label: "Compounds", to: paths.compounds(), active: ["compounds", "compound", "compare"] },
  { label: "Analyses", to: paths.analyses(), active: ["analyses", "analysis"] },
  { label: "PK", to: paths.pk(), active: ["pk"] },
  {
    label: "Synthesis",
    to: paths.synthesisRoutes(),
    active: ["synthesisRoutes", "synthesisRoute", "synthesisPlan"],
  },
  { label: "Batches", to: paths.batches(), active: ["batches", "batch", "batchRelease"] },
  { label: "Audit", to: paths.audit(), active: ["audit"] },
] as const;

/** The top bar: app name and the sections, the current one marked for screen readers too. */
export function Header({ route }: { route: Route }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={paths.compounds()} className="brand" aria-label="Ixalab home">
          <span className="brand__mark" aria-hidden="true">
            B
          </span>
          <span className="brand__name">Ixalab</span>
        </Link>
        <nav aria-label="Main">
          <ul className="nav">
            {SECTIONS.map((section) => {
              const current = (section.active as readonly string[]).includes(route.name);
              return (
                <li key={section.label}>
                  <Link
                    to={section.to}
                    className={current ? "nav__link nav__link--current" : "nav__link"}
                    aria-current={current ? "page" : undefined}
                  >
                    {section.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
    </header>
  );
}
