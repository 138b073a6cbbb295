/** Small building blocks of the batch and release forms: a labelled input, form state and submission. */
import { type FormEvent, type InputHTMLAttributes, useState } from "react";
import { ErrorMessage } from "../components/ErrorMessage.js";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  /** A short hint beside the label (unit, format). */
  hint?: string;
  /** Spans the whole form row. */
  wide?: boolean;
}

/** A labelled input (type text unless given). */
export function TextField({ id, label, hint, wide, type = "text", ...input }: TextFieldProps) {
  return (
    <div className={wide ? "field form-grid__wide" : "field"}>
      <label htmlFor={id}>
        {label}
        {hint && <span className="field__name">{hint}</span>}
      </label>
      <input id={id} type={type} {...input} />
    </div>
  );
}

/** Text values of a form by name: `bind(name)` for an input, `set` one value, `reset` all of them. */
export function useFormFields<K extends string>(initial: Record<K, string>) {
  const [values, setValues] = useState(initial);
  const set = (key: K, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const bind = (key: K) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });
  return { values, bind, set, reset: () => setValues(initial) };
}

/** Runs `action` on submit, with a busy flag and the error it threw (cleared on the next submit). */
export function useFormAction(action: () => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, submit };
}

/** The error of a failed submission across the form's width, or nothing. */
export function FormError({ error, action }: { error: unknown; action: string }) {
  if (error === null) return null;
  return (
    <div className="form-grid__wide">
      <ErrorMessage error={error} action={action} />
    </div>
  );
}
