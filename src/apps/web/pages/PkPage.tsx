import { useMemo, useState } from "react";
import { type AnalysisRun, api } from "../api.js";
import { ErrorMessage } from "../components/ErrorMessage.js";
import { Link } from "../components/Link.js";
import { PkForm } from "../pk/PkForm.js";
import { PkPopulationView } from "../pk/PkPopulationView.js";
import { PkSimulateView } from "../pk/PkSimulateView.js";
import { DEFAULT_MODELS, type PkRequest } from "../pk/pkForm.js";
import { pkPopulationResultOf, pkSimulateResultOf } from "../pk/types.js";
import { paths } from "../router.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";

type Outcome =
  | { status: "idle" }
  | { status: "running"; population: boolean }
  | { status: "done"; simulate: AnalysisRun; population?: AnalysisRun; lastCycleStartH: number }
  | { status: "failed"; error: unknown; what: string };

function SavedLink({ run }: { run: AnalysisRun }) {
  return run.id ? (
    <Link to={paths.analysis(run.id)} className="badge badge--ok">
      saved · {run.id.slice(0, 8)}
    </Link>
  ) : (
    <span className="badge">not saved</span>
  );
}

/** /pk — simulate an ixazomib regimen: typical-subject profile, β5 inhibition and a virtual population. */
export function PkPage() {
  useDocumentTitle("Pharmacokinetics");
  const kinds = useFetch("kinds", (signal) => api.kinds(signal));
  const models = useMemo(() => {
    const schema = kinds.status === "ok" ? kinds.data.find((k) => k.id === "pk.simulate") : undefined;
    const listed = schema?.parameters.properties?.model?.enum?.filter(
      (m): m is string => typeof m === "string",
    );
    return listed && listed.length > 0 ? listed : [...DEFAULT_MODELS];
  }, [kinds]);
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });

  async function run(request: PkRequest) {
    setOutcome({ status: "running", population: request.population !== undefined });
    let what = "run pk.simulate";
    try {
      const simulate = await api.runAnalysis("pk.simulate", request.simulate, {}, true);
      what = "run pk.population";
      const population = request.population
        ? await api.runAnalysis("pk.population", request.population, {}, true)
        : undefined;
      setOutcome({ status: "done", simulate, population, lastCycleStartH: request.lastCycleStartH });
    } catch (error) {
      setOutcome({ status: "failed", error, what });
    }
  }

  const simulated =
    outcome.status === "done"
      ? pkSimulateResultOf("pk.simulate", outcome.simulate.envelope.result)
      : undefined;
  const population =
    outcome.status === "done" && outcome.population
      ? pkPopulationResultOf("pk.population", outcome.population.envelope.result)
      : undefined;

  return (
    <>
      <div className="page-head">
        <h1>Pharmacokinetics</h1>
        <p className="page-head__lead">
          Simulate an oral ixazomib regimen with a population PK model: the typical subject's profile and
          summary, optionally linked to proteasome β5 inhibition, and a seeded virtual population.
        </p>
      </div>
      <div className="grid grid--pk">
        <section className="card" aria-labelledby="pk-form-heading">
          <h2 id="pk-form-heading">Simulation</h2>
          <PkForm models={models} busy={outcome.status === "running"} onSubmit={run} />
        </section>
        <div aria-live="polite" className="pk-results">
          {outcome.status === "idle" && (
            <p className="empty pk-placeholder">
              Choose a regimen and press Simulate; the results appear here.
            </p>
          )}
          {outcome.status === "running" && (
            <p className="loading pk-placeholder" role="status">
              <span className="spinner" aria-hidden="true" /> Simulating
              {outcome.population ? " the typical subject and the population" : " the typical subject"}…
            </p>
          )}
          {outcome.status === "failed" && <ErrorMessage error={outcome.error} action={outcome.what} />}
          {outcome.status === "done" && (
            <>
              <section className="card" aria-labelledby="pk-typical-heading">
                <div className="outcome__head">
                  <h2 id="pk-typical-heading">Typical subject</h2>
                  <SavedLink run={outcome.simulate} />
                </div>
                {simulated ? (
                  <PkSimulateView
                    result={simulated}
                    analysisId={outcome.simulate.id}
                    lastCycleStartH={outcome.lastCycleStartH}
                    headingLevel={3}
                  />
                ) : (
                  <p className="notice">The server answered with an unexpected pk.simulate result.</p>
                )}
              </section>
              {outcome.population && (
                <section className="card" aria-labelledby="pk-population-heading">
                  <div className="outcome__head">
                    <h2 id="pk-population-heading">Population</h2>
                    <SavedLink run={outcome.population} />
                  </div>
                  {population ? (
                    <PkPopulationView
                      result={population}
                      analysisId={outcome.population.id}
                      headingLevel={3}
                    />
                  ) : (
                    <p className="notice">The server answered with an unexpected pk.population result.</p>
                  )}
                </section>
              )}
            </>
          )}
        </div>
      </div>
    </>
  );
}
