import type { CompoundSummary } from "../api.js";
import { fixed } from "../format.js";
import { paths } from "../router.js";
import { Formula } from "./Formula.js";
import { Link } from "./Link.js";
import { RoleTags } from "./RoleTags.js";

function matches(compound: CompoundSummary, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return [
    compound.id,
    compound.name,
    compound.cas ?? "",
    compound.formula,
    compound.inchiKey,
    ...compound.roles,
  ]
    .join(" ")
    .toLowerCase()
    .includes(needle);
}

/** Which compounds are ticked for a comparison, and how to tick one. */
export interface CompoundSelection {
  chosen: readonly string[];
  toggle: (id: string, on: boolean) => void;
}

/**
 * The compounds list: name (linking to the compound page), formula, mass, CAS and InChIKey; with a
 * selection, a checkbox per row to choose compounds to compare.
 */
export function CompoundTable({
  compounds,
  filter,
  selection,
}: {
  compounds: CompoundSummary[];
  filter: string;
  selection?: CompoundSelection;
}) {
  const shown = compounds.filter((c) => matches(c, filter));
  if (compounds.length === 0) return <p className="empty">No compounds are stored yet.</p>;
  return (
    <div className="table-wrap">
      <table className="data compounds" data-testid="compounds">
        <thead>
          <tr>
            {selection && (
              <th scope="col">
                <span className="visually-hidden">Compare</span>
              </th>
            )}
            <th scope="col">Name</th>
            <th scope="col">Formula</th>
            <th scope="col" className="num" title="Average molecular mass computed by RDKit">
              MW (g/mol)
            </th>
            <th scope="col">CAS RN</th>
            <th scope="col">InChIKey</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((compound) => (
            <tr key={compound.id}>
              {selection && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare ${compound.name}`}
                    checked={selection.chosen.includes(compound.id)}
                    onChange={(e) => selection.toggle(compound.id, e.target.checked)}
                  />
                </td>
              )}
              <th scope="row">
                <Link to={paths.compound(compound.id)} className="compounds__name">
                  {compound.name}
                </Link>
                <RoleTags roles={compound.roles} />
              </th>
              <td>
                <Formula formula={compound.formula} />
              </td>
              <td className="num">{fixed(compound.averageMass, 3)}</td>
              <td className="mono nowrap">{compound.cas ?? <span className="muted">—</span>}</td>
              <td className="mono compounds__key">{compound.inchiKey}</td>
            </tr>
          ))}
          {shown.length === 0 && (
            <tr>
              <td colSpan={selection ? 6 : 5} className="empty">
                No compound matches “{filter}”.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
