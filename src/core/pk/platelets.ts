import { InputError } from "../errors.js";
import type { DosingEvent } from "./events.js";
import { solveOde } from "./ode/index.js";

/**
 * Srimani 2022 platelet model (CPT Pharmacometrics Syst Pharmacol 11:1085, Table 3, as encoded in
 * nlmixr2lib `Srimani_2022_ixazomib_platelets`): an adapted Friberg chain without feedback (proliferating
 * pool → two transits → circulating platelets) with two first-order losses from the proliferating pool,
 * ixazomib slp·(Cc + k·AUC(t)) and LenDex slp·kel·A_KPD, driven by the Gupta 2017 concentrations. Times
 * in h, concentrations ng/mL, platelets 10⁹/L. Typical subject (η = 0).
 */
export const SRIMANI_2022 = {
  kprp_per_h: Math.exp(-3.2),
  kin_per_h: Math.exp(-3.21),
  baseline_1e9_per_L: 203,
  slpIxa_per_h_per_ng_mL: 0.000859,
  kIxa_per_h: 0.0000818,
  kelLen_per_h: 0.0483,
  slpLen_per_h_per_mg_h: 0.0134,
  source:
    "Srimani JK et al., CPT Pharmacometrics Syst Pharmacol 2022;11(8):1085-1099, Table 3 (via nlmixr2lib Srimani_2022_ixazomib_platelets)",
} as const;

/** Gupta 2017 PK parameters the platelet model needs (names as in `resolveParameters`). */
export interface PlateletPkParameters {
  ka: number;
  CL: number;
  V2: number;
  Q3: number;
  V3: number;
  Q4: number;
  V4: number;
  F: number;
  tlag: number;
}

/** Platelets over time and their nadir. */
export interface PlateletProfile {
  times_h: Float64Array;
  platelets_1e9_per_L: Float64Array;
  conc_ng_mL: Float64Array;
  nadir: { platelets_1e9_per_L: number; time_h: number };
  solverStatus: string;
}

const N = 10; // depot, central, periph1, periph2, AUC, lenalidomide K-PD, prol, transit1, transit2, circ

/**
 * Simulates the platelet count of a typical subject on ixazomib (oral doses into the depot, with F and
 * lag) and optionally lenalidomide (doses in mg into the K-PD compartment), by the stiff ODE solver.
 * @throws InputError for unsorted output times or a dose that is not an oral bolus.
 */
export function simulatePlatelets(
  pk: PlateletPkParameters,
  ixazomib: readonly DosingEvent[],
  lenalidomide: readonly { time_h: number; amt_mg: number }[],
  times_h: Float64Array,
  options: { rtol?: number; atol?: number } = {},
): PlateletProfile {
  for (const e of ixazomib) {
    if (e.rate_mg_per_h || e.evid !== 1)
      throw new InputError("platelet model: ixazomib doses must be oral boluses (evid 1)");
  }
  const s = SRIMANI_2022;
  const k10 = pk.CL / pk.V2;
  const k12 = pk.Q3 / pk.V2;
  const k21 = pk.Q3 / pk.V3;
  const k13 = pk.Q4 / pk.V2;
  const k31 = pk.Q4 / pk.V4;
  const toConc = 1000 / pk.V2;
  const kout = s.kin_per_h;
  const system = {
    dimension: N,
    autonomous: true,
    derivative(_t: number, y: Float64Array, d: Float64Array) {
      const [depot, central, p1, p2, , kpd, prol, tr1, tr2, circ] = y as unknown as number[] as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const cc = central * toConc;
      const effect =
        s.slpIxa_per_h_per_ng_mL * (cc + s.kIxa_per_h * y[4]!) +
        s.slpLen_per_h_per_mg_h * s.kelLen_per_h * kpd;
      d[0] = -pk.ka * depot;
      d[1] = pk.ka * depot - (k10 + k12 + k13) * central + k21 * p1 + k31 * p2;
      d[2] = k12 * central - k21 * p1;
      d[3] = k13 * central - k31 * p2;
      d[4] = cc;
      d[5] = -s.kelLen_per_h * kpd;
      d[6] = s.kin_per_h - (s.kprp_per_h + effect) * prol;
      d[7] = s.kprp_per_h * (prol - tr1);
      d[8] = s.kprp_per_h * (tr1 - tr2);
      d[9] = s.kprp_per_h * tr2 - kout * circ;
    },
    jacobian(_t: number, y: Float64Array, J: Float64Array) {
      J.fill(0);
      const at = (i: number, j: number, v: number) => {
        J[i * N + j] = v;
      };
      const prol = y[6]!;
      const effect =
        s.slpIxa_per_h_per_ng_mL * (y[1]! * toConc + s.kIxa_per_h * y[4]!) +
        s.slpLen_per_h_per_mg_h * s.kelLen_per_h * y[5]!;
      at(0, 0, -pk.ka);
      at(1, 0, pk.ka);
      at(1, 1, -(k10 + k12 + k13));
      at(1, 2, k21);
      at(1, 3, k31);
      at(2, 1, k12);
      at(2, 2, -k21);
      at(3, 1, k13);
      at(3, 3, -k31);
      at(4, 1, toConc);
      at(5, 5, -s.kelLen_per_h);
      at(6, 1, -s.slpIxa_per_h_per_ng_mL * toConc * prol);
      at(6, 4, -s.slpIxa_per_h_per_ng_mL * s.kIxa_per_h * prol);
      at(6, 5, -s.slpLen_per_h_per_mg_h * s.kelLen_per_h * prol);
      at(6, 6, -(s.kprp_per_h + effect));
      at(7, 6, s.kprp_per_h);
      at(7, 7, -s.kprp_per_h);
      at(8, 7, s.kprp_per_h);
      at(8, 8, -s.kprp_per_h);
      at(9, 8, s.kprp_per_h);
      at(9, 9, -kout);
    },
  };
  // Doses as state jumps, applied at their (lagged) times; outputs at a dose time see the dose.
  const jumps = [
    ...ixazomib.flatMap((e) =>
      Array.from({ length: (e.addl ?? 0) + 1 }, (_, k) => ({
        t: e.time_h + k * (e.ii_h ?? 0) + pk.tlag,
        state: 0,
        amount: pk.F * e.amt_mg,
      })),
    ),
    ...lenalidomide.map((e) => ({ t: e.time_h, state: 5, amount: e.amt_mg })),
  ].sort((a, b) => a.t - b.t);
  const y = new Float64Array(N);
  y[6] = y[7] = y[8] = s.kin_per_h / s.kprp_per_h;
  y[9] = 1;
  const out = new Float64Array(times_h.length * N);
  const end = times_h[times_h.length - 1] ?? 0;
  let t = Math.min(0, times_h[0] ?? 0);
  let next = 0;
  let status = "success";
  const boundaries = [...new Set(jumps.map((j) => j.t).filter((x) => x <= end)), end + 1e-9].sort(
    (a, b) => a - b,
  );
  for (const boundary of boundaries) {
    const t1 = Math.max(t, Math.min(boundary, end));
    const first = next;
    while (next < times_h.length && (times_h[next]! < boundary || boundary > end)) next++;
    const segment = times_h.subarray(first, next);
    if (t1 > t || segment.length > 0) {
      const solution = solveOde(system, y, t, t1, segment, {
        rtol: options.rtol ?? 1e-9,
        atol: options.atol ?? 1e-12,
      });
      if (solution.status !== "success") status = solution.status;
      out.set(solution.y, first * N);
      y.set(solution.yEnd);
      t = t1;
    }
    for (const j of jumps) if (j.t === boundary) y[j.state]! += j.amount;
  }
  const platelets = new Float64Array(times_h.length);
  const conc = new Float64Array(times_h.length);
  let nadir = { platelets_1e9_per_L: Number.POSITIVE_INFINITY, time_h: Number.NaN };
  for (let i = 0; i < times_h.length; i++) {
    platelets[i] = s.baseline_1e9_per_L * out[i * N + 9]!;
    conc[i] = out[i * N + 1]! * toConc;
    if (platelets[i]! < nadir.platelets_1e9_per_L)
      nadir = { platelets_1e9_per_L: platelets[i]!, time_h: times_h[i]! };
  }
  return { times_h, platelets_1e9_per_L: platelets, conc_ng_mL: conc, nadir, solverStatus: status };
}
