// Throughput of the closed-form PK solver: one subject = the Gupta 2017 model, 4 mg on days 1, 8, 15 of
// 28-day cycles × 6 (18 doses), hourly output 0…4,032 h (4,033 points) plus exact AUCs over the first and
// last dosing weeks. Subjects get seeded log-normal CL, F and V4 (the model's IIV, correlated), so every
// subject decomposes its own eigen-system. One core, no worker threads.
// Reference (issue 5, same machine): R deSolve lsoda ~100–170 ms per subject. Goal: ≥ 10,000 subjects/s
// per core so 10,000 subjects + AUCs fit in < 2 s on 2 cores.
import {
  concentrationsPrepared,
  exactAucPrepared,
  findPkModel,
  prepareLinearPk,
  regimenEvents,
  resolveParameters,
  scheduleFor,
  simulateConcentrations,
  simulateConcentrationsOde,
} from "../src/core/pk/index.js";
import { gaussian, mulberry32 } from "../src/core/random/mulberry32.js";

const N_SUBJECTS = 20_000;

const model = findPkModel("ixazomib-gupta2017");
const typical = resolveParameters(model);
const events = regimenEvents({ doseMg: 4, days: [1, 8, 15], cycleDays: 28, cycles: 6 });
const times = Float64Array.from({ length: 4033 }, (_, i) => i);
const windows: [number, number][] = [
  [0, 168],
  [3696, 3864],
];
// Cholesky of the Gupta 2017 ω (CL, F correlated; V4 independent).
const [w11, w21, w22, w33] = [0.17697, 0.2255, 0.42726, 0.48492];
const l11 = Math.sqrt(w11);
const l21 = w21 / l11;
const l22 = Math.sqrt(w22 - l21 * l21);
const l33 = Math.sqrt(w33);
const rand = mulberry32(20250105);
const subjects = Array.from({ length: N_SUBJECTS }, () => {
  const [z1, z2, z3] = [gaussian(rand), gaussian(rand), gaussian(rand)];
  return {
    ...typical,
    CL: typical.CL! * Math.exp(l11 * z1),
    F: typical.F! * Math.exp(l21 * z1 + l22 * z2),
    V4: typical.V4! * Math.exp(l33 * z3),
  };
});

const out = new Float64Array(times.length);
let checksum = 0;
function runSubject(p: Record<string, number>): void {
  const pk = prepareLinearPk(model, p);
  const schedule = scheduleFor(pk, events);
  concentrationsPrepared(pk, schedule, times, out);
  const auc = exactAucPrepared(pk, schedule, windows);
  checksum += out[4032]! + auc[1]!;
}

for (let i = 0; i < 2000; i++) runSubject(subjects[i]!); // warm-up (JIT)
checksum = 0;
const start = performance.now();
for (const p of subjects) runSubject(p);
const seconds = (performance.now() - start) / 1000;
const perSubjectUs = (seconds / N_SUBJECTS) * 1e6;

// The public one-call API (validates everything each call) for comparison.
const startPublic = performance.now();
for (let i = 0; i < 5000; i++) simulateConcentrations(model, subjects[i]!, events, times, out);
const publicPerSubjectUs = ((performance.now() - startPublic) / 5000) * 1000;

// The RODAS4 ODE path on the same subject (the independent check, not the hot path).
const startOde = performance.now();
for (let i = 0; i < 5; i++) simulateConcentrationsOde(model, subjects[i]!, events, times);
const odeMs = (performance.now() - startOde) / 5;

console.log(
  `pk simulate (closed form, Gupta 2017, 18 doses, 4,033 hourly points + 2 exact AUCs): ` +
    `${N_SUBJECTS} subjects in ${seconds.toFixed(3)} s = ${(N_SUBJECTS / seconds).toFixed(0)} subjects/s ` +
    `(${perSubjectUs.toFixed(1)} µs/subject) on one core [checksum ${checksum.toFixed(3)}]`,
);
console.log(
  `  simulateConcentrations (public, validating) alone: ${publicPerSubjectUs.toFixed(1)} µs/subject`,
);
console.log(`  RODAS4 ODE (rtol 1e-10): ${odeMs.toFixed(1)} ms/subject`);
console.log(
  "  reference: R deSolve lsoda ~100–170 ms per subject (issue 5); goal ≥ 10,000 subjects/s per core",
);
