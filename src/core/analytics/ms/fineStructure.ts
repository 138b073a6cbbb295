import type { ElementCounts } from "../../chem/formula.js";
import { InputError } from "../../errors.js";
import { ELECTRON_MASS_U, ISOTOPES, type IsotopeTable } from "./isotopeData.js";

/** Isotopic configurations (fine structure): m/z and probability, sorted by m/z. */
export interface IsotopeSticks {
  mz: Float64Array;
  probability: Float64Array;
}

/** Options of {@link isotopeFineStructure}. */
export interface FineStructureOptions {
  /** Keep every configuration whose probability is at least this (absolute). @default 1e-10 */
  threshold?: number;
  /** Net charge z: m/z = (Σ masses − z·mₑ)/|z|; 0 gives neutral masses. @default 0 */
  charge?: number;
  /** Isotope masses and abundances. @default ISOTOPES */
  table?: IsotopeTable;
}

/** Defaults of {@link FineStructureOptions}. */
export const FINE_STRUCTURE_DEFAULTS = { threshold: 1e-10, charge: 0 } as const;

/** Configurations above the threshold would exceed this many: a protein-sized request, refused. */
const MAX_CONFIGURATIONS = 5_000_000;

/**
 * Every isotopic configuration of a formula with probability ≥ `threshold`, exactly — the set IsoSpec's
 * `IsoThreshold(threshold, absolute=True)` returns (Łącki et al., Anal. Chem. 89, 3272, 2017). Each
 * element's multinomial is enumerated as a chain of conditional binomials (isotope by isotope); a
 * partial product bounds every completion of it, so branches below the threshold are cut without loss.
 * Elements are then combined one at a time, every partial product pruned against the threshold over
 * the product of the remaining elements' largest probabilities, which again loses nothing above it.
 * @throws InputError for an element without isotope data or an impossible request.
 * @example isotopeFineStructure({ C: 1, H: 4 }, { charge: 0 }).mz[0] // 16.0313
 */
export function isotopeFineStructure(
  counts: ElementCounts,
  options: FineStructureOptions = {},
): IsotopeSticks {
  const threshold = options.threshold ?? FINE_STRUCTURE_DEFAULTS.threshold;
  const charge = options.charge ?? FINE_STRUCTURE_DEFAULTS.charge;
  const table = options.table ?? ISOTOPES;
  if (!(threshold > 0 && threshold < 1))
    throw new InputError(`threshold: expected 0 < t < 1, found ${threshold}`);
  if (!Number.isInteger(charge)) throw new InputError(`charge: expected an integer, found ${charge}`);
  const elements = Object.entries(counts).filter(([, n]) => n > 0);
  if (elements.length === 0) throw new InputError("formula: no atoms");
  const lists = elements.map(([symbol, n]) => {
    const isotopes = table[symbol];
    if (!isotopes) {
      throw new InputError(
        `formula: no isotope data for element ${symbol}. Known: ${Object.keys(table).join(", ")}`,
      );
    }
    return enumerateElement(n, isotopes, threshold);
  });
  // Combine the narrowest distributions first: the partial list stays short.
  lists.sort((a, b) => a.length - b.length);
  const restMax = new Float64Array(lists.length + 1);
  restMax[lists.length] = 1;
  for (let i = lists.length - 1; i >= 0; i--) restMax[i] = restMax[i + 1]! * lists[i]!.probability[0]!;

  // Partial configurations need no order: each is checked against the bound on its own (the element
  // lists are sorted, so their inner loops still stop early). Buffers grow by doubling.
  let mass = new Float64Array(64);
  let prob = new Float64Array(64);
  let count = 1;
  mass[0] = 0;
  prob[0] = 1;
  let nextMass = new Float64Array(64);
  let nextProb = new Float64Array(64);
  for (let e = 0; e < lists.length; e++) {
    const list = lists[e]!;
    const listProb = list.probability;
    const listMass = list.mass;
    const first = listProb[0]!;
    const bound = threshold / restMax[e + 1]!;
    let out = 0;
    for (let i = 0; i < count; i++) {
      const p = prob[i]!;
      if (p * first < bound) continue;
      const m = mass[i]!;
      for (let j = 0; j < listProb.length; j++) {
        const q = p * listProb[j]!;
        if (q < bound) break;
        if (out === nextProb.length) {
          if (out >= MAX_CONFIGURATIONS) {
            throw new InputError(
              `formula: more than ${MAX_CONFIGURATIONS} isotopic configurations above ${threshold}; raise the threshold`,
            );
          }
          nextMass = grow(nextMass, out);
          nextProb = grow(nextProb, out);
        }
        nextMass[out] = m + listMass[j]!;
        nextProb[out] = q;
        out++;
      }
    }
    [mass, nextMass] = [nextMass, mass];
    [prob, nextProb] = [nextProb, prob];
    count = out;
  }
  mass = mass.subarray(0, count);
  prob = prob.subarray(0, count);
  const z = Math.abs(charge);
  const byMz = sortedOrder(mass, (a, b) => mass[a]! - mass[b]!);
  const mz = new Float64Array(byMz.length);
  const probability = new Float64Array(byMz.length);
  for (let i = 0; i < byMz.length; i++) {
    const k = byMz[i]!;
    mz[i] = z === 0 ? mass[k]! : (mass[k]! - charge * ELECTRON_MASS_U) / z;
    probability[i] = prob[k]!;
  }
  return { mz, probability };
}

function grow(buffer: Float64Array, used: number): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(buffer.length * 2);
  bigger.set(buffer.subarray(0, used));
  return bigger;
}

function sortedOrder(values: ArrayLike<number>, compare: (a: number, b: number) => number): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort(compare);
}

interface ElementList {
  mass: Float64Array;
  probability: Float64Array;
  length: number;
}

let logFactorials = new Float64Array([0, 0]);
function logFactorial(n: number): number {
  if (n >= logFactorials.length) {
    const grown = new Float64Array(Math.max(n + 1, logFactorials.length * 2));
    grown.set(logFactorials);
    for (let i = logFactorials.length; i < grown.length; i++) grown[i] = grown[i - 1]! + Math.log(i);
    logFactorials = grown;
  }
  return logFactorials[n]!;
}

/**
 * The configurations of n atoms of one element with probability ≥ threshold, most probable first.
 * The most abundant isotope takes the remainder; the others are chosen in turn from Binomial(m, p/q),
 * m atoms left and q the abundance not yet assigned, walking out from the mode on both sides.
 */
function enumerateElement(
  n: number,
  isotopes: readonly { mass: number; abundance: number }[],
  threshold: number,
): ElementList {
  const present = isotopes.filter((i) => i.abundance > 0);
  let main = 0;
  for (let i = 1; i < present.length; i++) if (present[i]!.abundance > present[main]!.abundance) main = i;
  const order = [...present.keys()].filter((i) => i !== main).map((i) => present[i]!);
  const last = present[main]!;
  const logThreshold = Math.log(threshold);
  const masses: number[] = [];
  const logProbs: number[] = [];
  const visit = (level: number, atomsLeft: number, abundanceLeft: number, mass: number, logP: number) => {
    if (level === order.length || atomsLeft === 0) {
      masses.push(mass + atomsLeft * last.mass);
      logProbs.push(logP);
      return;
    }
    const isotope = order[level]!;
    const q = Math.min(1, isotope.abundance / abundanceLeft);
    const logQ = Math.log(q);
    const log1mQ = q >= 1 ? Number.NEGATIVE_INFINITY : Math.log1p(-q);
    const lfM = logFactorial(atomsLeft);
    const term = (c: number) =>
      lfM -
      logFactorial(c) -
      logFactorial(atomsLeft - c) +
      (c === 0 ? 0 : c * logQ) +
      (atomsLeft - c === 0 ? 0 : (atomsLeft - c) * log1mQ);
    const mode = Math.min(atomsLeft, Math.floor((atomsLeft + 1) * q));
    for (let c = mode; c <= atomsLeft; c++) {
      const lp = logP + term(c);
      if (lp < logThreshold) break;
      visit(level + 1, atomsLeft - c, abundanceLeft - isotope.abundance, mass + c * isotope.mass, lp);
    }
    for (let c = mode - 1; c >= 0; c--) {
      const lp = logP + term(c);
      if (lp < logThreshold) break;
      visit(level + 1, atomsLeft - c, abundanceLeft - isotope.abundance, mass + c * isotope.mass, lp);
    }
  };
  // Starting from the table's own sum keeps p_i exactly as listed even if it is off 1 by rounding.
  visit(
    0,
    n,
    present.reduce((sum, i) => sum + i.abundance, 0),
    0,
    0,
  );
  const idx = sortedOrder(logProbs, (a, b) => logProbs[b]! - logProbs[a]!);
  return {
    mass: Float64Array.from(idx, (k) => masses[k]!),
    probability: Float64Array.from(idx, (k) => Math.exp(logProbs[k]!)),
    length: idx.length,
  };
}
