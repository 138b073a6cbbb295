import { type FormEvent, useMemo, useState } from "react";
import type { ApiIssue, Kind } from "../api.js";
import { SchemaField } from "./SchemaField.js";
import { fieldsFromSchema, initialValues, toParameters } from "./schema.js";

export interface SchemaFormProps {
  kind: Kind;
  busy: boolean;
  onSubmit: (parameters: Record<string, unknown>) => void;
  /** Issues from the server's last answer; those whose path names a field are shown at that field. */
  issues?: ApiIssue[];
}

function issuesByField(issues: ApiIssue[], names: Set<string>): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const name =
      issue.path
        .split(/[.[\]/]/)
        .filter(Boolean)
        .pop() ?? "";
    if (names.has(name)) byField[name] = byField[name] ? `${byField[name]}; ${issue.message}` : issue.message;
  }
  return byField;
}

/** The parameter form of an analysis kind, generated from its JSON Schema. */
export function SchemaForm({ kind, busy, onSubmit, issues = [] }: SchemaFormProps) {
  const fields = useMemo(() => fieldsFromSchema(kind.parameters), [kind]);
  const [values, setValues] = useState(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = useMemo(
    () => issuesByField(issues, new Set(fields.map((f) => f.name))),
    [issues, fields],
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = toParameters(fields, values);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0) onSubmit(result.parameters);
  }

  return (
    // The server validates with the kind's own schema; its issue list is shown instead of the browser's.
    <form className="schema-form" onSubmit={handleSubmit} noValidate aria-label={`${kind.title} parameters`}>
      {fields.length === 0 && <p className="muted">This analysis takes no parameters.</p>}
      {fields.map((field) => (
        <SchemaField
          key={field.name}
          field={field}
          value={values[field.name] ?? ""}
          error={errors[field.name] ?? serverErrors[field.name]}
          onChange={(value) => setValues((previous) => ({ ...previous, [field.name]: value }))}
        />
      ))}
      <div className="schema-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Running…" : "Run analysis"}
        </button>
        <span className="muted">The result is saved with its provenance.</span>
      </div>
    </form>
  );
}
