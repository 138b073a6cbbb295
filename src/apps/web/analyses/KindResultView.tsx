import { useMemo } from "react";
import { Ic50ResultView } from "../ic50/Ic50ResultView.js";
import { ic50ResultOf } from "../ic50/types.js";
import { NcaTable } from "../pk/NcaTable.js";
import { PkPopulationView } from "../pk/PkPopulationView.js";
import { PkSimulateView } from "../pk/PkSimulateView.js";
import { lastCycleStartH } from "../pk/pkMath.js";
import { ncaResultOf, pkPopulationResultOf, pkSimulateResultOf } from "../pk/types.js";
import { ResultView } from "./ResultView.js";

export interface KindResultViewProps {
  /** The analysis kind, e.g. "ic50.run"; picks the view. */
  kind: string;
  result: unknown;
  /** The parameters the result was computed with. */
  parameters: unknown;
  /** Id of the stored analysis, for views that fetch plots or exports of it. */
  analysisId: string | undefined;
  /** Level of the view's own section headings. */
  headingLevel: 3 | 4;
}

/** A result in the view made for its kind (IC50, PK), otherwise the generic table or JSON. */
export function KindResultView({ kind, result, parameters, analysisId, headingLevel }: KindResultViewProps) {
  const ic50 = useMemo(() => ic50ResultOf(kind, result), [kind, result]);
  if (ic50)
    return (
      <Ic50ResultView
        result={ic50}
        parameters={parameters}
        analysisId={analysisId}
        headingLevel={headingLevel}
      />
    );
  const simulated = pkSimulateResultOf(kind, result);
  if (simulated)
    return (
      <PkSimulateView
        result={simulated}
        analysisId={analysisId}
        lastCycleStartH={lastCycleStartH(parameters)}
        headingLevel={headingLevel}
      />
    );
  const population = pkPopulationResultOf(kind, result);
  if (population)
    return <PkPopulationView result={population} analysisId={analysisId} headingLevel={headingLevel} />;
  const nca = ncaResultOf(kind, result);
  if (nca) return <NcaTable result={nca} />;
  return <ResultView result={result} />;
}
