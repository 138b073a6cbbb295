import { useId, useMemo, useState } from "react";
import { CurveFigure } from "./CurveFigure.js";
import { classLabel } from "./ic50Format.js";
import { type CurveEntry, POOLED } from "./types.js";

const ALL = "";

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The dose-response plots as a responsive grid, filterable by plate (or pooled), class and compound name. */
export function CurveGrid({ analysisId, entries }: { analysisId: string; entries: CurveEntry[] }) {
  const id = useId();
  const [plate, setPlate] = useState(ALL);
  const [curveClass, setCurveClass] = useState(ALL);
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const plates = useMemo(() => unique(entries.filter((e) => !e.pooled).map((e) => e.plate)), [entries]);
  const hasPooled = entries.some((e) => e.pooled);
  const classes = useMemo(() => unique(entries.map((e) => e.curve.class)), [entries]);
  const shown = entries.filter(
    (e) =>
      (plate === ALL || e.plate === plate) &&
      (curveClass === ALL || e.curve.class === curveClass) &&
      (needle === "" || e.curve.compound.toLowerCase().includes(needle)),
  );

  return (
    <div className="curve-grid">
      <fieldset className="curve-grid__filters">
        <legend className="visually-hidden">Filter the curves</legend>
        <label htmlFor={`${id}-plate`}>Plate</label>
        <select id={`${id}-plate`} value={plate} onChange={(e) => setPlate(e.target.value)}>
          <option value={ALL}>All plates</option>
          {plates.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
          {hasPooled && <option value={POOLED}>Pooled</option>}
        </select>
        <label htmlFor={`${id}-class`}>Class</label>
        <select id={`${id}-class`} value={curveClass} onChange={(e) => setCurveClass(e.target.value)}>
          <option value={ALL}>All classes</option>
          {classes.map((c) => (
            <option key={c} value={c}>
              {classLabel(c)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-search`}>Compound</label>
        <input
          id={`${id}-search`}
          type="search"
          className="curve-grid__search"
          placeholder="name contains…"
          autoComplete="off"
          spellCheck={false}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="muted curve-grid__count" aria-live="polite">
          {shown.length === entries.length
            ? `${entries.length} curve${entries.length === 1 ? "" : "s"}`
            : `${shown.length} of ${entries.length} curves`}
        </span>
      </fieldset>
      {shown.length === 0 ? (
        <p className="empty">No curve matches these filters.</p>
      ) : (
        <div className="curve-grid__items">
          {shown.map((entry) => (
            <CurveFigure key={entry.key} analysisId={analysisId} entry={entry} />
          ))}
        </div>
      )}
    </div>
  );
}
