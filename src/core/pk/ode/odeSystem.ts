/**
 * An initial-value problem dy/dt = f(t, y) for the general solver: PK models with nonlinear
 * elimination, transit chains, Friberg-type myelosuppression models. Functions write into the arrays
 * they are given and must not keep them.
 */
export interface OdeSystem {
  /** Number of state variables. */
  dimension: number;
  /** Writes f(t, y) into `dydt`. */
  derivative(t: number, y: Float64Array, dydt: Float64Array): void;
  /**
   * Writes ∂f/∂y (row-major n×n, row i = ∂fᵢ/∂y) into `out`; forward differences when absent. RODAS4
   * needs an accurate Jacobian (it is not a W-method): the ~1e-8 relative error of a difference
   * Jacobian costs orders of magnitude more steps at tight tolerances on stiff problems — supply it.
   */
  jacobian?(t: number, y: Float64Array, out: Float64Array): void;
  /** True when f does not depend on t explicitly (∂f/∂t = 0). */
  autonomous?: boolean;
  /**
   * Writes ∂f/∂t into `out` for non-autonomous systems; a central difference when absent, whose error
   * (≈ 1e-10 relative) limits the attainable accuracy — supply it for tolerances below ~1e-8.
   */
  timeDerivative?(t: number, y: Float64Array, out: Float64Array): void;
}

/** Solver options. */
export interface OdeOptions {
  /** Relative tolerance. @default 1e-8 */
  rtol?: number;
  /** Absolute tolerance, one value or one per state. @default 1e-10 */
  atol?: number | Float64Array;
  /** First step (same unit as t); chosen from the tolerances when absent. */
  initialStep?: number;
  /** Largest step. @default the whole interval */
  maxStep?: number;
  /** Step budget per call. @default 100000 */
  maxSteps?: number;
}

/** What a solve did: the states at the requested times and honest statistics. */
export interface OdeSolution {
  /** times.length × dimension, row-major: the state at each requested time. */
  y: Float64Array;
  /** The state at the end of the interval. */
  yEnd: Float64Array;
  status: "success" | "max-steps" | "step-too-small" | "singular-matrix";
  steps: number;
  rejectedSteps: number;
  functionEvaluations: number;
}
