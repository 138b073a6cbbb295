import type { ReactNode } from "react";
import type { Field } from "./schema.js";

export interface SchemaFieldProps {
  field: Field;
  value: string | boolean;
  error?: string;
  onChange: (value: string | boolean) => void;
}

/** One generated form control (input, textarea, number, checkbox or select) with label and help text. */
export function SchemaField({ field, value, error, onChange }: SchemaFieldProps) {
  const id = `param-${field.name}`;
  const helpId = field.description ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.name,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
    "aria-required": field.required || undefined,
  };
  const text = typeof value === "string" ? value : "";

  if (field.control === "checkbox") {
    return (
      <div className="field field--checkbox">
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>{field.label}</label>
        {field.description && (
          <p className="field__help" id={helpId}>
            {field.description}
          </p>
        )}
        {error && (
          <p className="field__error" id={errorId}>
            {error}
          </p>
        )}
      </div>
    );
  }

  let control: ReactNode;
  if (field.control === "textarea" || field.control === "json") {
    control = (
      <textarea
        {...common}
        rows={field.control === "json" ? 4 : 8}
        spellCheck={false}
        className="mono"
        value={text}
        placeholder={field.control === "json" ? "JSON" : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else if (field.control === "select") {
    control = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        {!field.required && <option value="">(default)</option>}
        {field.options?.map((option, index) => (
          <option key={option.label} value={String(index)}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (field.control === "number") {
    control = (
      <input
        {...common}
        type="number"
        inputMode="decimal"
        step={field.integer ? 1 : "any"}
        min={field.min}
        max={field.max}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        autoComplete="off"
        spellCheck={false}
        className={/smiles|inchi|formula/i.test(field.name) ? "mono" : undefined}
        placeholder={
          field.control === "numbers"
            ? "e.g. 4.09, 5.1"
            : field.control === "ranges"
              ? "e.g. 0-0.3, 4.3-5.5"
              : undefined
        }
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {field.required && (
          <span className="field__required" title="required">
            {" "}
            *
          </span>
        )}
        <span className="field__name mono">{field.name}</span>
      </label>
      {control}
      {field.description && (
        <p className="field__help" id={helpId}>
          {field.description}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
