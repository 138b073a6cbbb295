import { valueText } from "../../../core/release/evaluateSpecification.js";
import { Async } from "../components/Async.js";
import { Link } from "../components/Link.js";
import { fixed, formatDateTime } from "../format.js";
import { paths } from "../router.js";
import { type BatchAnalyses, synthesisApi } from "../synthesis/synthesisApi.js";
import { useFetch } from "../useFetch.js";
import { DecisionBadge } from "./DecisionBadge.js";

/**
 * Every batch of a material against its specification, test by test (CTD 3.2.S.4.4 "Batch analyses"):
 * the table a QA reviewer trends and a filing reproduces. Decided batches show what was signed.
 */
export function BatchAnalysesSection({ material, version }: { material: string; version: number }) {
  const state = useFetch(`batch-analyses:${material}:${version}`, (signal) =>
    synthesisApi.batchAnalyses(material, signal),
  );
  return (
    <Async state={state} what={`the batch analyses of ${material}`}>
      {(analyses) => <BatchAnalysesTable analyses={analyses} />}
    </Async>
  );
}

function BatchAnalysesTable({ analyses }: { analyses: BatchAnalyses }) {
  const { specification, batches } = analyses;
  if (batches.length === 0) return <p className="empty">No batches of {analyses.material} yet.</p>;
  return (
    <div className="table-wrap">
      <table className="data batch-analyses" data-testid={`batch-analyses-${analyses.material}`}>
        <caption className="visually-hidden">
          {specification.title} v{specification.version}, every batch
        </caption>
        <thead>
          <tr>
            <th scope="col">Batch</th>
            <th scope="col" className="num">
              Quantity (g)
            </th>
            {specification.tests.map((t) => (
              <th scope="col" key={t.id}>
                {t.title.replace(/\s*\([^)]*\)$/, "")}
                <span className="props__hint">{valueLimit(analyses, t.id)}</span>
              </th>
            ))}
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.batchId}>
              <th scope="row">
                <Link
                  to={paths.batch(b.batchId)}
                  className="mono nowrap"
                  title={`recorded ${formatDateTime(b.createdAt)}`}
                >
                  {b.batchId}
                </Link>
              </th>
              <td className="num">{b.actual_g === null ? "—" : fixed(b.actual_g, 2)}</td>
              {specification.tests.map((t) => {
                const line = b.evaluation.tests.find((x) => x.testId === t.id);
                return (
                  <td
                    key={t.id}
                    className={line?.status === "pass" ? undefined : "bad"}
                    data-test={t.id}
                    data-status={line?.status ?? "not tested"}
                    title={line?.detail}
                  >
                    {line ? valueText(t.criterion, line.value) : "—"}
                    {line && line.status !== "pass" && <span className="props__hint">{line.status}</span>}
                  </td>
                );
              })}
              <td>
                <DecisionBadge
                  batchId={b.batchId}
                  decision={b.decision}
                  undecided={
                    <Link to={paths.batchRelease(b.batchId)} className="muted nowrap">
                      not decided
                    </Link>
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A test's limit as the newest evaluation prints it ("≥ 98.0 %"). */
function valueLimit(analyses: BatchAnalyses, testId: string): string {
  for (const b of [...analyses.batches].reverse()) {
    const line = b.evaluation.tests.find((t) => t.testId === testId);
    if (line) return line.limit;
  }
  return "";
}
