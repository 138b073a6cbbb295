import type { AnalysisRun } from "../api.js";
import { InputFilesTable } from "../components/InputFilesTable.js";
import { JsonView } from "../components/JsonView.js";
import { Link } from "../components/Link.js";
import { formatDateTime } from "../format.js";
import { paths } from "../router.js";
import { KindResultView } from "./KindResultView.js";

/** The answer to a submitted analysis: warnings, the result, its input files and the provenance envelope. */
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
      <KindResultView
        kind={envelope.kind}
        result={envelope.result}
        parameters={envelope.parameters}
        analysisId={run.id}
        headingLevel={4}
      />
      <section className="provenance" aria-labelledby="outcome-provenance-heading">
        <h4 id="outcome-provenance-heading">Provenance</h4>
        <InputFilesTable inputs={envelope.inputs ?? []} />
        <JsonView value={envelope} summary="Provenance envelope" testId="envelope" />
      </section>
    </section>
  );
}
