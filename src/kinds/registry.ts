import { NotFoundError } from "../core/errors.js";
import { chemLibraryKind } from "./chemLibrary.js";
import { chemPropsKind } from "./chemProps.js";
import { flowApoptosisKind } from "./flowApoptosis.js";
import { flowGateKind } from "./flowGate.js";
import { flowInfoKind } from "./flowInfo.js";
import { flowSeriesKind } from "./flowSeries.js";
import { flowSpilloverKind } from "./flowSpillover.js";
import { hplcAnalyzeKind } from "./hplcAnalyze.js";
import { hplcSuitabilityKind } from "./hplcSuitability.js";
import { ic50FitKind } from "./ic50Fit.js";
import { ic50RunKind } from "./ic50Run.js";
import type { AnalysisKind } from "./kind.js";
import { msConfirmKind } from "./msConfirm.js";
import { msFormulaKind } from "./msFormula.js";
import { msIsotopesKind } from "./msIsotopes.js";
import { nmrIntegrateKind } from "./nmrIntegrate.js";
import { nmrProcessKind } from "./nmrProcess.js";
import { pkNcaKind } from "./pkNca.js";
import { pkPlateletsKind } from "./pkPlatelets.js";
import { pkPopulationKind } from "./pkPopulation.js";
import { pkSimulateKind } from "./pkSimulate.js";
import { xrpdMatchKind } from "./xrpdMatch.js";
import { xrpdPeaksKind } from "./xrpdPeaks.js";

/** Every analysis kind Ixalab offers; the CLI, the API and the UI are generated from this list. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of many parameter and result types
export const ANALYSIS_KINDS: readonly AnalysisKind<any, any>[] = [
  chemPropsKind,
  chemLibraryKind,
  ic50RunKind,
  ic50FitKind,
  pkSimulateKind,
  pkPopulationKind,
  pkPlateletsKind,
  pkNcaKind,
  flowInfoKind,
  flowGateKind,
  flowApoptosisKind,
  flowSpilloverKind,
  flowSeriesKind,
  hplcAnalyzeKind,
  hplcSuitabilityKind,
  msIsotopesKind,
  msConfirmKind,
  msFormulaKind,
  nmrProcessKind,
  nmrIntegrateKind,
  xrpdPeaksKind,
  xrpdMatchKind,
];

/** @throws NotFoundError naming the known kinds. */
export function findKind(id: string): AnalysisKind<unknown, unknown> {
  const kind = ANALYSIS_KINDS.find((k) => k.id === id);
  if (!kind)
    throw new NotFoundError(
      "analysis kind",
      id,
      `Known kinds: ${ANALYSIS_KINDS.map((k) => k.id).join(", ")}`,
    );
  return kind;
}
