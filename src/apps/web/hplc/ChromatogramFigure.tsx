import { useEffect, useId, useState } from "react";
import { PlotImage } from "../components/PlotImage.js";
import type { ChromatogramView } from "./types.js";

/** A time typed in a zoom field, or undefined while it is empty or not a number. */
function minutes(text: string): number | undefined {
  const value = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(value) ? value : undefined;
}

/** How long typing may pause before the plot is redrawn: "3", "3." and "3.4" are not three requests. */
const REDRAW_DELAY_MS = 350;

/** `value`, once it has stopped changing for `delayMs`. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** A time bound of the zoom: `label` is shown, `name` is what a screen reader announces. */
function TimeField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  unit?: string;
}) {
  return (
    <label className="plot-controls__time">
      {props.label}
      <input
        aria-label={props.name}
        inputMode="decimal"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
      />
      {props.unit}
    </label>
  );
}

/**
 * The server-drawn chromatogram with the zoom an analyst checks integration with: the full signal range
 * or the impurities' (the main peak runs off the top), over a time window.
 */
export function ChromatogramFigure({
  plotUrl,
  alt,
  testId,
  initialScale = "full",
}: {
  /** The server's plot in a view. */
  plotUrl: (view: ChromatogramView) => string;
  alt: string;
  testId: string;
  /** The scale shown first and after Reset. */
  initialScale?: "full" | "impurities";
}) {
  const id = useId();
  const [scale, setScale] = useState(initialScale);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const view: ChromatogramView = { scale };
  const a = minutes(useSettled(from, REDRAW_DELAY_MS));
  const b = minutes(useSettled(to, REDRAW_DELAY_MS));
  const windowOk = a === undefined || b === undefined || b > a;
  if (windowOk && a !== undefined) view.from_min = a;
  if (windowOk && b !== undefined) view.to_min = b;
  return (
    <div className="chromatogram-figure">
      <fieldset className="plot-controls">
        <legend className="visually-hidden">Chromatogram view</legend>
        <fieldset className="segmented">
          <legend className="visually-hidden">Signal scale</legend>
          {(["full", "impurities"] as const).map((value) => (
            <label key={value} className={scale === value ? "segmented__option is-on" : "segmented__option"}>
              <input
                type="radio"
                name={`${id}-scale`}
                value={value}
                checked={scale === value}
                onChange={() => setScale(value)}
              />
              {value === "full" ? "Full scale" : "Impurity scale"}
            </label>
          ))}
        </fieldset>
        <TimeField label="From" name="From (min)" value={from} onChange={setFrom} placeholder="start" />
        <TimeField label="to" name="To (min)" value={to} onChange={setTo} placeholder="end" unit="min" />
        {(from !== "" || to !== "" || scale !== initialScale) && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setScale(initialScale);
              setFrom("");
              setTo("");
            }}
          >
            Reset
          </button>
        )}
        {!windowOk && (
          <span className="field__error" role="alert">
            The end must come after the start.
          </span>
        )}
      </fieldset>
      <PlotImage key={plotUrl(view)} src={plotUrl(view)} alt={alt} testId={testId} />
    </div>
  );
}
