/**
 * Pharmacokinetic simulation core: linear compartmental models as data (NONMEM ADVAN conventions),
 * NONMEM-style dosing events, the closed-form solver (hot path), exact AUC, the peak finder and the
 * general stiff ODE solver used as the independent check and for nonlinear models.
 */
export {
  compileSchedule,
  type DoseSchedule,
  type DosingEvent,
  type Regimen,
  regimenEvents,
} from "./events.js";
export { beta5Inhibition, INHIBITION_DEFAULTS, type InhibitionLink } from "./inhibition.js";
export {
  type DispositionSummary,
  dispositionSummary,
  type LinearPk,
  prepareLinearPk,
  scheduleFor,
} from "./linearSystem.js";
export {
  centralCompartment,
  compartmentCount,
  type PkCovariate,
  type PkModel,
  type PkParameter,
  type PkResidualError,
  structuralParameterNames,
} from "./model.js";
export { findPkModel, PK_MODELS } from "./models.js";
export * from "./ode/index.js";
export { resolveParameters } from "./parameters.js";
export { FIND_PEAK_DEFAULTS, findPeak, type Peak, peakOf } from "./peak.js";
export {
  type PlateletPkParameters,
  type PlateletProfile,
  SRIMANI_2022,
  simulatePlatelets,
} from "./platelets.js";
export { concentrationsPrepared, exactAuc, exactAucPrepared, simulateConcentrations } from "./simulate.js";
export { linearPkOdeSystem, ODE_SIMULATION_DEFAULTS, simulateConcentrationsOde } from "./simulateOde.js";
