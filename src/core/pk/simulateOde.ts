import { InputError } from "../errors.js";
import { ACTION_BOLUS, ACTION_RESET, checkTimes, type DosingEvent } from "./events.js";
import { type LinearPk, prepareLinearPk, scheduleFor } from "./linearSystem.js";
import type { PkModel } from "./model.js";
import { type OdeSystem, solveOde } from "./ode/index.js";

/** Documented defaults of {@link simulateConcentrationsOde}. */
export const ODE_SIMULATION_DEFAULTS = { rtol: 1e-10, atol: 1e-12 } as const;

/**
 * The linear compartmental model as an ODE system in amounts (mg), state order = cmt order
 * ([depot,] central, peripherals), with constant zero-order inputs `rates` (mg/h, one per state) that
 * the caller may change between integrations.
 */
export function linearPkOdeSystem(
  model: PkModel,
  params: Record<string, number>,
): { system: OdeSystem; rates: Float64Array; central: number; centralVolume_L: number } {
  prepareLinearPk(model, params); // validates the parameters
  const oral = model.absorption === "first-order";
  const off = oral ? 1 : 0;
  const n = model.compartments + off;
  const k = new Float64Array(n * n);
  const c = off;
  const v2 = params.V2!;
  if (oral) {
    k[0] = -params.ka!;
    k[c * n] = params.ka!;
  }
  k[c * n + c] = -params.CL! / v2;
  const peripherals: [number, number][] = [];
  if (model.compartments >= 2) peripherals.push([params.Q3!, params.V3!]);
  if (model.compartments >= 3) peripherals.push([params.Q4!, params.V4!]);
  peripherals.forEach(([q, v], idx) => {
    const p = c + 1 + idx;
    k[c * n + c] = k[c * n + c]! - q / v2;
    k[c * n + p] = q / v;
    k[p * n + c] = q / v2;
    k[p * n + p] = -q / v;
  });
  const rates = new Float64Array(n);
  const system: OdeSystem = {
    dimension: n,
    autonomous: true,
    derivative(_t, y, dydt) {
      for (let i = 0; i < n; i++) {
        let sum = rates[i]!;
        for (let j = 0; j < n; j++) sum += k[i * n + j]! * y[j]!;
        dydt[i] = sum;
      }
    },
    jacobian(_t, _y, out) {
      out.set(k);
    },
  };
  return { system, rates, central: c, centralVolume_L: v2 };
}

/**
 * The same concentrations as {@link simulateConcentrations}, by integrating the model's ODEs with the
 * adaptive, L-stable RODAS4 solver (dense output at the requested times), restarted at every dose,
 * infusion start or end and reset. The independent check of the closed form, and the template for
 * nonlinear models.
 * @param options solver tolerances on amounts (mg). @default { rtol: 1e-10, atol: 1e-12 }
 * @returns concentrations in ng/mL.
 * @throws ValidationError / InputError as {@link simulateConcentrations}; InputError when the solver
 *   fails (status named).
 */
export function simulateConcentrationsOde(
  model: PkModel,
  params: Record<string, number>,
  events: readonly DosingEvent[],
  times_h: Float64Array,
  options: { rtol?: number; atol?: number } = {},
): Float64Array {
  const pk: LinearPk = prepareLinearPk(model, params);
  const schedule = scheduleFor(pk, events);
  checkTimes(times_h);
  const rtol = options.rtol ?? ODE_SIMULATION_DEFAULTS.rtol;
  const atol = options.atol ?? ODE_SIMULATION_DEFAULTS.atol;
  const { system, rates, central, centralVolume_L } = linearPkOdeSystem(model, params);
  const n = system.dimension;
  const out = new Float64Array(times_h.length);
  const y = new Float64Array(n);
  let k = 0; // next output
  while (k < times_h.length && (schedule.count === 0 || times_h[k]! < schedule.time_h[0]!)) out[k++] = 0;
  for (let a = 0; a < schedule.count; a++) {
    const ta = schedule.time_h[a]!;
    const kind = schedule.kind[a]!;
    if (kind === ACTION_BOLUS) y[schedule.target[a]!] = y[schedule.target[a]!]! + schedule.amount_mg[a]!;
    else {
      if (kind === ACTION_RESET) y.fill(0);
      rates.set(schedule.rates_mg_per_h.subarray(a * n, a * n + n));
    }
    const last = a === schedule.count - 1;
    const tb = last ? Math.max(ta, times_h[times_h.length - 1] ?? ta) : schedule.time_h[a + 1]!;
    // Outputs in [ta, tb) belong to this segment (doses count before observations at the same time);
    // the last segment includes tb.
    let kEnd = k;
    while (kEnd < times_h.length && (times_h[kEnd]! < tb || (last && times_h[kEnd]! <= tb))) kEnd++;
    if (tb === ta && kEnd === k) continue;
    const sol = solveOde(system, y, ta, tb, times_h.subarray(k, kEnd), { rtol, atol });
    if (sol.status !== "success") {
      throw new InputError(`ODE solver stopped on [${ta}, ${tb}] h: ${sol.status}; loosen rtol/atol`);
    }
    for (let i = k; i < kEnd; i++) out[i] = (1000 * sol.y[(i - k) * n + central]!) / centralVolume_L;
    y.set(sol.yEnd);
    k = kEnd;
  }
  return out;
}
