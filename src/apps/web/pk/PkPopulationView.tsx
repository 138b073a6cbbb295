import { useId } from "react";
import { PkAucTable } from "./PkAucTable.js";
import { PkPlot } from "./PkPlot.js";
import type { PkPopulationResult } from "./types.js";

export interface PkPopulationViewProps {
  result: PkPopulationResult;
  analysisId: string | undefined;
  headingLevel: 3 | 4;
}

/** The result of pk.population: median and percentile band plot, AUC percentiles per window. */
export function PkPopulationView({ result, analysisId, headingLevel }: PkPopulationViewProps) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const levels = result.percentiles?.levels ?? [];
  return (
    <div className="pk-view" data-testid="pk-population-result">
      <p className="pk-view__model">
        Model <code>{result.model}</code> · {result.n} subjects
      </p>
      <section aria-labelledby={`${id}-plot`}>
        <Heading id={`${id}-plot`}>Population profile</Heading>
        <PkPlot
          analysisId={analysisId}
          alt={`Median simulated concentration of ${result.n} subjects with the ${levels.join("/")} percentile band`}
          testId="pk-plot-population"
        />
      </section>
      <section aria-labelledby={`${id}-auc`}>
        <Heading id={`${id}-auc`}>AUC by window</Heading>
        {result.subjects.length === 0 ? (
          <p className="empty">No subjects were simulated.</p>
        ) : (
          <PkAucTable result={result} />
        )}
      </section>
    </div>
  );
}
