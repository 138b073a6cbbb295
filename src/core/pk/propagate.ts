import { ACTION_BOLUS, ACTION_RESET, type DoseSchedule } from "./events.js";
import type { LinearPk } from "./linearSystem.js";
import { expConvolution, phi1, phi1DividedDifference, phi2 } from "./phi.js";

/**
 * Exact one-step propagation of the modal state (depot amount Ad, mode contributions zᵢ) over a step
 * Δ with constant zero-order inputs. With a = Ad − Rd/ka (the depot's excess over its infusion steady
 * state) and bᵢ the constant input to mode i in ng/mL/h (direct infusions plus Rd·centralZᵢ):
 *
 *   zᵢ(Δ) = zᵢ·e^{λᵢΔ} + a·ka·centralZᵢ·G(λᵢ, −ka, Δ) + bᵢ·E1(λᵢ, Δ),   Ad(Δ) = Rd/ka + a·e^{−kaΔ}
 *   ∫₀^Δ zᵢ = zᵢ·E1(λᵢ, Δ) + a·ka·centralZᵢ·Δ²·φ1[λᵢΔ, −kaΔ] + bᵢ·E2(λᵢ, Δ)
 *
 * with E1 = ∫₀^Δ e^{λs} ds = Δ·φ1(λΔ), E2 = Δ²·φ2(λΔ). All are closed forms; the helpers in phi.ts keep
 * them accurate when λΔ → 0 or λ → −ka.
 */
export interface StepCoefficients {
  dt: number;
  /** e^{−kaΔ} */
  eA: number;
  /** e^{λᵢΔ} */
  el: Float64Array;
  /** ka·centralZᵢ·G(λᵢ, −ka, Δ) */
  kg: Float64Array;
  /** E1(λᵢ, Δ) */
  e1: Float64Array;
  /** E2(λᵢ, Δ) (integrals only) */
  e2: Float64Array;
  /** ka·centralZᵢ·Δ²·φ1[λᵢΔ, −kaΔ] (integrals only) */
  kig: Float64Array;
}

/**
 * Relative tolerance within which two step lengths count as equal and share cached coefficients: an
 * hourly grid to 4,032 h written as i·0.1 has consecutive differences that differ by ~1e-12 relative;
 * treating them as equal changes a concentration by ≤ |dC/dt|·1e-11·Δ, far below any tolerance here.
 */
const STEP_MATCH_REL_TOL = 1e-11;

/**
 * Magnitudes below this are set to 0. A dose's depot amount and fast modes decay through the subnormal
 * range (below 2.2e-308) within weeks, and subnormal arithmetic is ~100× slower on x86: unflushed, the
 * hourly 6-cycle profile took 50 ns per point instead of a few. 1e-280 ng/mL (or mg) is physically zero
 * and far below any concentration floor.
 */
const FLUSH_TO_ZERO = 1e-280;

const flush = (x: number): number => (x < FLUSH_TO_ZERO && x > -FLUSH_TO_ZERO ? 0 : x);

export function newCoefficients(modes: number): StepCoefficients {
  return {
    dt: Number.NaN,
    eA: 1,
    el: new Float64Array(modes),
    kg: new Float64Array(modes),
    e1: new Float64Array(modes),
    e2: new Float64Array(modes),
    kig: new Float64Array(modes),
  };
}

export function sameStep(c: StepCoefficients, dt: number): boolean {
  return Math.abs(c.dt - dt) <= STEP_MATCH_REL_TOL * dt;
}

export function fillCoefficients(pk: LinearPk, dt: number, c: StepCoefficients, integrals: boolean): void {
  const ka = pk.ka_per_h;
  c.dt = dt;
  c.eA = flush(Math.exp(-ka * dt));
  for (let i = 0; i < pk.modes; i++) {
    const l = pk.lambda_per_h[i]!;
    const kcz = ka * pk.centralZ[i]!;
    c.el[i] = flush(Math.exp(l * dt));
    c.e1[i] = flush(dt * phi1(l * dt));
    c.kg[i] = ka === 0 ? 0 : flush(kcz * expConvolution(l, -ka, dt));
    if (integrals) {
      c.e2[i] = dt * dt * phi2(l * dt);
      c.kig[i] = ka === 0 ? 0 : kcz * dt * dt * phi1DividedDifference(l * dt, -ka * dt);
    }
  }
}

/** Mutable walker state: the depot amount, the mode contributions and the inputs in effect. */
export interface ModalState {
  ad: number;
  z: Float64Array;
  /** Depot infusion rate (mg/h). */
  rd: number;
  /** Constant input to each mode (ng/mL/h), depot infusion steady state included. */
  b: Float64Array;
  anyInput: boolean;
}

export function newState(modes: number): ModalState {
  return { ad: 0, z: new Float64Array(modes), rd: 0, b: new Float64Array(modes), anyInput: false };
}

/** Advances `s` by the step `c` was filled for (see {@link integrateStep} for the area). */
export function advance(pk: LinearPk, s: ModalState, c: StepCoefficients): void {
  const m = pk.modes;
  const z = s.z;
  if (!s.anyInput) {
    const ad = s.ad;
    for (let i = 0; i < m; i++) z[i] = flush(z[i]! * c.el[i]! + ad * c.kg[i]!);
    s.ad = flush(ad * c.eA);
    return;
  }
  const adss = s.rd > 0 ? s.rd / pk.ka_per_h : 0;
  const a = s.ad - adss;
  for (let i = 0; i < m; i++) z[i] = flush(z[i]! * c.el[i]! + a * c.kg[i]! + s.b[i]! * c.e1[i]!);
  s.ad = flush(adss + a * c.eA);
}

/** ∫ C dt over the step (ng·h/mL) from the state at its start; call before {@link advance}. */
export function integrateStep(pk: LinearPk, s: ModalState, c: StepCoefficients): number {
  const adss = s.rd > 0 ? s.rd / pk.ka_per_h : 0;
  const a = s.ad - adss;
  let sum = 0;
  for (let i = 0; i < pk.modes; i++) sum += s.z[i]! * c.e1[i]! + a * c.kig[i]! + s.b[i]! * c.e2[i]!;
  return sum;
}

/** dC/dt (ng/mL/h) at the current state. */
export function concentrationSlope(pk: LinearPk, s: ModalState): number {
  const adss = s.rd > 0 ? s.rd / pk.ka_per_h : 0;
  const a = s.ad - adss;
  let sum = 0;
  for (let i = 0; i < pk.modes; i++) {
    sum += pk.lambda_per_h[i]! * s.z[i]! + s.b[i]! + pk.ka_per_h * pk.centralZ[i]! * a;
  }
  return sum;
}

export function concentrationOf(s: ModalState): number {
  let sum = 0;
  for (let i = 0; i < s.z.length; i++) sum += s.z[i]!;
  return sum;
}

/** Applies schedule action k (bolus, rate change or reset) to the state. */
export function applyAction(pk: LinearPk, schedule: DoseSchedule, k: number, s: ModalState): void {
  const kind = schedule.kind[k]!;
  const m = pk.modes;
  if (kind === ACTION_BOLUS) {
    const j = schedule.target[k]!;
    const amount = schedule.amount_mg[k]!;
    if (j === pk.depot) s.ad += amount;
    else for (let i = 0; i < m; i++) s.z[i] = s.z[i]! + amount * pk.unitZ[j * m + i]!;
    return;
  }
  if (kind === ACTION_RESET) {
    s.ad = 0;
    s.z.fill(0);
  }
  // Reset and rate change: recompute the inputs in effect from the schedule's totals.
  const n = schedule.nState;
  const base = k * n;
  s.rd = pk.depot >= 0 ? schedule.rates_mg_per_h[base + pk.depot]! : 0;
  let any = s.rd > 0;
  for (let i = 0; i < m; i++) s.b[i] = s.rd * pk.centralZ[i]!;
  for (let j = 0; j < n; j++) {
    if (j === pk.depot) continue;
    const r = schedule.rates_mg_per_h[base + j]!;
    if (r === 0) continue;
    any = true;
    for (let i = 0; i < m; i++) s.b[i] = s.b[i]! + r * pk.unitZ[j * m + i]!;
  }
  s.anyInput = any;
}
