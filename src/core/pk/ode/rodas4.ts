import { InputError } from "../../errors.js";
import { luDecompose, luSolve } from "./lu.js";
import type { OdeOptions, OdeSolution, OdeSystem } from "./odeSystem.js";

/** Documented defaults of {@link solveOde}. */
export const ODE_DEFAULTS = { rtol: 1e-8, atol: 1e-10, maxSteps: 100_000 } as const;

// RODAS4: 6-stage, order 4(3), L-stable, stiffly accurate Rosenbrock method in the W-transformed form of
// Hairer & Wanner, Solving ODEs II (2nd ed., §IV.7), coefficients of their rodas.f (METH = 1), with its
// order-3 dense output. Stiffly accurate means the last stage is the embedded error estimate, and
// L-stability makes steps far larger than the fastest time constant safe — what a stiff PK/PD system
// (minutes-long distribution, weeks-long platelet lifespan) needs.
const GAMMA = 0.25;
const C2 = 0.386;
const C3 = 0.21;
const C4 = 0.63;
const D1 = 0.25;
const D2 = -0.1043;
const D3 = 0.1035;
const D4 = -0.03620000000000023;
const A21 = 1.544;
const A31 = 0.9466785280815826;
const A32 = 0.2557011698983284;
const A41 = 3.314825187068521;
const A42 = 2.896124015972201;
const A43 = 0.9986419139977817;
const A51 = 1.221224509226641;
const A52 = 6.019134481288629;
const A53 = 12.53708332932087;
const A54 = -0.687886036105895;
const C21 = -5.6688;
const C31 = -2.430093356833875;
const C32 = -0.2063599157091915;
const C41 = -0.1073529058151375;
const C42 = -9.594562251023355;
const C43 = -20.47028614809616;
const C51 = 7.496443313967647;
const C52 = -10.24680431464352;
const C53 = -33.99990352819905;
const C54 = 11.7089089320616;
const C61 = 8.083246795921522;
const C62 = -7.981132988064893;
const C63 = -31.52159432874371;
const C64 = 16.31930543123136;
const C65 = -6.058818238834054;
const H21 = 10.12623508344586;
const H22 = -7.487995877610167;
const H23 = -34.80091861555747;
const H24 = -7.992771707568823;
const H25 = 1.025137723295662;
const H31 = -0.6762803392801253;
const H32 = 6.087714651680015;
const H33 = 16.43084320892478;
const H34 = 24.76722511418386;
const H35 = -6.594389125716872;

/** Step-size controller: h_new = h·clamp(SAFETY·err^(−1/4), 1/5, 6) (rodas.f FAC1/FAC2/SAFE). */
const SAFETY = 0.9;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 6;

/**
 * Integrates `system` from t0 to t1 (t1 > t0) with the adaptive RODAS4 Rosenbrock method, returning the
 * state at each requested time by the method's dense output (no step is shortened to hit an output
 * time). Restart it at discontinuities such as bolus doses: integrate each dosing interval separately.
 * @param times sorted, within [t0, t1]; a time equal to t0 returns y0.
 * @returns the states and honest statistics; `status` other than "success" means the values after the
 *   last accepted step are NaN.
 * @throws InputError for bad tolerances, interval or times.
 * @example const sol = solveOde({ dimension: 1, autonomous: true, derivative: (_t, y, d) => { d[0] = -y[0]!; } }, Float64Array.of(1), 0, 1, Float64Array.of(1));
 */
export function solveOde(
  system: OdeSystem,
  y0: Float64Array,
  t0: number,
  t1: number,
  times: Float64Array,
  options: OdeOptions = {},
): OdeSolution {
  const n = system.dimension;
  const rtol = options.rtol ?? ODE_DEFAULTS.rtol;
  const atolOption = options.atol ?? ODE_DEFAULTS.atol;
  const maxSteps = options.maxSteps ?? ODE_DEFAULTS.maxSteps;
  if (!(rtol > 0 && rtol < 1)) throw new InputError(`rtol: expected a number in (0, 1), found ${rtol}`);
  const atol = typeof atolOption === "number" ? new Float64Array(n).fill(atolOption) : atolOption;
  if (atol.length !== n || atol.some((v) => !(v >= 0))) {
    throw new InputError(`atol: expected ${n} values ≥ 0`);
  }
  if (y0.length !== n) throw new InputError(`y0: expected ${n} values, found ${y0.length}`);
  if (!(Number.isFinite(t0) && Number.isFinite(t1) && t1 >= t0)) {
    throw new InputError(`interval: expected finite t0 ≤ t1, found [${t0}, ${t1}]`);
  }
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (!(t >= t0 && t <= t1) || (i > 0 && t < times[i - 1]!)) {
      throw new InputError(`times[${i}]: expected sorted times within [${t0}, ${t1}], found ${t}`);
    }
  }
  const span = t1 - t0;
  const maxStep = options.maxStep ?? span;

  const y = Float64Array.from(y0);
  const yOut = new Float64Array(times.length * n);
  const sol: OdeSolution = {
    y: yOut,
    yEnd: y,
    status: "success",
    steps: 0,
    rejectedSteps: 0,
    functionEvaluations: 0,
  };
  let next = 0;
  while (next < times.length && times[next] === t0) yOut.set(y, n * next++);
  if (span === 0) return sol;

  const f0 = new Float64Array(n);
  const fx = new Float64Array(n);
  const dy = new Float64Array(n);
  const yNew = new Float64Array(n);
  const jac = new Float64Array(n * n);
  const e = new Float64Array(n * n);
  const piv = new Int32Array(n);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const k5 = new Float64Array(n);
  const k6 = new Float64Array(n);
  const cont3 = new Float64Array(n);
  const cont4 = new Float64Array(n);
  const work = new Float64Array(n);
  const f = (t: number, state: Float64Array, out: Float64Array) => {
    system.derivative(t, state, out);
    sol.functionEvaluations++;
  };

  let t = t0;
  let h =
    options.initialStep ??
    Math.min(maxStep, span * 1e-3, initialStepGuess(system, f, t0, y, rtol, atol, work, span));
  let rejectedLast = false;
  while (t < t1) {
    if (sol.steps + sol.rejectedSteps >= maxSteps) return fail(sol, "max-steps", next, n);
    if (h < 1e-14 * Math.max(Math.abs(t), span)) return fail(sol, "step-too-small", next, n);
    h = Math.min(h, maxStep);
    // Land exactly on t1 rather than leave a sliver.
    if (t + 1.01 * h >= t1) h = t1 - t;

    f(t, y, f0);
    jacobianAt(system, t, y, f0, jac, work, f);
    if (system.autonomous) fx.fill(0);
    else if (system.timeDerivative) system.timeDerivative(t, y, fx);
    else {
      // Central difference, step ∛ε·scale: truncation and rounding errors balance near 1e-10 relative.
      const dt = Math.cbrt(Number.EPSILON) * Math.max(1, Math.abs(t));
      f(t + dt, y, fx);
      f(t - dt, y, work);
      for (let i = 0; i < n; i++) fx[i] = (fx[i]! - work[i]!) / (2 * dt);
    }
    const fac = 1 / (h * GAMMA);
    for (let i = 0; i < n * n; i++) e[i] = -jac[i]!;
    for (let i = 0; i < n; i++) e[i * n + i] = e[i * n + i]! + fac;
    if (!luDecompose(e, n, piv)) return fail(sol, "singular-matrix", next, n);

    // Stage 1
    for (let i = 0; i < n; i++) k1[i] = f0[i]! + h * D1 * fx[i]!;
    luSolve(e, n, piv, k1);
    // Stage 2
    for (let i = 0; i < n; i++) yNew[i] = y[i]! + A21 * k1[i]!;
    f(t + C2 * h, yNew, dy);
    for (let i = 0; i < n; i++) k2[i] = dy[i]! + (C21 * k1[i]!) / h + h * D2 * fx[i]!;
    luSolve(e, n, piv, k2);
    // Stage 3
    for (let i = 0; i < n; i++) yNew[i] = y[i]! + A31 * k1[i]! + A32 * k2[i]!;
    f(t + C3 * h, yNew, dy);
    for (let i = 0; i < n; i++) k3[i] = dy[i]! + (C31 * k1[i]! + C32 * k2[i]!) / h + h * D3 * fx[i]!;
    luSolve(e, n, piv, k3);
    // Stage 4
    for (let i = 0; i < n; i++) yNew[i] = y[i]! + A41 * k1[i]! + A42 * k2[i]! + A43 * k3[i]!;
    f(t + C4 * h, yNew, dy);
    for (let i = 0; i < n; i++) {
      k4[i] = dy[i]! + (C41 * k1[i]! + C42 * k2[i]! + C43 * k3[i]!) / h + h * D4 * fx[i]!;
    }
    luSolve(e, n, piv, k4);
    // Stage 5
    for (let i = 0; i < n; i++) yNew[i] = y[i]! + A51 * k1[i]! + A52 * k2[i]! + A53 * k3[i]! + A54 * k4[i]!;
    f(t + h, yNew, dy);
    for (let i = 0; i < n; i++) {
      k5[i] = dy[i]! + (C51 * k1[i]! + C52 * k2[i]! + C53 * k3[i]! + C54 * k4[i]!) / h;
    }
    luSolve(e, n, piv, k5);
    // Embedded (order 3) solution, then the last stage, which is the error estimate
    for (let i = 0; i < n; i++) yNew[i] = yNew[i]! + k5[i]!;
    f(t + h, yNew, dy);
    for (let i = 0; i < n; i++) {
      k6[i] = dy[i]! + (C61 * k1[i]! + C62 * k2[i]! + C63 * k3[i]! + C64 * k4[i]! + C65 * k5[i]!) / h;
    }
    luSolve(e, n, piv, k6);
    let err = 0;
    for (let i = 0; i < n; i++) {
      yNew[i] = yNew[i]! + k6[i]!;
      const sk = atol[i]! + rtol * Math.max(Math.abs(y[i]!), Math.abs(yNew[i]!));
      err += (k6[i]! / sk) ** 2;
    }
    err = Math.sqrt(err / n);
    if (!Number.isFinite(err)) err = 1e10;

    const factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFETY * err ** -0.25));
    if (err <= 1) {
      sol.steps++;
      const tNew = t + h;
      if (next < times.length && times[next]! <= tNew) {
        for (let i = 0; i < n; i++) {
          cont3[i] = H21 * k1[i]! + H22 * k2[i]! + H23 * k3[i]! + H24 * k4[i]! + H25 * k5[i]!;
          cont4[i] = H31 * k1[i]! + H32 * k2[i]! + H33 * k3[i]! + H34 * k4[i]! + H35 * k5[i]!;
        }
        while (next < times.length && times[next]! <= tNew) {
          const s = (times[next]! - t) / h;
          const s1 = 1 - s;
          const base = n * next;
          for (let i = 0; i < n; i++) {
            yOut[base + i] = s1 * y[i]! + s * (yNew[i]! + s1 * (cont3[i]! + s * cont4[i]!));
          }
          next++;
        }
      }
      y.set(yNew);
      t = tNew === t1 || tNew > t1 ? t1 : tNew;
      h *= rejectedLast ? Math.min(1, factor) : factor;
      rejectedLast = false;
    } else {
      sol.rejectedSteps++;
      h *= Math.min(1, factor);
      rejectedLast = true;
    }
  }
  // Times equal to t1 that rounding left over.
  while (next < times.length) yOut.set(y, n * next++);
  return sol;
}

function fail(sol: OdeSolution, status: OdeSolution["status"], next: number, n: number): OdeSolution {
  sol.status = status;
  sol.y.fill(Number.NaN, n * next);
  sol.yEnd.fill(Number.NaN);
  return sol;
}

function jacobianAt(
  system: OdeSystem,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  out: Float64Array,
  work: Float64Array,
  f: (t: number, y: Float64Array, out: Float64Array) => void,
): void {
  if (system.jacobian) {
    system.jacobian(t, y, out);
    return;
  }
  const n = system.dimension;
  for (let j = 0; j < n; j++) {
    const saved = y[j]!;
    const delta = Math.sqrt(Number.EPSILON * Math.max(1e-5, Math.abs(saved)));
    y[j] = saved + delta;
    f(t, y, work);
    y[j] = saved;
    for (let i = 0; i < n; i++) out[i * n + j] = (work[i]! - f0[i]!) / delta;
  }
}

/**
 * First step 0.01·‖y‖/‖f‖ in the weighted norm (Hairer–Wanner's starting-step heuristic, first part),
 * or 1e-6·span when either norm is negligible; the controller then grows it up to 6× per step.
 */
function initialStepGuess(
  system: OdeSystem,
  f: (t: number, y: Float64Array, out: Float64Array) => void,
  t0: number,
  y: Float64Array,
  rtol: number,
  atol: Float64Array,
  work: Float64Array,
  span: number,
): number {
  const n = system.dimension;
  f(t0, y, work);
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i]! + rtol * Math.abs(y[i]!);
    d0 += (y[i]! / sk) ** 2;
    d1 += (work[i]! / sk) ** 2;
  }
  d0 = Math.sqrt(d0 / n);
  d1 = Math.sqrt(d1 / n);
  return d0 < 1e-5 || d1 < 1e-5 ? 1e-6 * span : 0.01 * (d0 / d1);
}
