import type { CompoundDetail } from "../api.js";
import { Depiction } from "../components/Depiction.js";
import { Formula } from "../components/Formula.js";
import { Link } from "../components/Link.js";
import { RoleTags } from "../components/RoleTags.js";
import { fixed } from "../format.js";
import { paths } from "../router.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { ComputedCard } from "./ComputedCard.js";
import { DossierLinks } from "./DossierLinks.js";
import { HydrolysisSection } from "./HydrolysisSection.js";
import { IdentityCard } from "./IdentityCard.js";
import { MechanismSection } from "./MechanismSection.js";
import { ReferenceSection } from "./ReferenceSection.js";

/**
 * The compound page: headline formula and mass, structure, identity, properties, references, hydrolysis,
 * and for the drug its mechanism of action and dossier.
 */
export function CompoundView({ compound }: { compound: CompoundDetail }) {
  useDocumentTitle(compound.name);
  // The guide's molecular weights use IUPAC conventional atomic weights; RDKit's table is the fallback.
  const mass = compound.conventionalAverageMass ?? {
    value: compound.computed.averageMass,
    unit: "g/mol",
    method: "RDKit atomic weights (no conventional weight for every element)",
  };
  return (
    <article className="compound">
      <div className="page-head">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={paths.compounds()}>Compounds</Link>
          <span aria-hidden="true"> / </span>
          <span className="mono">{compound.id}</span>
        </nav>
        <h1>{compound.name}</h1>
        <RoleTags roles={compound.roles} />
        <dl className="headline">
          <div>
            <dt>Formula</dt>
            <dd>
              <Formula formula={compound.computed.formula} testId="formula" />
            </dd>
          </div>
          <div>
            <dt>Molecular weight</dt>
            <dd>
              <span className="num" data-testid="mw">
                {fixed(mass.value, 2)}
              </span>{" "}
              <span className="unit">{mass.unit}</span>
              <span className="headline__method">{mass.method}</span>
            </dd>
          </div>
          <div>
            <dt>Monoisotopic mass</dt>
            <dd>
              <span className="num">{fixed(compound.computed.monoisotopicMass, 4)}</span>{" "}
              <span className="unit">Da</span>
            </dd>
          </div>
          <div>
            <dt>CAS RN</dt>
            <dd className="mono">{compound.cas ?? "—"}</dd>
          </div>
        </dl>
        <DossierLinks compoundId={compound.id} />
      </div>
      <div className="grid grid--structure">
        <section className="card" aria-labelledby="structure-heading">
          <h2 id="structure-heading">Structure</h2>
          <Depiction id={compound.id} name={compound.name} />
        </section>
        <IdentityCard compound={compound} />
      </div>
      <ComputedCard compound={compound} />
      <ReferenceSection rows={compound.reference} />
      <HydrolysisSection id={compound.id} hydrolysis={compound.hydrolysis} />
      {compound.mechanism && <MechanismSection id={compound.id} />}
    </article>
  );
}
