import { useState } from "react";
import { valueText } from "../../../core/release/evaluateSpecification.js";
import { Async } from "../components/Async.js";
import { DocumentLinks } from "../components/DocumentLinks.js";
import { Link } from "../components/Link.js";
import { formatDateTime } from "../format.js";
import { paths } from "../router.js";
import {
  type Specification,
  type SpecificationEvaluation,
  type StoredRelease,
  synthesisApi,
} from "../synthesis/synthesisApi.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";
import { FormError, TextField, useFormAction, useFormFields } from "./formParts.js";
import { StatusBadge } from "./StatusBadge.js";
import "../synthesis/synthesis.css";

function SpecificationTable({
  specification,
  evaluation,
}: {
  specification: Specification;
  evaluation: SpecificationEvaluation;
}) {
  return (
    <div className="table-wrap">
      <table className="data spec-table" data-testid="spec-table">
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Limit</th>
            <th scope="col">Value</th>
            <th scope="col">Verdict</th>
            <th scope="col">Detail</th>
            <th scope="col">Analysis</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.tests.map((t) => {
            const spec = specification.tests.find((s) => s.id === t.testId);
            const source = spec?.source;
            return (
              <tr key={t.testId} data-test={t.testId} data-status={t.status}>
                <th scope="row">
                  {t.title}
                  <span className="spec-table__kind mono muted">{t.kind}</span>
                  {source && <span className="spec-table__source muted">{source}</span>}
                </th>
                <td>{t.limit}</td>
                <td className="nowrap" data-testid={`value-${t.testId}`}>
                  {spec ? valueText(spec.criterion, t.value) : t.value === null ? "—" : String(t.value)}
                </td>
                <td>
                  <StatusBadge status={t.status} testId={`status-${t.testId}`} />
                </td>
                <td className="muted">{t.detail}</td>
                <td>
                  {t.analysisId ? (
                    <Link to={paths.analysis(t.analysisId)} className="mono">
                      {t.analysisId.slice(0, 8)}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SignatureRecord({ release }: { release: StoredRelease }) {
  const s = release.signature;
  return (
    <dl className="signature" data-testid="signature" data-decision={release.decision}>
      <div>
        <dt>Decision</dt>
        <dd>
          <span className={release.decision === "released" ? "badge badge--ok" : "badge badge--bad"}>
            {release.decision}
          </span>
        </dd>
      </div>
      <div>
        <dt>Signed by</dt>
        <dd data-testid="signed-by">{s.userName}</dd>
      </div>
      <div>
        <dt>Signed at</dt>
        <dd>{formatDateTime(s.signedAt)}</dd>
      </div>
      <div>
        <dt>Meaning</dt>
        <dd data-testid="signature-meaning">{s.meaning}</dd>
      </div>
      <div className="signature__wide">
        <dt>Signed content (SHA-256)</dt>
        <dd className="mono wrap-anywhere">{s.contentSha256}</dd>
      </div>
    </dl>
  );
}

function SignForm({
  batchId,
  evaluation,
  onSigned,
}: {
  batchId: string;
  evaluation: SpecificationEvaluation;
  onSigned: () => void;
}) {
  const { values, bind, set } = useFormFields({
    userName: "",
    password: "",
    meaning: "QA release of the batch against its specification",
  });
  const [decision, setDecision] = useState<"released" | "rejected">(
    evaluation.outcome === "pass" ? "released" : "rejected",
  );
  const blocking = evaluation.tests.filter((t) => t.status !== "pass");
  const refused = decision === "released" && evaluation.outcome !== "pass";
  const { busy, error, submit } = useFormAction(async () => {
    if (refused) return;
    try {
      await synthesisApi.sign(batchId, {
        userName: values.userName.trim(),
        password: values.password,
        meaning: values.meaning,
        decision,
      });
    } finally {
      // The password is re-entered for every signature attempt.
      set("password", "");
    }
    onSigned();
  });

  return (
    <form
      className="form-grid sign-form"
      onSubmit={submit}
      aria-label="Electronic signature"
      data-testid="sign-form"
      noValidate
    >
      <fieldset className="sign-form__decision">
        <legend>Decision</legend>
        <label>
          <input
            type="radio"
            name="decision"
            value="released"
            checked={decision === "released"}
            onChange={() => setDecision("released")}
          />{" "}
          Release
        </label>
        <label>
          <input
            type="radio"
            name="decision"
            value="rejected"
            checked={decision === "rejected"}
            onChange={() => setDecision("rejected")}
          />{" "}
          Reject
        </label>
      </fieldset>
      {refused && (
        <p className="notice" role="status" data-testid="release-blocked">
          This batch cannot be released: {blocking.map((t) => `${t.title} ${t.status}`).join("; ")}.
        </p>
      )}
      <TextField id="sign-user" label="User" autoComplete="username" {...bind("userName")} />
      <TextField
        id="sign-password"
        label="Password"
        hint="re-entered for this signature"
        type="password"
        autoComplete="current-password"
        {...bind("password")}
      />
      <TextField id="sign-meaning" label="Meaning of the signature" wide {...bind("meaning")} />
      <div className="form-grid__wide">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || refused}
          data-testid="sign-button"
        >
          {decision === "released" ? "Sign the release" : "Sign the rejection"}
        </button>
      </div>
      <FormError error={error} action="sign" />
    </form>
  );
}

/**
 * /batches/:id/release — the batch's latest analyses against its specification (value, limit, verdict per
 * test) and the signature step: user, password and meaning; a release is refused while any line fails.
 */
export function ReleasePage({ id }: { id: string }) {
  useDocumentTitle(`Release ${id}`);
  const evaluation = useFetch(`evaluation:${id}`, (signal) => synthesisApi.evaluation(id, signal));
  const batch = useFetch(`batch:${id}`, (signal) => synthesisApi.batch(id, signal));
  const reload = () => {
    evaluation.reload();
    batch.reload();
  };
  return (
    <>
      <div className="page-head">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={paths.batches()}>Batches</Link>
          <span aria-hidden="true"> / </span>
          <Link to={paths.batch(id)} className="mono">
            {id}
          </Link>
          <span aria-hidden="true"> / </span>
          release
        </nav>
        <h1>
          Release of <span className="mono">{id}</span>
        </h1>
      </div>
      <Async state={evaluation} what="the specification evaluation">
        {({ specification, evaluation: e }) => (
          <section className="card card--flush" aria-labelledby="spec-heading">
            <div className="toolbar">
              <h2 id="spec-heading">
                {specification.title} <span className="muted">v{specification.version}</span>
              </h2>
              <span data-testid="outcome" data-outcome={e.outcome}>
                <StatusBadge status={e.outcome} />
              </span>
            </div>
            <SpecificationTable specification={specification} evaluation={e} />
          </section>
        )}
      </Async>
      <Async state={batch} what={`batch ${id}`}>
        {(detail) => {
          const released = detail.releases.find((r) => r.decision === "released");
          return (
            <section className="card" aria-labelledby="signature-heading">
              <h2 id="signature-heading">Electronic signature</h2>
              {detail.releases.map((r) => (
                <SignatureRecord key={r.id} release={r} />
              ))}
              {!released && evaluation.status === "ok" && (
                <SignForm batchId={id} evaluation={evaluation.data.evaluation} onSigned={reload} />
              )}
              <DocumentLinks
                label="Certificate of analysis"
                url={(f) => synthesisApi.coaUrl(id, f)}
                testId="documents"
              />
            </section>
          );
        }}
      </Async>
    </>
  );
}
