import { type FormEvent, useMemo, useState } from "react";
import type { ApiIssue, Kind } from "../api.js";
import { InputFileField } from "./InputFileField.js";
import { issuesByField, issuesByInput } from "./issues.js";
import { SchemaField } from "./SchemaField.js";
import { fieldsFromSchema, initialValues, toParameters } from "./schema.js";
import { visibleInputs } from "./visibleInputs.js";

/** Chosen files by input name. */
export type ChosenFiles = Record<string, File>;

export interface SchemaFormProps {
  kind: Kind;
  busy: boolean;
  onSubmit: (parameters: Record<string, unknown>, files: ChosenFiles) => void;
  /**
   * Issues from the server's last answer: those at `inputs.<name>` are shown at that file picker, others
   * whose path names a parameter at that field.
   */
  issues?: ApiIssue[];
}

const NO_ISSUES: ApiIssue[] = [];

/** The parameter form of an analysis kind, generated from its JSON Schema. */
export function SchemaForm({ kind, busy, onSubmit, issues = NO_ISSUES }: SchemaFormProps) {
  const fields = useMemo(() => fieldsFromSchema(kind.parameters), [kind]);
  const inputs = kind.inputs ?? [];
  const [values, setValues] = useState(() => initialValues(fields));
  const [files, setFiles] = useState<ChosenFiles>({});
  // Inputs whose file changed since the server's last answer: its complaint about them no longer applies.
  const [changed, setChanged] = useState<{ issues: ApiIssue[]; names: string[] }>({ issues, names: [] });
  const changedInputs = changed.issues === issues ? changed.names : [];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = useMemo(
    () => issuesByField(issues, new Set(fields.map((f) => f.name))),
    [issues, fields],
  );
  const inputErrors = useMemo(
    () => issuesByInput(issues, new Set((kind.inputs ?? []).map((i) => i.name))),
    [issues, kind],
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = toParameters(fields, values);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0) onSubmit(result.parameters, files);
  }

  function chooseFile(name: string, file: File | undefined) {
    setChanged({ issues, names: [...changedInputs, name] });
    setFiles((previous) => {
      const next = { ...previous };
      if (file) next[name] = file;
      else delete next[name];
      return next;
    });
  }

  const pickers = inputs.length > 0 && (
    <fieldset className="schema-form__group" key="files">
      <legend>Input files</legend>
      {visibleInputs(inputs, files).map((spec) => (
        <InputFileField
          key={spec.name}
          spec={spec}
          file={files[spec.name]}
          error={changedInputs.includes(spec.name) ? undefined : inputErrors[spec.name]}
          onChange={(file) => chooseFile(spec.name, file)}
        />
      ))}
    </fieldset>
  );
  const parameterFields = (fields.length > 0 || inputs.length === 0) && (
    <fieldset className="schema-form__group" key="parameters">
      {inputs.length > 0 && <legend>Parameters</legend>}
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
    </fieldset>
  );
  // Kinds that need files (plate data) ask for them first; optional files (a molfile instead of a SMILES)
  // come after the parameters they stand in for.
  const filesFirst = inputs.some((spec) => spec.required);

  return (
    // The server validates with the kind's own schema; its issue list is shown instead of the browser's.
    <form className="schema-form" onSubmit={handleSubmit} noValidate aria-label={`${kind.title} parameters`}>
      {filesFirst ? [pickers, parameterFields] : [parameterFields, pickers]}
      <div className="schema-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Running…" : "Run analysis"}
        </button>
        <span className="muted">The result is saved with its provenance.</span>
      </div>
    </form>
  );
}
