import { useState } from "react";
import { Async } from "../components/Async.js";
import { AuditTable } from "../components/AuditTable.js";
import { DocumentLinks } from "../components/DocumentLinks.js";
import { Link } from "../components/Link.js";
import { ResultSummary } from "../components/ResultSummary.js";
import { fixed, formatDateTime } from "../format.js";
import { paths } from "../router.js";
import { type BatchDetail, synthesisApi } from "../synthesis/synthesisApi.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";
import { optionalNumber, parseInputUses } from "./batchForm.js";
import { FormError, TextField, useFormAction, useFormFields } from "./formParts.js";
import { StatusBadge } from "./StatusBadge.js";
import "../synthesis/synthesis.css";

const num = (v: unknown, digits: number) => (typeof v === "number" ? fixed(v, digits) : "—");

type Lineage = BatchDetail["lineage"];

/** A genealogy tree: each batch with its material and the grams of the link, its own links nested below. */
function LineageTree({
  nodes,
  lineage,
  testId,
}: {
  nodes: Lineage["madeFrom"];
  lineage: Lineage;
  testId?: string;
}) {
  return (
    <ul className="link-list lineage" data-testid={testId}>
      {nodes.map((n) => (
        <li key={n.batchId}>
          <Link to={paths.batch(n.batchId)} className="mono">
            {n.batchId}
          </Link>
          <span className="muted">
            {" "}
            · {lineage.batches[n.batchId]?.material ?? "—"}
            {n.quantity_g !== null && ` · ${fixed(n.quantity_g, 2)} g`}
          </span>
          {n.children.length > 0 && <LineageTree nodes={n.children} lineage={lineage} />}
        </li>
      ))}
    </ul>
  );
}

function Genealogy({ detail }: { detail: BatchDetail }) {
  const { lineage } = detail;
  return (
    <section className="card" aria-labelledby="genealogy-heading" data-testid="genealogy">
      <h2 id="genealogy-heading">Genealogy</h2>
      <div className="grid grid--two">
        <div>
          <h3>Made from</h3>
          {lineage.madeFrom.length === 0 ? (
            <p className="muted">No input batches recorded.</p>
          ) : (
            <LineageTree nodes={lineage.madeFrom} lineage={lineage} testId="made-from" />
          )}
        </div>
        <div>
          <h3>Used in</h3>
          {lineage.usedIn.length === 0 ? (
            <p className="muted">Not used in another batch yet.</p>
          ) : (
            <LineageTree nodes={lineage.usedIn} lineage={lineage} testId="used-in" />
          )}
        </div>
      </div>
    </section>
  );
}

function Analyses({ detail }: { detail: BatchDetail }) {
  return (
    <section className="card card--flush" aria-labelledby="analyses-heading">
      <h2 id="analyses-heading" className="card__title-pad">
        Analyses
      </h2>
      {detail.analyses.length === 0 ? (
        <p className="empty">
          No analyses of this batch: save one with a batch id (<code>--batch {detail.batch.id}</code> on the
          command line, <code>batchId</code> in the API).
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="batch-analyses">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Analysis</th>
                <th scope="col">Result</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {detail.analyses.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="mono">
                    {a.kind}
                  </th>
                  <td>
                    <Link to={paths.analysis(a.id)} className="mono">
                      {a.id.slice(0, 8)}
                    </Link>
                  </td>
                  <td>
                    <ResultSummary lines={a.summary ?? []} />
                  </td>
                  <td className="nowrap">{formatDateTime(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Files({ detail }: { detail: BatchDetail }) {
  if (detail.files.length === 0) return null;
  return (
    <section className="card" aria-labelledby="files-heading">
      <h2 id="files-heading">Attached files</h2>
      <ul className="link-list" data-testid="batch-files">
        {detail.files.map((f) => (
          <li key={f.sha256}>
            <a href={synthesisApi.fileUrl(detail.batch.id, f.sha256)} download={f.name}>
              {f.name}
            </a>{" "}
            <span className="mono muted">{f.sha256.slice(0, 12)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecordForm({ id, onRecorded }: { id: string; onRecorded: () => void }) {
  const { values, bind, reset } = useFormFields({ actual: "", limiting: "", inputs: "", note: "" });
  const [files, setFiles] = useState<File[]>([]);
  const { busy, error, submit } = useFormAction(async () => {
    const actual_g = optionalNumber(values.actual);
    const limiting_g = optionalNumber(values.limiting);
    await synthesisApi.recordBatch(
      id,
      {
        ...(actual_g !== undefined && { actual_g }),
        ...(limiting_g !== undefined && { limiting_g }),
        ...(values.inputs.trim() && { inputs: parseInputUses(values.inputs) }),
        ...(values.note.trim() && { note: values.note.trim() }),
      },
      files,
    );
    reset();
    setFiles([]);
    onRecorded();
  });
  return (
    <form className="form-grid" onSubmit={submit} aria-label="Record the batch" noValidate>
      <TextField
        id="record-actual"
        label="Product isolated (g)"
        type="number"
        min="0"
        step="any"
        {...bind("actual")}
      />
      <TextField
        id="record-limiting"
        label="Limiting input used (g)"
        hint="default: its input batch's grams"
        type="number"
        min="0"
        step="any"
        {...bind("limiting")}
      />
      <TextField
        id="record-inputs"
        label="More input batches"
        hint="ID:grams, comma-separated"
        wide
        {...bind("inputs")}
      />
      <TextField id="record-note" label="Note" wide {...bind("note")} />
      <div className="field form-grid__wide">
        <label htmlFor="record-files">Attach raw files</label>
        <input
          id="record-files"
          type="file"
          multiple
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </div>
      <div className="form-grid__wide">
        <button type="submit" className="button button--primary" disabled={busy}>
          Record
        </button>
      </div>
      <FormError error={error} action="record the batch" />
    </form>
  );
}

function BatchView({ detail, reload }: { detail: BatchDetail; reload: () => void }) {
  const { batch, evaluation, releases } = detail;
  const r = batch.record;
  const released = releases.find((x) => x.decision === "released");
  return (
    <>
      <div className="page-head">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={paths.batches()}>Batches</Link>
          <span aria-hidden="true"> / </span>
          <span className="mono">{batch.id}</span>
        </nav>
        <h1>
          Batch <span className="mono">{batch.id}</span>
        </h1>
        {batch.label && <p className="page-head__lead">{batch.label}</p>}
        <dl className="headline">
          <div>
            <dt>Material</dt>
            <dd>
              {batch.compoundId ? (
                <Link to={paths.compound(batch.compoundId)}>{batch.compoundId}</Link>
              ) : (
                String(r.material ?? "—")
              )}
            </dd>
          </div>
          {typeof r.routeId === "string" && (
            <div>
              <dt>Route step</dt>
              <dd>
                <Link to={paths.synthesisRoute(r.routeId)}>
                  {r.routeId} · step {String(r.step)}
                </Link>
              </dd>
            </div>
          )}
          <div>
            <dt>Isolated</dt>
            <dd data-testid="actual-g">
              {num(r.actual_g, 2)} <span className="unit">g</span>
            </dd>
          </div>
          <div>
            <dt>Theoretical</dt>
            <dd>
              {num(r.theoretical_g, 3)} <span className="unit">g</span>
            </dd>
          </div>
          <div>
            <dt>Yield</dt>
            <dd data-testid="yield">
              {num(r.yieldPct, 1)} <span className="unit">%</span>
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd data-testid="batch-status">
              {released ? (
                <span className="badge badge--ok">released</span>
              ) : evaluation ? (
                <StatusBadge status={evaluation.outcome} />
              ) : (
                <span className="muted">no specification</span>
              )}
            </dd>
          </div>
        </dl>
      </div>
      {evaluation && (
        <section className="card release-summary" aria-labelledby="release-heading">
          <h2 id="release-heading">Specification and release</h2>
          <p>
            {evaluation.specificationId} v{evaluation.specificationVersion}:{" "}
            {evaluation.tests.filter((t) => t.status === "pass").length} of {evaluation.tests.length} tests
            pass.{" "}
            {releases.map((x) => (
              <span key={x.id}>
                {x.decision} by {x.signature.userName} on {formatDateTime(x.signature.signedAt)}.{" "}
              </span>
            ))}
          </p>
          <p>
            <Link
              to={paths.batchRelease(batch.id)}
              className="button button--small"
              data-testid="release-link"
            >
              Open the release view
            </Link>
          </p>
          {batch.compoundId && (
            <DocumentLinks
              label="Certificate of analysis"
              url={(f) => synthesisApi.coaUrl(batch.id, f)}
              testId="documents"
            />
          )}
        </section>
      )}
      <Genealogy detail={detail} />
      <Analyses detail={detail} />
      <Files detail={detail} />
      {!released && (
        <section className="card" aria-labelledby="record-heading">
          <h2 id="record-heading">Record</h2>
          <p className="card__lead">
            The theoretical mass and the yield follow from the grams of the step's limiting input and the
            route's molar masses.
          </p>
          <RecordForm id={batch.id} onRecorded={reload} />
        </section>
      )}
      <section className="card card--flush" aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="card__title-pad">
          Audit trail
        </h2>
        <AuditTable events={detail.audit} />
      </section>
    </>
  );
}

/** /batches/:id — a batch: amounts and yield, genealogy, analyses, files, record form, audit trail. */
export function BatchPage({ id }: { id: string }) {
  useDocumentTitle(`Batch ${id}`);
  const state = useFetch(`batch:${id}`, (signal) => synthesisApi.batch(id, signal));
  return (
    <Async state={state} what={`batch ${id}`}>
      {(detail) => <BatchView detail={detail} reload={state.reload} />}
    </Async>
  );
}
