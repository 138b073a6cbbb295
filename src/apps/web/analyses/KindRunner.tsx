import { useState } from "react";
import type { AnalysisRun, Kind } from "../api.js";
import { ApiError, api } from "../api.js";
import { ErrorMessage } from "../components/ErrorMessage.js";
import { AnalysisOutcome } from "./AnalysisOutcome.js";
import { type ChosenFiles, SchemaForm } from "./SchemaForm.js";

type Outcome =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; run: AnalysisRun }
  | { status: "failed"; error: unknown };

/** Form, submission and outcome for one kind; `onSaved` lets the page refresh its list of analyses. */
export function KindRunner({ kind, onSaved }: { kind: Kind; onSaved: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });

  async function run(parameters: Record<string, unknown>, files: ChosenFiles) {
    setOutcome({ status: "running" });
    try {
      const result = await api.runAnalysis(kind.id, parameters, files, true);
      setOutcome({ status: "done", run: result });
      if (result.id) onSaved();
    } catch (error) {
      setOutcome({ status: "failed", error });
    }
  }

  return (
    <section className="card" aria-labelledby="kind-heading">
      <h2 id="kind-heading">{kind.title}</h2>
      {kind.description && <p className="card__lead">{kind.description}</p>}
      {kind.command && (
        <p className="card__cli">
          Command line: <code>{kind.command}</code>
        </p>
      )}
      <SchemaForm
        kind={kind}
        busy={outcome.status === "running"}
        onSubmit={run}
        issues={
          outcome.status === "failed" && outcome.error instanceof ApiError ? outcome.error.issues : undefined
        }
      />
      <div aria-live="polite">
        {outcome.status === "failed" && <ErrorMessage error={outcome.error} action={`run ${kind.id}`} />}
        {outcome.status === "done" && <AnalysisOutcome run={outcome.run} />}
      </div>
    </section>
  );
}
