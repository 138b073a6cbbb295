import type { ReactNode } from "react";

export interface PkFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  help?: string;
  /** "decimal" for numbers, "text" for lists. */
  inputMode?: "decimal" | "numeric" | "text";
  disabled?: boolean;
}

/** A labelled text input of the PK form, with help and error text tied to it. */
export function PkField({
  id,
  label,
  value,
  onChange,
  error,
  help,
  inputMode = "decimal",
  disabled,
}: PkFieldProps) {
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {help && (
        <p className="field__help" id={helpId}>
          {help}
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
