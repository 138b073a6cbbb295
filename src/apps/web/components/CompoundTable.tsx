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

/** The compounds list: name (linking to the compound page), formula, mass, CAS and InChIKey. */
export function CompoundTable({ compounds, filter }: { compounds: CompoundSummary[]; filter: string }) {
  const shown = compounds.filter((c) => matches(c, filter));
  if (compounds.length === 0) return <p className="empty">No compounds are stored yet.</p>;
  return (
    <div className="table-wrap">
      <table className="data compounds" data-testid="compounds">
        <thead>
          <tr>
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
              <td colSpan={5} className="empty">
                No compound matches “{filter}”.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
