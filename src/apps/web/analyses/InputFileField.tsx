import { useRef } from "react";
import type { InputSpec } from "../api.js";
import { capitalize, formatBytes } from "../format.js";

export interface InputFileFieldProps {
  spec: InputSpec;
  file: File | undefined;
  error?: string;
  onChange: (file: File | undefined) => void;
}

function acceptText(accept: string | undefined): string | undefined {
  if (!accept) return undefined;
  return accept
    .split(",")
    .map((pattern) => pattern.trim())
    .filter(Boolean)
    .join(", ");
}

/** A file picker for one input of a kind: labelled by its description, with the chosen file's size. */
export function InputFileField({ spec, file, error, onChange }: InputFileFieldProps) {
  const picker = useRef<HTMLInputElement>(null);
  const id = `input-${spec.name}`;
  const helpId = `${id}-help`;
  const errorId = error ? `${id}-error` : undefined;
  const accepts = acceptText(spec.accept);

  function clear() {
    if (picker.current) picker.current.value = "";
    onChange(undefined);
    picker.current?.focus();
  }

  return (
    <div className="field field--file">
      <label htmlFor={id}>
        {capitalize(spec.description)}
        {spec.required && (
          <span className="field__required" title="required">
            {" "}
            *
          </span>
        )}
        <span className="field__name mono">{spec.name}</span>
      </label>
      <div className="file-picker">
        <input
          ref={picker}
          id={id}
          name={spec.name}
          type="file"
          accept={spec.accept}
          aria-describedby={[helpId, errorId].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
          // The form is noValidate: `required` is announced, and the server says what is missing.
          required={spec.required}
          onChange={(event) => onChange(event.target.files?.[0] ?? undefined)}
        />
        {file && (
          <button type="button" className="button button--small" onClick={clear}>
            Remove<span className="visually-hidden"> {file.name}</span>
          </button>
        )}
      </div>
      <p className="field__help" id={helpId}>
        {file ? (
          <>
            <span className="mono">{file.name}</span> · {formatBytes(file.size)}
          </>
        ) : (
          <>
            Format <span className="mono">{spec.format}</span>
            {accepts && <> · {accepts}</>}
            {!spec.required && " · optional"}
          </>
        )}
      </p>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
