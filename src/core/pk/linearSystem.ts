import { InputError, ValidationError, type ValidationIssue } from "../errors.js";
import { compileSchedule, type DoseSchedule, type DosingEvent } from "./events.js";
import { type PkModel, structuralParameterNames } from "./model.js";
import { checkValue } from "./parameters.js";

/**
 * A linear model with individual parameters, decomposed into its disposition modes. The disposition
 * (central + peripherals) of a mammillary model satisfies V·dC/dt = M·C with M symmetric (M₁₁ =
 * −(CL + ΣQ), M₁ⱼ = Qⱼ, Mⱼⱼ = −Qⱼ), so S = V^{−½}·M·V^{−½} is symmetric: its eigenvalues are real and
 * negative and it is always diagonalisable (Jacobi gives them to full relative accuracy). The depot is
 * kept out of the eigenproblem and enters the modes through exact exponential convolutions, so
 * ka equal to a disposition eigenvalue (a defective full system) needs no special case.
 *
 * State used by the solvers: the depot amount (mg) and zᵢ, the contribution of mode i to the central
 * concentration (ng/mL); C = Σ zᵢ.
 */
export interface LinearPk {
  /** Number of disposition modes = compartments. */
  modes: number;
  /** Number of dosing compartments (depot + disposition). */
  nState: number;
  /** State index of the depot, −1 for IV models. */
  depot: number;
  ka_per_h: number;
  bioavailability: number;
  lag_h: number;
  /** Disposition eigenvalues (1/h, negative), fastest first. */
  lambda_per_h: Float64Array;
  /** nState × modes: zᵢ per mg put into state j (the depot row is that of the central compartment times 0). */
  unitZ: Float64Array;
  /** modes: zᵢ per mg put into the central compartment (absorption goes there). */
  centralZ: Float64Array;
  CL_L_per_h: number;
  vss_L: number;
}

/**
 * Checks that `params` has every structural parameter of `model` with a usable value, and decomposes.
 * @throws ValidationError naming missing or invalid parameters.
 */
export function prepareLinearPk(model: PkModel, params: Record<string, number>): LinearPk {
  const issues: ValidationIssue[] = [];
  const oral = model.absorption === "first-order";
  const need = structuralParameterNames(model);
  if (oral) need.push("F", "tlag");
  for (const name of need) {
    const value = params[name];
    if (value === undefined) {
      if (name === "F" || name === "tlag") continue; // optional: 1 and 0
      issues.push({ path: `params.${name}`, message: "missing" });
      continue;
    }
    const problem = checkValue(name, value);
    if (problem) issues.push({ path: `params.${name}`, message: problem });
  }
  if (issues.length > 0) throw new ValidationError(issues, `invalid parameters for model '${model.id}'`);

  const m = model.compartments;
  const volumes = [params.V2!];
  const flows = [0];
  if (m >= 2) {
    volumes.push(params.V3!);
    flows.push(params.Q3!);
  }
  if (m >= 3) {
    volumes.push(params.V4!);
    flows.push(params.Q4!);
  }
  const cl = params.CL!;
  // S = V^{-1/2} M V^{-1/2}
  const s = new Float64Array(m * m);
  s[0] = -(cl + flows.reduce((a, b) => a + b, 0)) / volumes[0]!;
  for (let j = 1; j < m; j++) {
    const off = flows[j]! / Math.sqrt(volumes[0]! * volumes[j]!);
    s[j] = off;
    s[j * m] = off;
    s[j * m + j] = -flows[j]! / volumes[j]!;
  }
  const { values, vectors } = symmetricEigen(s, m);
  // Order fastest (most negative) first.
  const order = [...Array(m).keys()].sort((a, b) => values[a]! - values[b]!);
  const lambda = Float64Array.from(order, (k) => values[k]!);
  const depot = oral ? 0 : -1;
  const offset = oral ? 1 : 0;
  const nState = m + offset;
  const unitZ = new Float64Array(nState * m);
  // A = V^{1/2}·U·y, y = Uᵀ·V^{-1/2}·A, C = 1000·A₁/V₁ = 1000/√V₁ · Σ U₁ᵢ yᵢ:
  // 1 mg into compartment j gives zᵢ = 1000·U₁ᵢ·Uⱼᵢ/√(V₁Vⱼ).
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) {
      const k = order[i]!;
      unitZ[(j + offset) * m + i] =
        (1000 * vectors[k]! * vectors[j * m + k]!) / Math.sqrt(volumes[0]! * volumes[j]!);
    }
  }
  const centralZ = unitZ.slice(offset * m, offset * m + m);
  return {
    modes: m,
    nState,
    depot,
    ka_per_h: oral ? params.ka! : 0,
    bioavailability: oral ? (params.F ?? 1) : 1,
    lag_h: oral ? (params.tlag ?? 0) : 0,
    lambda_per_h: lambda,
    unitZ,
    centralZ,
    CL_L_per_h: cl,
    vss_L: volumes.reduce((a, b) => a + b, 0),
  };
}

/** Compiles events against a prepared model (F and tlag of the depot resolved). */
export function scheduleFor(pk: LinearPk, events: readonly DosingEvent[]): DoseSchedule {
  return compileSchedule(events, {
    nState: pk.nState,
    depot: pk.depot,
    bioavailability: pk.bioavailability,
    lag_h: pk.lag_h,
  });
}

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Rutishauser's formulas):
 * `vectors` row-major with eigenvector k in column k. Accurate to a few ulps relative for each eigenvalue
 * of these diagonally scaled matrices, which a characteristic-polynomial (cubic) solution is not.
 */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const s = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += s[p * n + q]! ** 2;
    if (off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = s[p * n + q]!;
        if (apq === 0) continue;
        const app = s[p * n + p]!;
        const aqq = s[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        // Skip rotations that can no longer change the diagonal (converged in floating point).
        if (Math.abs(t * apq) <= 1e-300 || (app + t * apq === app && aqq - t * apq === aqq && sweep > 3)) {
          s[p * n + q] = 0;
          s[q * n + p] = 0;
          continue;
        }
        for (let k = 0; k < n; k++) {
          const skp = s[k * n + p]!;
          const skq = s[k * n + q]!;
          s[k * n + p] = c * skp - sn * skq;
          s[k * n + q] = sn * skp + c * skq;
        }
        for (let k = 0; k < n; k++) {
          const spk = s[p * n + k]!;
          const sqk = s[q * n + k]!;
          s[p * n + k] = c * spk - sn * sqk;
          s[q * n + k] = sn * spk + c * sqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - sn * vkq;
          v[k * n + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = s[i * n + i]!;
  return { values, vectors: v };
}

/** Disposition properties of one parameter set, from the eigenvalues. */
export interface DispositionSummary {
  /** ln 2/|λ_min|, the slowest disposition half-life (h). */
  terminalHalfLife_h: number;
  /** Every disposition half-life ln 2/|λᵢ| (h), shortest first (absorption not included). */
  halfLives_h: number[];
  /** Volume of distribution at steady state, V2 + V3 + V4 (L). */
  vss_L: number;
  clearance_L_per_h: number;
  /** AUC0–∞ for a single 1 mg dose into the dosing compartment 1: 1000·F/CL (ng·h/mL per mg). */
  aucInfSingleDose_ng_h_mL: number;
}

/**
 * Half-lives, Vss, CL and AUC0–∞ per mg of a linear model with these parameters.
 * @throws ValidationError for missing or invalid parameters.
 * @example dispositionSummary(model, resolveParameters(model)).terminalHalfLife_h // ≈ 224.5 for Gupta 2017
 */
export function dispositionSummary(model: PkModel, params: Record<string, number>): DispositionSummary {
  const pk = prepareLinearPk(model, params);
  const halfLives = Array.from(pk.lambda_per_h, (l) => Math.LN2 / -l);
  const terminal = halfLives[halfLives.length - 1];
  if (terminal === undefined) throw new InputError(`model '${model.id}' has no disposition compartments`);
  return {
    terminalHalfLife_h: terminal,
    halfLives_h: halfLives,
    vss_L: pk.vss_L,
    clearance_L_per_h: pk.CL_L_per_h,
    aucInfSingleDose_ng_h_mL: (1000 * pk.bioavailability) / pk.CL_L_per_h,
  };
}
