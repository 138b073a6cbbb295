import { api } from "../api.js";
import { Link } from "../components/Link.js";
import { PlotImage } from "../components/PlotImage.js";
import { paths } from "../router.js";

/**
 * The mechanism of action the guide describes, drawn by the server, with the assays in Ixalab that
 * measure each end of it: β5 inhibition, apoptosis, and the exposure that drives both.
 */
export function MechanismSection({ id }: { id: string }) {
  return (
    <section className="card mechanism" aria-labelledby="mechanism-heading" data-testid="mechanism">
      <h2 id="mechanism-heading">Mechanism of action</h2>
      <p className="card__lead">
        Ixazomib binds the β5 (chymotrypsin-like) site of the 20S proteasome reversibly; undegraded
        ubiquitinated proteins cause ER stress, and the unfolded protein response drives caspase-8 and -9 to
        caspase-3 and apoptosis.
      </p>
      <PlotImage
        src={api.mechanismUrl(id)}
        alt="Mechanism of action: prodrug hydrolysis, β5 proteasome inhibition, protein accumulation, unfolded protein response, caspase-8, -9 and -3, apoptosis"
        width={760}
        height={570}
        testId="mechanism-diagram"
      />
      <p className="mechanism__assays">
        Measure it: <Link to={paths.analyses("ic50.run")}>β5 inhibition (fluorogenic assay, IC50)</Link>
        {" · "}
        <Link to={paths.analyses("flow.apoptosis")}>apoptosis (Annexin V / PI)</Link>
        {" · "}
        <Link to={paths.pk()}>exposure and β5 inhibition over time (PK/PD)</Link>
      </p>
    </section>
  );
}
