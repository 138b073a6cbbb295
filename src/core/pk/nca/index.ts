/**
 * Non-compartmental analysis following PKNCA (Denney, Duvvuri & Buckeridge, J Pharmacokinet Pharmacodyn
 * 2015; PKNCA 0.11 defaults) and Phoenix WinNonlin conventions: Cmax, Tmax, Clast, Tlast, AUClast
 * (linear-up/log-down or linear trapezoid), λz with the adjusted-R² point selection, t½, AUCinf (observed
 * Clast), % extrapolated, CL/F and Vz/F. Units: h, ng/mL, ng·h/mL, mg, L/h, L.
 * @module
 */
export { type AucMethod, aucTrapezoid } from "./aucTrapezoid.js";
export { estimateLambdaZ, type LambdaZFit } from "./estimateLambdaZ.js";
export { NCA_DEFAULTS, type NcaOptions, type NcaResult, nca } from "./nca.js";
export { type ConcentrationProfile, ncaBySubject } from "./ncaBySubject.js";
