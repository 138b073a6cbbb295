import type { AnalysisRun } from "../api.js";
import { JsonView } from "../components/JsonView.js";
import { Link } from "../components/Link.js";
import { formatDateTime } from "../format.js";
import { paths } from "../router.js";
import { ResultView } from "./ResultView.js";

/** The answer to a submitted analysis: warnings, the result, and the full provenance envelope. */
export function AnalysisOutcome({ run }: { run: AnalysisRun }) {
  const { envelope } = run;
  return (
    <section className="outcome" aria-labelledby="outcome-heading" data-testid="outcome">
      <div className="outcome__head">
        <h3 id="outcome-heading">Result</h3>
        <span className="muted">
          {envelope.kind} · Ixalab {envelope.ixalabVersion} · {formatDateTime(envelope.startedAt)} ·{" "}
          {envelope.durationMs} ms
        </span>
        {run.id ? (
          <Link to={paths.analysis(run.id)} className="badge badge--ok">
            saved · {run.id.slice(0, 8)}
          </Link>
        ) : (
          <span className="badge">not saved</span>
        )}
      </div>
      {envelope.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {envelope.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <ResultView result={envelope.result} />
      <JsonView value={envelope} summary="Provenance envelope" testId="envelope" />
    </section>
  );
}
