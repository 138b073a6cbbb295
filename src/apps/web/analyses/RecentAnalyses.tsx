import { api } from "../api.js";
import { Async } from "../components/Async.js";
import { Link } from "../components/Link.js";
import { ResultSummary } from "../components/ResultSummary.js";
import { formatDateTime } from "../format.js";
import { paths } from "../router.js";
import { useFetch } from "../useFetch.js";

/** The latest stored analyses of every kind; `version` changes after each new run to refresh the list. */
export function RecentAnalyses({ version }: { version: number }) {
  const state = useFetch(`analyses:${version}`, (signal) => api.analysisSummaries({ limit: 20 }, signal));
  return (
    <section className="card card--flush" aria-labelledby="recent-heading">
      <h2 id="recent-heading" className="card__title-pad">
        Recent analyses
      </h2>
      <Async state={state} what="the stored analyses">
        {(analyses) =>
          analyses.length === 0 ? (
            <p className="empty">No stored analyses yet. Run one above.</p>
          ) : (
            <div className="table-wrap">
              <table className="data" data-testid="recent-analyses">
                <thead>
                  <tr>
                    <th scope="col">Created</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Batch or compound</th>
                    <th scope="col">Result</th>
                    <th scope="col">Id</th>
                  </tr>
                </thead>
                <tbody>
                  {analyses.map((analysis) => (
                    <tr key={analysis.id}>
                      <td className="nowrap">{formatDateTime(analysis.createdAt)}</td>
                      <td className="mono nowrap">{analysis.kind}</td>
                      <td className="nowrap">
                        {analysis.batchId ? (
                          <Link to={paths.batch(analysis.batchId)}>{analysis.batchId}</Link>
                        ) : analysis.compoundId ? (
                          <Link to={paths.compound(analysis.compoundId)}>{analysis.compoundId}</Link>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td>
                        <ResultSummary lines={analysis.summary} />
                      </td>
                      <td className="mono nowrap">
                        <Link to={paths.analysis(analysis.id)}>{analysis.id.slice(0, 8)}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
    </section>
  );
}
