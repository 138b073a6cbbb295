import { useId } from "react";
import { compact, fixed } from "../format.js";
import { PkPlot } from "./PkPlot.js";
import { PkSummaryTable } from "./PkSummaryTable.js";
import { rangeBetween } from "./pkMath.js";
import type { PkSimulateResult } from "./types.js";

export interface PkSimulateViewProps {
  result: PkSimulateResult;
  analysisId: string | undefined;
  /** Start of the last cycle, hours: the inhibition range is taken from there on (whole profile if absent). */
  lastCycleStartH?: number;
  headingLevel: 3 | 4;
}

/** The result of pk.simulate: the concentration plot, the summary table and the β5 inhibition range. */
export function PkSimulateView({ result, analysisId, lastCycleStartH, headingLevel }: PkSimulateViewProps) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const inhibition = result.inhibition_pct
    ? rangeBetween(result.times_h, result.inhibition_pct, lastCycleStartH ?? 0)
    : undefined;
  const overrides = Object.entries(result.parameters ?? {});
  return (
    <div className="pk-view" data-testid="pk-simulate-result">
      <p className="pk-view__model">
        Model <code>{result.model}</code>
        {overrides.length > 0 && (
          <span className="muted">
            {" "}
            · typical values {overrides.map(([name, value]) => `${name} ${compact(value)}`).join(", ")}
          </span>
        )}
      </p>
      <section aria-labelledby={`${id}-plot`}>
        <Heading id={`${id}-plot`}>Concentration–time profile</Heading>
        <PkPlot
          analysisId={analysisId}
          alt={`Simulated plasma concentration of the typical subject${result.inhibition_pct ? " with % β5 inhibition" : ""}`}
          testId="pk-plot-simulate"
        />
      </section>
      <section aria-labelledby={`${id}-summary`}>
        <Heading id={`${id}-summary`}>Summary</Heading>
        <PkSummaryTable summary={result.summary} firstDose={result.firstDose} />
      </section>
      {result.observed && (
        <section aria-labelledby={`${id}-observed`}>
          <Heading id={`${id}-observed`}>
            Observed and predicted: subject {result.observed.subject} ({result.observed.doses} doses)
          </Heading>
          <ObservedTable points={result.observed.points} />
        </section>
      )}
      {inhibition && (
        <section aria-labelledby={`${id}-inhibition`}>
          <Heading id={`${id}-inhibition`}>β5 inhibition</Heading>
          <p className="pk-view__inhibition" data-testid="pk-inhibition">
            {lastCycleStartH === undefined ? "Over the profile" : "Over the last cycle"}:{" "}
            <strong>{fixed(inhibition.min, 1)} %</strong> (trough) to{" "}
            <strong>{fixed(inhibition.max, 1)} %</strong> (peak)
          </p>
        </section>
      )}
    </div>
  );
}

/** A dataset subject's observations beside the typical subject's prediction on its doses. */
function ObservedTable({ points }: { points: NonNullable<PkSimulateResult["observed"]>["points"] }) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid="pk-observed">
        <thead>
          <tr>
            <th scope="col" className="num">
              Time (h)
            </th>
            <th scope="col" className="num">
              Observed (ng/mL)
            </th>
            <th scope="col" className="num">
              Predicted (ng/mL)
            </th>
            <th scope="col" className="num">
              Observed / predicted
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.time_h}>
              <td className="num">{compact(p.time_h, 2)}</td>
              <td className="num">{compact(p.dv_ng_mL, 3)}</td>
              <td className="num">{fixed(p.pred_ng_mL, 3)}</td>
              <td className="num">{p.pred_ng_mL > 0 ? fixed(p.dv_ng_mL / p.pred_ng_mL, 2) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
