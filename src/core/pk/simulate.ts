import { InputError } from "../errors.js";
import { checkTimes, type DoseSchedule, type DosingEvent } from "./events.js";
import { type LinearPk, prepareLinearPk, scheduleFor } from "./linearSystem.js";
import type { PkModel } from "./model.js";
import {
  advance,
  applyAction,
  concentrationOf,
  fillCoefficients,
  integrateStep,
  newCoefficients,
  newState,
  sameStep,
} from "./propagate.js";

/**
 * Central concentrations (ng/mL = 1000·A_central(mg)/V2(L)) of a linear model at sorted times (h), in
 * closed form. The exact solution is stepped from output time to output time (and to each dose) in the
 * model's eigen-coordinates — superposition of every dose's analytic solution, evaluated by exponential
 * recurrence: on a uniform grid each point costs a few multiply-adds and no `Math.exp`. Doses at an
 * output time count before it (right-continuous); before the first dose the concentration is 0.
 * @param params individual parameters (see {@link resolveParameters}).
 * @param out optional buffer of length ≥ times_h.length (written from index 0 and returned).
 * @returns concentrations in ng/mL, one per time.
 * @throws ValidationError for missing or invalid parameters or dosing events.
 * @throws InputError for unsorted or non-finite times or a short `out` buffer.
 * @example simulateConcentrations(model, resolveParameters(model), regimenEvents({ doseMg: 4, days: [1], cycleDays: 28, cycles: 1 }), Float64Array.of(1.28))
 */
export function simulateConcentrations(
  model: PkModel,
  params: Record<string, number>,
  events: readonly DosingEvent[],
  times_h: Float64Array,
  out?: Float64Array,
): Float64Array {
  const pk = prepareLinearPk(model, params);
  const schedule = scheduleFor(pk, events);
  checkTimes(times_h);
  if (out && out.length < times_h.length) {
    throw new InputError(`out: expected a buffer of length ≥ ${times_h.length}, found ${out.length}`);
  }
  return concentrationsPrepared(pk, schedule, times_h, out ?? new Float64Array(times_h.length));
}

/**
 * {@link simulateConcentrations} for an already prepared model and compiled schedule (no validation of
 * `times_h`: it must be sorted). For population loops that reuse buffers.
 */
export function concentrationsPrepared(
  pk: LinearPk,
  schedule: DoseSchedule,
  times_h: Float64Array,
  out: Float64Array,
): Float64Array {
  const s = newState(pk.modes);
  const grid = newCoefficients(pk.modes); // the output spacing, reused while it repeats
  const scratch = newCoefficients(pk.modes); // steps that end or start at a dose
  const m = pk.modes;
  const nA = schedule.count;
  const actionTimes = schedule.time_h;
  let a = 0;
  let tCur = Number.NEGATIVE_INFINITY;
  let active = false; // false until the first action: the state is identically zero before it
  const n = times_h.length;
  let k = 0;
  while (k < n) {
    const target = times_h[k]!;
    let splitStep = false;
    while (a < nA && actionTimes[a]! <= target) {
      const ta = actionTimes[a]!;
      if (active && ta > tCur) {
        const dt = ta - tCur;
        if (!sameStep(scratch, dt)) fillCoefficients(pk, dt, scratch, false);
        advance(pk, s, scratch);
      }
      tCur = ta;
      active = true;
      applyAction(pk, schedule, a, s);
      a++;
      splitStep = true;
    }
    if (!active) {
      out[k++] = 0;
      continue;
    }
    if (target > tCur) {
      const dt = target - tCur;
      if (splitStep) {
        if (!sameStep(scratch, dt)) fillCoefficients(pk, dt, scratch, false);
        advance(pk, s, scratch);
      } else {
        if (!sameStep(grid, dt)) fillCoefficients(pk, dt, grid, false);
        advance(pk, s, grid);
        if (!s.anyInput) {
          // Hot path: a run of equally spaced outputs with no dose and no infusion in between —
          // unrolled over ≤ 3 modes in locals, a handful of multiply-adds per point.
          out[k++] = concentrationOf(s);
          tCur = target;
          const nextAction = a < nA ? actionTimes[a]! : Number.POSITIVE_INFINITY;
          const e0 = grid.el[0]!;
          const e1 = m > 1 ? grid.el[1]! : 0;
          const e2 = m > 2 ? grid.el[2]! : 0;
          const g0 = grid.kg[0]!;
          const g1 = m > 1 ? grid.kg[1]! : 0;
          const g2 = m > 2 ? grid.kg[2]! : 0;
          const eA = grid.eA;
          const tol = STEP_RUN_TOL * dt;
          let z0 = s.z[0]!;
          let z1 = m > 1 ? s.z[1]! : 0;
          let z2 = m > 2 ? s.z[2]! : 0;
          let ad = s.ad;
          while (k < n) {
            const t = times_h[k]!;
            if (t >= nextAction) break;
            const d = t - tCur - dt;
            if (d > tol || d < -tol) break;
            z0 = z0 * e0 + ad * g0;
            z1 = z1 * e1 + ad * g1;
            z2 = z2 * e2 + ad * g2;
            ad *= eA;
            // Flush values headed into the slow subnormal range (see propagate.ts).
            if (z0 < TINY && z0 > -TINY) z0 = 0;
            if (z1 < TINY && z1 > -TINY) z1 = 0;
            if (z2 < TINY && z2 > -TINY) z2 = 0;
            if (ad < TINY) ad = 0;
            out[k++] = z0 + z1 + z2;
            tCur = t;
          }
          s.z[0] = z0;
          if (m > 1) s.z[1] = z1;
          if (m > 2) s.z[2] = z2;
          s.ad = ad;
          continue;
        }
      }
      tCur = target;
    }
    out[k++] = concentrationOf(s);
  }
  return out;
}

/** Same as the step-matching tolerance of propagate.ts: equal spacing within 1e-11 relative. */
const STEP_RUN_TOL = 1e-11;
/** Same flush threshold as propagate.ts. */
const TINY = 1e-280;

/**
 * Exact AUC (ng·h/mL) of the central concentration over each window [t0, t1] (h), integrated in closed
 * form segment by segment (not a trapezoid rule). Windows may overlap and come in any order.
 * @throws InputError for a window that is not finite or has t1 < t0.
 * @throws ValidationError for missing or invalid parameters or dosing events.
 * @example exactAuc(model, p, events, [[0, 168], [3696, 3864]])
 */
export function exactAuc(
  model: PkModel,
  params: Record<string, number>,
  events: readonly DosingEvent[],
  windows: readonly [number, number][],
): Float64Array {
  const pk = prepareLinearPk(model, params);
  const schedule = scheduleFor(pk, events);
  return exactAucPrepared(pk, schedule, windows);
}

/** {@link exactAuc} for an already prepared model and compiled schedule. */
export function exactAucPrepared(
  pk: LinearPk,
  schedule: DoseSchedule,
  windows: readonly (readonly [number, number])[],
): Float64Array {
  windows.forEach(([t0, t1], i) => {
    if (!(Number.isFinite(t0) && Number.isFinite(t1) && t1 >= t0)) {
      throw new InputError(`windows[${i}]: expected finite hours with t0 ≤ t1, found [${t0}, ${t1}]`);
    }
  });
  const stops = Float64Array.from(new Set(windows.flat())).sort();
  // gap[k] = ∫ C over [stops[k], stops[k+1]]
  const gaps = new Float64Array(Math.max(0, stops.length - 1));
  const s = newState(pk.modes);
  const c = newCoefficients(pk.modes);
  let a = 0;
  let tCur = Number.NEGATIVE_INFINITY;
  let active = false;
  const step = (to: number): number => {
    if (!active || to <= tCur) return 0;
    const dt = to - tCur;
    if (!sameStep(c, dt)) fillCoefficients(pk, dt, c, true);
    const area = integrateStep(pk, s, c);
    advance(pk, s, c);
    return area;
  };
  for (let k = 0; k < stops.length; k++) {
    const target = stops[k]!;
    let area = 0;
    while (a < schedule.count && schedule.time_h[a]! <= target) {
      const ta = schedule.time_h[a]!;
      area += step(ta);
      if (ta > tCur || !active) tCur = ta;
      active = true;
      applyAction(pk, schedule, a, s);
      a++;
    }
    area += step(target);
    if (active) tCur = Math.max(tCur, target);
    if (k > 0) gaps[k - 1] = area;
  }
  const auc = new Float64Array(windows.length);
  windows.forEach(([t0, t1], i) => {
    let sum = 0;
    for (let k = lowerBound(stops, t0); k < stops.length - 1 && stops[k]! < t1; k++) sum += gaps[k]!;
    auc[i] = sum;
  });
  return auc;
}

function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
