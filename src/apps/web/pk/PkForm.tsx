import { type FormEvent, useState } from "react";
import { PkField } from "./PkField.js";
import {
  INITIAL_PK_VALUES,
  type PkFormErrors,
  type PkFormValues,
  type PkRequest,
  pkRequest,
} from "./pkForm.js";

const DOSE_PRESETS = [
  { label: "Label 4 mg", dose: "4" },
  { label: "Reduced 3 mg", dose: "3" },
  { label: "2.3 mg", dose: "2.3" },
] as const;

export interface PkFormProps {
  models: readonly string[];
  busy: boolean;
  onSubmit: (request: PkRequest) => void;
}

/** Regimen, optional β5 link and optional virtual population for the PK page. */
export function PkForm({ models, busy, onSubmit }: PkFormProps) {
  const [values, setValues] = useState<PkFormValues>(() => ({
    ...INITIAL_PK_VALUES,
    model: models.includes(INITIAL_PK_VALUES.model) ? INITIAL_PK_VALUES.model : (models[0] ?? ""),
  }));
  const [errors, setErrors] = useState<PkFormErrors>({});

  function set<K extends keyof PkFormValues>(key: K, value: PkFormValues[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { request, errors: found } = pkRequest(values);
    setErrors(found);
    if (request) onSubmit(request);
  }

  return (
    <form className="pk-form" onSubmit={handleSubmit} noValidate aria-label="PK simulation">
      <fieldset className="pk-form__group">
        <legend>Regimen</legend>
        <div className="field">
          <label htmlFor="pk-model">Model</label>
          <select id="pk-model" value={values.model} onChange={(e) => set("model", e.target.value)}>
            {models.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
          </select>
        </div>
        <div className="pk-form__dose">
          <fieldset className="pk-presets">
            <legend className="visually-hidden">Dose presets</legend>
            {DOSE_PRESETS.map((preset) => (
              <button
                key={preset.label}
                type="button"
                className={`button button--small${values.doseMg === preset.dose ? " pk-presets__current" : ""}`}
                aria-pressed={values.doseMg === preset.dose}
                onClick={() => set("doseMg", preset.dose)}
              >
                {preset.label}
              </button>
            ))}
          </fieldset>
          <PkField
            id="pk-dose"
            label="Dose (mg)"
            value={values.doseMg}
            error={errors.doseMg}
            onChange={(v) => set("doseMg", v)}
          />
        </div>
        <div className="pk-form__row">
          <PkField
            id="pk-days"
            label="Dosing days"
            inputMode="text"
            value={values.days}
            help="Days of each cycle, comma separated"
            error={errors.days}
            onChange={(v) => set("days", v)}
          />
          <PkField
            id="pk-cycle-days"
            label="Cycle length (days)"
            inputMode="numeric"
            value={values.cycleDays}
            error={errors.cycleDays}
            onChange={(v) => set("cycleDays", v)}
          />
          <PkField
            id="pk-cycles"
            label="Cycles"
            inputMode="numeric"
            value={values.cycles}
            error={errors.cycles}
            onChange={(v) => set("cycles", v)}
          />
        </div>
      </fieldset>

      <fieldset className="pk-form__group">
        <legend>β5 inhibition</legend>
        <div className="field field--checkbox">
          <input
            id="pk-link"
            type="checkbox"
            checked={values.link}
            aria-controls="pk-link-fields"
            onChange={(e) => set("link", e.target.checked)}
          />
          <label htmlFor="pk-link">Link concentration to % β5 inhibition (Emax/Hill)</label>
        </div>
        <div className="pk-form__row" id="pk-link-fields">
          <PkField
            id="pk-ic50"
            label={
              <>
                IC<sub>50</sub> (nM)
              </>
            }
            value={values.ic50nM}
            disabled={!values.link}
            error={errors.ic50nM}
            onChange={(v) => set("ic50nM", v)}
          />
          <PkField
            id="pk-hill"
            label="Hill slope"
            value={values.hill}
            disabled={!values.link}
            error={errors.hill}
            onChange={(v) => set("hill", v)}
          />
          <div className="field pk-form__wide">
            <label htmlFor="pk-basis">Basis</label>
            <select
              id="pk-basis"
              value={values.basis}
              disabled={!values.link}
              onChange={(e) => set("basis", e.target.value === "unbound" ? "unbound" : "whole-blood")}
            >
              <option value="whole-blood">whole blood (B:P 10)</option>
              <option value="unbound">unbound (fu 0.01)</option>
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset className="pk-form__group">
        <legend>Virtual population (optional)</legend>
        <div className="pk-form__row">
          <PkField
            id="pk-subjects"
            label="Subjects"
            inputMode="numeric"
            value={values.subjects}
            help="Leave empty to simulate the typical subject only"
            error={errors.subjects}
            onChange={(v) => set("subjects", v)}
          />
          <PkField
            id="pk-seed"
            label="Seed"
            inputMode="numeric"
            value={values.seed}
            error={errors.seed}
            onChange={(v) => set("seed", v)}
          />
        </div>
      </fieldset>

      <div className="schema-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Simulating…" : "Simulate"}
        </button>
        <span className="muted">Both runs are saved with their provenance.</span>
      </div>
    </form>
  );
}
