import { useMemo } from "react";
import { ChemLibraryView, chemLibraryResultOf } from "../chem/ChemLibraryView.js";
import { FlowApoptosisView } from "../flow/FlowApoptosisView.js";
import { FlowGateView } from "../flow/FlowGateView.js";
import { FlowInfoView } from "../flow/FlowInfoView.js";
import { flowApoptosisResultOf, flowGateResultOf, flowInfoResultOf } from "../flow/types.js";
import { HplcAnalyzeView } from "../hplc/HplcAnalyzeView.js";
import { HplcSuitabilityView } from "../hplc/HplcSuitabilityView.js";
import { hplcAnalyzeResultOf, hplcSuitabilityResultOf } from "../hplc/types.js";
import { Ic50ResultView } from "../ic50/Ic50ResultView.js";
import { ic50ResultOf } from "../ic50/types.js";
import { MsConfirmView, MsFormulaView, MsIsotopesView } from "../ms/MsViews.js";
import { msConfirmResultOf, msFormulaResultOf, msIsotopesResultOf } from "../ms/types.js";
import { NmrIntegrateView, NmrProcessView } from "../nmr/NmrViews.js";
import { nmrIntegrateResultOf, nmrProcessResultOf } from "../nmr/types.js";
import { NcaTable } from "../pk/NcaTable.js";
import { PkPopulationView } from "../pk/PkPopulationView.js";
import { PkSimulateView } from "../pk/PkSimulateView.js";
import { lastCycleStartH } from "../pk/pkMath.js";
import { ncaResultOf, pkPopulationResultOf, pkSimulateResultOf } from "../pk/types.js";
import { xrpdMatchResultOf, xrpdPeaksResultOf } from "../xrpd/types.js";
import { XrpdMatchView, XrpdPeaksView } from "../xrpd/XrpdViews.js";
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
  const hplc = hplcAnalyzeResultOf(kind, result);
  if (hplc) return <HplcAnalyzeView result={hplc} analysisId={analysisId} headingLevel={headingLevel} />;
  const suitability = hplcSuitabilityResultOf(kind, result);
  if (suitability) return <HplcSuitabilityView result={suitability} headingLevel={headingLevel} />;
  const msIsotopes = msIsotopesResultOf(kind, result);
  if (msIsotopes)
    return <MsIsotopesView result={msIsotopes} analysisId={analysisId} headingLevel={headingLevel} />;
  const msConfirm = msConfirmResultOf(kind, result);
  if (msConfirm)
    return <MsConfirmView result={msConfirm} analysisId={analysisId} headingLevel={headingLevel} />;
  const msFormula = msFormulaResultOf(kind, result);
  if (msFormula)
    return <MsFormulaView result={msFormula} analysisId={analysisId} headingLevel={headingLevel} />;
  const nmrProcess = nmrProcessResultOf(kind, result);
  if (nmrProcess)
    return <NmrProcessView result={nmrProcess} analysisId={analysisId} headingLevel={headingLevel} />;
  const nmrIntegrate = nmrIntegrateResultOf(kind, result);
  if (nmrIntegrate)
    return <NmrIntegrateView result={nmrIntegrate} analysisId={analysisId} headingLevel={headingLevel} />;
  const xrpdPeaks = xrpdPeaksResultOf(kind, result);
  if (xrpdPeaks)
    return <XrpdPeaksView result={xrpdPeaks} analysisId={analysisId} headingLevel={headingLevel} />;
  const xrpdMatch = xrpdMatchResultOf(kind, result);
  if (xrpdMatch)
    return <XrpdMatchView result={xrpdMatch} analysisId={analysisId} headingLevel={headingLevel} />;
  const library = chemLibraryResultOf(kind, result);
  if (library) return <ChemLibraryView result={library} />;
  const nca = ncaResultOf(kind, result);
  if (nca) return <NcaTable result={nca} />;
  const apoptosis = flowApoptosisResultOf(kind, result);
  if (apoptosis)
    return <FlowApoptosisView result={apoptosis} analysisId={analysisId} headingLevel={headingLevel} />;
  const flowInfo = flowInfoResultOf(kind, result);
  if (flowInfo) return <FlowInfoView result={flowInfo} headingLevel={headingLevel} />;
  const flowGate = flowGateResultOf(kind, result);
  if (flowGate) return <FlowGateView result={flowGate} />;
  return <ResultView result={result} />;
}
