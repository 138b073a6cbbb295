/**
 * Linear compartmental PK models as data. Naming follows NONMEM's ADVAN4/ADVAN12 (oral) convention for
 * every model so that `--param CL=…` means the same thing everywhere:
 *
 * | name | meaning | unit |
 * |---|---|---|
 * | ka | first-order absorption rate constant (oral models only) | 1/h |
 * | F | bioavailability of doses into the depot (oral models; 1 when absent) | — |
 * | tlag | lag time of doses into the depot (oral models; 0 when absent) | h |
 * | CL | clearance from the central compartment | L/h |
 * | V2 | central volume (concentration = 1000·A_central/V2) | L |
 * | Q3, V3 | intercompartmental clearance and volume of peripheral 1 (2- and 3-compartment models) | L/h, L |
 * | Q4, V4 | the same for peripheral 2 (3-compartment models) | L/h, L |
 *
 * Compartment numbers (`cmt`) follow NONMEM: first-order absorption (ADVAN2/4/12) — 1 depot, 2 central,
 * 3 and 4 peripherals; IV models (ADVAN1/3/11) — 1 central, 2 and 3 peripherals. F and tlag apply to
 * doses into the depot only; doses into any other compartment enter unchanged and at once.
 */

/** One model parameter's typical value, with its unit, meaning and source. */
export interface PkParameter {
  name: string;
  value: number;
  unit: string;
  description: string;
  source: string;
}

/** A covariate effect: `appliesTo · (covariate / reference)^exponent` (power model). */
export interface PkCovariate {
  name: string;
  reference: number;
  unit: string;
  appliesTo: string;
  exponent: number;
  description: string;
}

/** Residual error: additive on log concentration, SD = sd0 + (sd1 − sd0)·exp(−ksd·tad). */
export interface PkResidualError {
  kind: "log-additive-time-varying";
  sd0: number;
  sd1: number;
  ksd_per_h: number;
}

/** A linear 1-, 2- or 3-compartment population PK model. */
export interface PkModel {
  id: string;
  title: string;
  /** Citation of the publication the parameters come from. */
  source: string;
  compartments: 1 | 2 | 3;
  absorption: "first-order" | "iv";
  /** Typical values (see the module comment for the names). */
  parameters: PkParameter[];
  /**
   * Inter-individual variability: log-normal on the named parameters; `omega` is the full symmetric
   * covariance matrix of the log-parameters (ω², row-major n×n, n = names.length).
   */
  iiv: { names: string[]; omega: number[] };
  covariates: PkCovariate[];
  residualError: PkResidualError | null;
}

/** The parameter names a model's structure needs (F and tlag are optional for oral models). */
export function structuralParameterNames(model: PkModel): string[] {
  const names = model.absorption === "first-order" ? ["ka", "CL", "V2"] : ["CL", "V2"];
  if (model.compartments >= 2) names.push("Q3", "V3");
  if (model.compartments >= 3) names.push("Q4", "V4");
  return names;
}

/** Number of the central compartment (`cmt`): 2 for first-order absorption models, 1 for IV models. */
export function centralCompartment(model: PkModel): number {
  return model.absorption === "first-order" ? 2 : 1;
}

/** Number of compartments a dose may go into: depot (if any) + central + peripherals. */
export function compartmentCount(model: PkModel): number {
  return model.compartments + (model.absorption === "first-order" ? 1 : 0);
}
