import { useId, useState } from "react";
import { api } from "../api.js";
import { Async } from "../components/Async.js";
import { formatDateTime } from "../format.js";
import { useFetch } from "../useFetch.js";
import { ChromatogramFigure } from "./ChromatogramFigure.js";
import { overlayPlotUrl } from "./types.js";

/** Runs the overlay can hold besides this one: the server draws seven colours. */
const MAX_OTHERS = 6;

/**
 * This run's chromatogram over other stored hplc.analyze runs (baseline-corrected, one colour each): the
 * impurity profiles of batches or injections compared peak by peak.
 */
export function CompareRuns({ analysisId }: { analysisId: string }) {
  const id = useId();
  const state = useFetch("hplc-runs", (signal) =>
    api.analysisSummaries({ kind: "hplc.analyze", limit: 50 }, signal),
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (other: string, on: boolean) =>
    setChosen((list) => (on ? [...list, other] : list.filter((x) => x !== other)));
  return (
    <Async state={state} what="the stored HPLC runs">
      {(rows) => {
        const others = rows.filter((r) => r.id !== analysisId);
        if (others.length === 0)
          return <p className="muted">No other stored HPLC run to compare this one with yet.</p>;
        return (
          <div className="compare-runs" data-testid="compare-runs">
            <fieldset className="compare-runs__choices">
              <legend>Overlay with (up to {MAX_OTHERS})</legend>
              {others.map((r) => {
                const checked = chosen.includes(r.id);
                const purity = r.summary.find(([label]) => label === "purity")?.[1];
                return (
                  <label key={r.id} className="compare-runs__choice">
                    <input
                      type="checkbox"
                      name={`${id}-runs`}
                      checked={checked}
                      disabled={!checked && chosen.length >= MAX_OTHERS}
                      onChange={(e) => toggle(r.id, e.target.checked)}
                    />
                    <span className="mono">{r.batchId ?? r.id.slice(0, 8)}</span>{" "}
                    <span className="muted">
                      {formatDateTime(r.createdAt)}
                      {purity ? ` · ${purity}` : ""}
                    </span>
                  </label>
                );
              })}
            </fieldset>
            {chosen.length > 0 && (
              <ChromatogramFigure
                plotUrl={(view) => overlayPlotUrl([analysisId, ...chosen], view)}
                alt="This run's chromatogram over the chosen runs, each minus its integration baseline"
                testId="hplc-overlay-plot"
                initialScale="impurities"
              />
            )}
          </div>
        );
      }}
    </Async>
  );
}
