import { InputError, ValidationError, type ValidationIssue } from "../errors.js";

/**
 * One NONMEM-style dosing record. `evid` 1 is a dose; 4 resets every compartment to zero (cancelling
 * running infusions and lagged doses still pending from earlier records) and then doses. `addl`
 * additional doses follow every `ii_h` hours; each behaves as its own record. `rate_mg_per_h` > 0 makes
 * the dose a zero-order infusion lasting F·amt/rate (NONMEM: F scales the amount, so the duration);
 * absent or 0 is a bolus. Modelled rates (NONMEM RATE = −1/−2) are not supported.
 */
export interface DosingEvent {
  time_h: number;
  amt_mg: number;
  cmt: number;
  evid: 1 | 4;
  ii_h?: number;
  addl?: number;
  rate_mg_per_h?: number;
}

/** A cyclic regimen, e.g. 4 mg on days 1, 8 and 15 of 28-day cycles, 6 cycles. */
export interface Regimen {
  doseMg: number;
  /** 1-based days of a cycle. */
  days: number[];
  cycleDays: number;
  cycles: number;
  /** @default 1 (the depot of an oral model, the central compartment of an IV model) */
  cmt?: number;
}

const REGIMEN_DEFAULTS = { cmt: 1 } as const;

/**
 * Expands a cyclic regimen into bolus dosing events at (cycle·cycleDays + day − 1)·24 h, cycle = 0…cycles−1,
 * sorted by time.
 * @throws ValidationError when the dose is not finite and > 0, a day is not an integer in 1…cycleDays
 *   (or repeats), cycleDays or cycles is not a positive integer, or cmt is not a positive integer.
 * @example regimenEvents({ doseMg: 4, days: [1, 8, 15], cycleDays: 28, cycles: 2 }).map((e) => e.time_h)
 *   // [0, 168, 336, 672, 840, 1008]
 */
export function regimenEvents(r: Regimen): DosingEvent[] {
  const cmt = r.cmt ?? REGIMEN_DEFAULTS.cmt;
  const issues: ValidationIssue[] = [];
  if (!(Number.isFinite(r.doseMg) && r.doseMg > 0)) {
    issues.push({ path: "doseMg", message: `must be a finite number > 0, found ${r.doseMg}` });
  }
  if (!(Number.isInteger(r.cycleDays) && r.cycleDays > 0)) {
    issues.push({ path: "cycleDays", message: `must be an integer ≥ 1, found ${r.cycleDays}` });
  }
  if (!(Number.isInteger(r.cycles) && r.cycles > 0)) {
    issues.push({ path: "cycles", message: `must be an integer ≥ 1, found ${r.cycles}` });
  }
  if (!(Number.isInteger(cmt) && cmt > 0)) {
    issues.push({ path: "cmt", message: `must be an integer ≥ 1, found ${cmt}` });
  }
  if (r.days.length === 0) issues.push({ path: "days", message: "must list at least one day" });
  const seen = new Set<number>();
  r.days.forEach((day, i) => {
    if (!(Number.isInteger(day) && day >= 1 && day <= r.cycleDays)) {
      issues.push({ path: `days[${i}]`, message: `must be an integer in 1…${r.cycleDays}, found ${day}` });
    } else if (seen.has(day)) {
      issues.push({ path: `days[${i}]`, message: `day ${day} is listed twice` });
    }
    seen.add(day);
  });
  if (issues.length > 0) throw new ValidationError(issues, "invalid regimen");
  const days = [...r.days].sort((a, b) => a - b);
  const events: DosingEvent[] = [];
  for (let cycle = 0; cycle < r.cycles; cycle++) {
    for (const day of days) {
      events.push({ time_h: (cycle * r.cycleDays + day - 1) * 24, amt_mg: r.doseMg, cmt, evid: 1 });
    }
  }
  return events;
}

/** Action kinds of a compiled schedule. */
export const ACTION_BOLUS = 0;
export const ACTION_RATE = 1;
export const ACTION_RESET = 2;

/**
 * Dosing events compiled for one model and parameter set: the state changes in time order with lag
 * times, bioavailability, additional doses, infusion ends and resets resolved. State index = cmt − 1.
 */
export interface DoseSchedule {
  nState: number;
  count: number;
  time_h: Float64Array;
  kind: Uint8Array;
  /** State index a bolus goes into. */
  target: Int32Array;
  /** Bolus amount after bioavailability (mg). */
  amount_mg: Float64Array;
  /** count × nState: the total zero-order input rate into each state in effect after the action. */
  rates_mg_per_h: Float64Array;
  hasInfusions: boolean;
}

/** How the model treats doses: which state is a depot (−1: none) and its F and lag time. */
export interface DoseHandling {
  nState: number;
  depot: number;
  bioavailability: number;
  lag_h: number;
}

interface RawAction {
  time: number;
  order: number;
  kind: "reset" | "bolus" | "on" | "off";
  epoch: number;
  target: number;
  amount: number;
  rate: number;
  id: number;
}

/**
 * Validates and compiles dosing events. Doses at the same time as an observation are given before it
 * (concentrations are right-continuous, as in mrgsolve).
 * @throws ValidationError naming each bad field as `events[i].field`.
 */
export function compileSchedule(events: readonly DosingEvent[], handling: DoseHandling): DoseSchedule {
  const issues: ValidationIssue[] = [];
  interface Rec {
    time: number;
    amt: number;
    target: number;
    rate: number;
    reset: boolean;
    seq: number;
  }
  const records: Rec[] = [];
  events.forEach((e, i) => {
    const at = (field: string, message: string) => issues.push({ path: `events[${i}].${field}`, message });
    const before = issues.length;
    if (!(Number.isFinite(e.time_h) && e.time_h >= 0))
      at("time_h", `must be a finite number ≥ 0, found ${e.time_h}`);
    if (!(Number.isFinite(e.amt_mg) && e.amt_mg >= 0))
      at("amt_mg", `must be a finite number ≥ 0, found ${e.amt_mg}`);
    if (!(Number.isInteger(e.cmt) && e.cmt >= 1 && e.cmt <= handling.nState)) {
      at("cmt", `must be an integer in 1…${handling.nState} for this model, found ${e.cmt}`);
    }
    if (e.evid !== 1 && e.evid !== 4) at("evid", `must be 1 (dose) or 4 (reset and dose), found ${e.evid}`);
    const addl = e.addl ?? 0;
    const ii = e.ii_h ?? 0;
    const rate = e.rate_mg_per_h ?? 0;
    if (!(Number.isInteger(addl) && addl >= 0)) at("addl", `must be an integer ≥ 0, found ${addl}`);
    if (!(Number.isFinite(ii) && ii >= 0)) at("ii_h", `must be a finite number ≥ 0, found ${ii}`);
    else if (addl > 0 && ii === 0) at("ii_h", "must be > 0 when addl > 0");
    if (!(Number.isFinite(rate) && rate >= 0)) {
      at(
        "rate_mg_per_h",
        `must be a finite number ≥ 0 (modelled rates −1/−2 are not supported), found ${rate}`,
      );
    }
    if (issues.length > before) return;
    for (let k = 0; k <= addl; k++) {
      records.push({
        time: e.time_h + k * ii,
        amt: e.amt_mg,
        target: e.cmt - 1,
        rate,
        reset: e.evid === 4 && k === 0,
        seq: records.length,
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues, "invalid dosing events");
  records.sort((a, b) => a.time - b.time || a.seq - b.seq);

  const raw: RawAction[] = [];
  let epoch = 0;
  let nextId = 0;
  for (const r of records) {
    if (r.reset) {
      epoch++;
      raw.push({
        time: r.time,
        order: raw.length,
        kind: "reset",
        epoch,
        target: 0,
        amount: 0,
        rate: 0,
        id: -1,
      });
    }
    const depot = r.target === handling.depot;
    const amount = depot ? r.amt * handling.bioavailability : r.amt;
    if (amount === 0) continue;
    const arrival = depot ? r.time + handling.lag_h : r.time;
    if (r.rate > 0) {
      const id = nextId++;
      const base = { epoch, target: r.target, amount, rate: r.rate, id };
      raw.push({ time: arrival, order: raw.length, kind: "on", ...base });
      raw.push({ time: arrival + amount / r.rate, order: raw.length, kind: "off", ...base });
    } else {
      raw.push({
        time: arrival,
        order: raw.length,
        kind: "bolus",
        epoch,
        target: r.target,
        amount,
        rate: 0,
        id: -1,
      });
    }
  }
  raw.sort((a, b) => a.time - b.time || a.order - b.order);

  const n = handling.nState;
  const kept: RawAction[] = [];
  const ratesAfter: number[] = [];
  const active = new Map<number, RawAction>();
  let current = 0;
  const pushRates = () => {
    const totals = new Array<number>(n).fill(0);
    for (const a of active.values()) totals[a.target]! += a.rate;
    ratesAfter.push(...totals);
  };
  for (const a of raw) {
    if (a.kind === "reset") {
      current = a.epoch;
      active.clear();
    } else if (a.kind === "off") {
      if (!active.delete(a.id)) continue;
    } else if (a.epoch !== current) {
      continue; // scheduled before a reset that has since happened
    } else if (a.kind === "on") {
      active.set(a.id, a);
    }
    kept.push(a);
    pushRates();
  }
  const count = kept.length;
  const schedule: DoseSchedule = {
    nState: n,
    count,
    time_h: new Float64Array(count),
    kind: new Uint8Array(count),
    target: new Int32Array(count),
    amount_mg: new Float64Array(count),
    rates_mg_per_h: Float64Array.from(ratesAfter),
    hasInfusions: kept.some((a) => a.kind === "on"),
  };
  kept.forEach((a, i) => {
    schedule.time_h[i] = a.time;
    schedule.kind[i] = a.kind === "bolus" ? ACTION_BOLUS : a.kind === "reset" ? ACTION_RESET : ACTION_RATE;
    schedule.target[i] = a.target;
    schedule.amount_mg[i] = a.amount;
  });
  return schedule;
}

/**
 * Checks that output times are finite and sorted (non-decreasing).
 * @throws InputError naming the first offending index.
 */
export function checkTimes(times_h: Float64Array, what = "times_h"): void {
  for (let i = 0; i < times_h.length; i++) {
    const t = times_h[i]!;
    if (!Number.isFinite(t))
      throw new InputError(`${what}[${i}]: expected a finite time in hours, found ${t}`);
    if (i > 0 && t < times_h[i - 1]!) {
      throw new InputError(
        `${what}[${i}]: times must be sorted ascending, found ${t} after ${times_h[i - 1]}`,
      );
    }
  }
}
