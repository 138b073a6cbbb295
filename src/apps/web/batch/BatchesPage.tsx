import { useState } from "react";
import { Async } from "../components/Async.js";
import { DocumentLinks } from "../components/DocumentLinks.js";
import { ErrorMessage } from "../components/ErrorMessage.js";
import { Link } from "../components/Link.js";
import { fixed, formatDateTime } from "../format.js";
import { navigate, paths } from "../router.js";
import { type BatchListRow, type NewBatchRequest, synthesisApi } from "../synthesis/synthesisApi.js";
import { useDocumentTitle } from "../useDocumentTitle.js";
import { useFetch } from "../useFetch.js";
import { BatchAnalysesSection } from "./BatchAnalysesTable.js";
import { parseInputUses } from "./batchForm.js";
import { DecisionBadge } from "./DecisionBadge.js";
import { FormError, TextField, useFormAction, useFormFields } from "./formParts.js";
import "../synthesis/synthesis.css";

const num = (v: unknown, digits: number) => (typeof v === "number" ? fixed(v, digits) : "—");

function BatchTable({ batches }: { batches: BatchListRow[] }) {
  if (batches.length === 0) {
    return <p className="empty">No batches yet: create one below, or seed the demo campaign.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="data" data-testid="batches">
        <thead>
          <tr>
            <th scope="col">Batch</th>
            <th scope="col">Material</th>
            <th scope="col">Label</th>
            <th scope="col">Route step</th>
            <th scope="col" className="num">
              Actual g
            </th>
            <th scope="col" className="num">
              Yield %
            </th>
            <th scope="col">Release</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                <Link to={paths.batch(b.id)} className="mono nowrap">
                  {b.id}
                </Link>
              </th>
              <td>{b.compoundId ?? String(b.record.material ?? "—")}</td>
              <td>{b.label ?? "—"}</td>
              <td>
                {typeof b.record.routeId === "string" ? (
                  <Link to={paths.synthesisRoute(b.record.routeId)}>
                    {b.record.routeId} · {String(b.record.step)}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="num">{num(b.record.actual_g, 2)}</td>
              <td className="num">{num(b.record.yieldPct, 1)}</td>
              <td data-testid="batch-decision">
                <DecisionBadge
                  batchId={b.id}
                  decision={b.decision}
                  undecided={<span className="muted">—</span>}
                />
              </td>
              <td className="nowrap">{formatDateTime(b.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateBatchForm() {
  const { values, bind } = useFormFields({
    id: "",
    material: "",
    label: "",
    routeId: "",
    step: "",
    inputs: "",
  });
  const { busy, error, submit } = useFormAction(async () => {
    const request: NewBatchRequest = { id: values.id.trim(), inputs: parseInputUses(values.inputs) };
    if (values.material.trim()) request.material = values.material.trim();
    if (values.label.trim()) request.label = values.label.trim();
    if (values.routeId.trim()) request.routeId = values.routeId.trim();
    if (values.step.trim()) request.step = Number(values.step);
    const created = await synthesisApi.createBatch(request);
    navigate(paths.batch(created.batch.id));
  });
  return (
    <form className="form-grid" onSubmit={submit} aria-label="Create a batch" noValidate>
      <TextField id="batch-id" label="Batch id" placeholder="IXC-24-001" {...bind("id")} />
      <TextField
        id="batch-material"
        label="Material"
        hint="catalog compound id"
        placeholder="ixazomib-citrate"
        {...bind("material")}
      />
      <TextField id="batch-label" label="Label" {...bind("label")} />
      <TextField id="batch-route" label="Route" placeholder="ixazomib-citrate" {...bind("routeId")} />
      <TextField id="batch-step" label="Step" type="number" min="1" step="1" {...bind("step")} />
      <TextField
        id="batch-inputs"
        label="Input batches"
        hint="ID:grams, comma-separated"
        placeholder="IXB-DEMO-01:10.2"
        wide
        {...bind("inputs")}
      />
      <div className="form-grid__wide">
        <button type="submit" className="button button--primary" disabled={busy}>
          Create batch
        </button>
      </div>
      <FormError error={error} action="create the batch" />
    </form>
  );
}

/** /batches — every batch with its material, route step, amount and yield; create one; seed the demo. */
export function BatchesPage() {
  useDocumentTitle("Batches");
  const state = useFetch("batches", (signal) => synthesisApi.batches(signal));
  const specs = useFetch("specifications", (signal) => synthesisApi.specifications(signal));
  // Reloaded with the list: seeding or creating batches changes the analyses too.
  const analysesVersion = state.status === "ok" ? state.data.length : 0;
  const [seeding, setSeeding] = useState<"idle" | "busy" | unknown>("idle");
  async function seed() {
    setSeeding("busy");
    try {
      await synthesisApi.seedDemo();
      setSeeding("idle");
      state.reload();
    } catch (error) {
      setSeeding(error);
    }
  }
  return (
    <>
      <div className="page-head">
        <h1>Batches</h1>
        <p className="page-head__lead">
          Lots of starting materials, intermediates and product: what went in, what came out, the analyses
          that test them and the signed release decisions. Every change is in the audit trail.
        </p>
      </div>
      <section className="card card--flush" aria-label="Batches">
        <div className="toolbar">
          <span className="muted toolbar__count">
            {state.status === "ok" && `${state.data.length} batch${state.data.length === 1 ? "" : "es"}`}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={seed}
            disabled={seeding === "busy"}
            data-testid="seed-demo"
          >
            Seed the demo campaign
          </button>
        </div>
        {seeding !== "idle" && seeding !== "busy" && <ErrorMessage error={seeding} action="seed the demo" />}
        <Async state={state} what="the batches">
          {(batches) => <BatchTable batches={batches} />}
        </Async>
      </section>
      <Async state={specs} what="the specifications">
        {(list) => (
          <>
            {list.map((spec) => (
              <section className="card card--flush" aria-labelledby={`analyses-${spec.id}`} key={spec.id}>
                <h2 id={`analyses-${spec.id}`} className="card__title-pad">
                  Batch analyses: {spec.material}
                </h2>
                <p className="card__lead card__title-pad">
                  Every batch against {spec.title} v{spec.version}, test by test (CTD 3.2.S.4.4). Decided
                  batches show the results that were signed.
                </p>
                <BatchAnalysesSection material={spec.material} version={analysesVersion} />
                <div className="card__title-pad">
                  <DocumentLinks
                    label="The table as a document"
                    url={(format) => synthesisApi.batchAnalysesUrl(spec.material, format)}
                    testId={`batch-analyses-documents-${spec.material}`}
                  />
                </div>
              </section>
            ))}
          </>
        )}
      </Async>
      <section className="card" aria-labelledby="create-heading">
        <h2 id="create-heading">New batch</h2>
        <CreateBatchForm />
      </section>
    </>
  );
}
