import { useId, useState } from "react";
import type { PotencyTrend as Trend } from "../../../core/assays/ic50/potencyTrend.js";
import { getJson } from "../api.js";
import { Async } from "../components/Async.js";
import { PlotImage } from "../components/PlotImage.js";
import { compact } from "../format.js";
import { useFetch } from "../useFetch.js";

const enc = encodeURIComponent;

/**
 * A compound's IC50 over every stored IC50 run, as a control chart (geometric mean ± 3 SD of log10 IC50):
 * how an assay's reference compound drifts, or a result that is out of family.
 */
export function PotencyTrendSection({ compounds }: { compounds: readonly string[] }) {
  const id = useId();
  const [compound, setCompound] = useState(
    compounds.includes("bortezomib") ? "bortezomib" : (compounds[0] ?? ""),
  );
  const state = useFetch(`potency:${compound}`, (signal) =>
    getJson<Trend & { compound: string }>(`/api/assays/ic50/trend?compound=${enc(compound)}`, signal),
  );
  if (compounds.length === 0) return null;
  return (
    <div className="potency-trend" data-testid="potency-trend">
      <label className="inline-field" htmlFor={`${id}-compound`}>
        Compound{" "}
        <select id={`${id}-compound`} value={compound} onChange={(e) => setCompound(e.target.value)}>
          {compounds.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <Async state={state} what={`the IC50 runs of ${compound}`}>
        {(trend) => (
          <>
            <p className="muted" data-testid="potency-stats">
              {trend.points.length} stored run{trend.points.length === 1 ? "" : "s"}
              {trend.geometricMean_nM !== null && `; geometric mean ${compact(trend.geometricMean_nM, 3)} nM`}
              {trend.lower_nM !== null && trend.upper_nM !== null
                ? `; ±3 SD limits ${compact(trend.lower_nM, 3)}–${compact(trend.upper_nM, 3)} nM; ${trend.points.filter((p) => p.outOfLimits).length} outside`
                : "; limits need three measured runs"}
            </p>
            <PlotImage
              key={`${compound}:${trend.points.length}`}
              src={`/api/assays/ic50/trend.svg?compound=${enc(compound)}`}
              alt={`IC50 of ${compound} in each stored run, with the geometric mean and ±3 SD limits`}
              testId="potency-trend-plot"
            />
          </>
        )}
      </Async>
    </div>
  );
}
