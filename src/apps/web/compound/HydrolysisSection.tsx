import type { Hydrolysis } from "../api.js";
import { FetchedHydrolysis } from "./FetchedHydrolysis.js";
import { HydrolysisBody } from "./HydrolysisBody.js";

/** The hydrolysis of the ester in water: balanced equation, species with masses, per-element balance. */
export function HydrolysisSection({ id, hydrolysis }: { id: string; hydrolysis?: Hydrolysis }) {
  return (
    <section className="card hydrolysis" aria-labelledby="hydrolysis-heading" data-testid="hydrolysis">
      <h2 id="hydrolysis-heading">Hydrolysis</h2>
      {hydrolysis ? <HydrolysisBody hydrolysis={hydrolysis} /> : <FetchedHydrolysis id={id} />}
    </section>
  );
}
