import { KindResultView } from "../analyses/KindResultView.js";
import { ResultView } from "../analyses/ResultView.js";
import { api, envelopeInputs } from "../api.js";
import { Async } from "../components/Async.js";
import { InputFilesTable } from "../components/InputFilesTable.js";
import { JsonView } from "../components/JsonView.js";
import { Link } from "../components/Link.js";
import { formatDateTime } from "../format.js";
import { paths } from "../router.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";

/** /analyses/:id — one stored analysis: parameters, result (in its kind's view) and provenance. */
export function AnalysisPage({ id }: { id: string }) {
  useDocumentTitle(`Analysis ${id.slice(0, 8)}`);
  const state = useFetch(`analysis:${id}`, (signal) => api.analysis(id, signal));
  return (
    <Async state={state} what={`analysis ${id}`}>
      {(analysis) => (
        <>
          <div className="page-head">
            <nav aria-label="Breadcrumb" className="breadcrumb">
              <Link to={paths.analyses()}>Analyses</Link>
              <span aria-hidden="true"> / </span>
              <span className="mono">{analysis.id}</span>
            </nav>
            <h1>
              <span className="mono">{analysis.kind}</span> analysis
            </h1>
            <dl className="headline">
              <div>
                <dt>Created</dt>
                <dd>{formatDateTime(analysis.createdAt)}</dd>
              </div>
              <div>
                <dt>Compound</dt>
                <dd>
                  {analysis.compoundId ? (
                    <Link to={paths.compound(analysis.compoundId)}>{analysis.compoundId}</Link>
                  ) : (
                    "—"
                  )}
                </dd>
              </div>
              {analysis.batchId && (
                <div>
                  <dt>Batch</dt>
                  <dd>
                    <Link to={paths.batch(analysis.batchId)} className="mono" data-testid="analysis-batch">
                      {analysis.batchId}
                    </Link>
                  </dd>
                </div>
              )}
              <div>
                <dt>Run again</dt>
                <dd>
                  <Link to={paths.analyses(analysis.kind)}>open the {analysis.kind} form</Link>
                </dd>
              </div>
            </dl>
          </div>
          <section className="card" aria-labelledby="params-heading">
            <h2 id="params-heading">Parameters</h2>
            <ResultView result={analysis.parameters} testId="parameters" />
          </section>
          <section className="card" aria-labelledby="result-heading">
            <h2 id="result-heading">Result</h2>
            <KindResultView
              kind={analysis.kind}
              result={analysis.result}
              parameters={analysis.parameters}
              analysisId={analysis.id}
              headingLevel={3}
            />
          </section>
          <section className="card provenance" aria-labelledby="prov-heading">
            <h2 id="prov-heading">Provenance</h2>
            <InputFilesTable inputs={envelopeInputs(analysis.provenance)} />
            <JsonView value={analysis.provenance} summary="Provenance envelope" testId="envelope" />
          </section>
        </>
      )}
    </Async>
  );
}
