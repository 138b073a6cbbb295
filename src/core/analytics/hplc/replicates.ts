import { InputError } from "../../errors.js";
import { tQuantile } from "../../stats/studentT.js";
import type { HplcAnalysis, HplcPeak } from "./analyze.js";

/**
 * System suitability over replicate injections of a standard (USP <621> / Ph. Eur. 2.2.46, harmonised
 * "System suitability"): the repeatability of the main peak's area and retention time (%RSD, sample SD),
 * and per injection its plates, symmetry (tailing) factor, resolution from the peak before it and S/N.
 */
export interface SuitabilityCriteria {
  /** Upper assay limit B of the monograph, % (e.g. 102.0 → B = 2.0): the %RSD limit follows from it and n. */
  upperLimitPct?: number;
  /** %RSD limit of the area, used instead of one from `upperLimitPct`; by default 2.0 (USP, 5 injections). */
  maxAreaRsdPct?: number;
  /** %RSD limit of the retention time; not checked by default. */
  maxRtRsdPct?: number;
  /** Smallest plate count N; not checked by default. */
  minPlates?: number;
  /** Allowed symmetry (tailing) factor; by default 0.8–1.8, the harmonised chapters' default. */
  tailingRange?: [number, number];
  /** Smallest resolution from the peak before; not checked by default. */
  minResolution?: number;
  /** Smallest S/N; not checked by default. */
  minSignalToNoise?: number;
}

export interface SuitabilityInjection {
  file: string;
  rt_min: number;
  area: number;
  height: number;
  plates: number | null;
  tailing: number | null;
  resolution: number | null;
  signalToNoise: number;
}

export interface SpreadOf {
  mean: number;
  sd: number;
  rsdPct: number;
}

export interface SuitabilityCheck {
  name: string;
  /** The limit as text ("≤ 0.85 %", "0.8–1.8", "≥ 2000"). */
  limit: string;
  /** The worst value found, or null when it could not be measured in some injection. */
  value: number | null;
  pass: boolean;
}

export interface SuitabilityResult {
  injections: SuitabilityInjection[];
  rt: SpreadOf;
  area: SpreadOf;
  height: SpreadOf;
  checks: SuitabilityCheck[];
  pass: boolean;
}

/** Mean, sample standard deviation (n − 1) and %RSD. */
export function spreadOf(values: readonly number[]): SpreadOf {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, rsdPct: (100 * sd) / Math.abs(mean) };
}

/**
 * The repeatability limit of the harmonised chapters for n injections and an upper assay limit of
 * 100 + B %: %RSDmax = K·B·√n / t(90 %, n − 1), K = 0.349 (= 0.6/√2 · t(90 %, 5)/√6), t the two-sided 90 %
 * Student quantile.
 * @example maxRsdPct(2.0, 6) // 0.848 (the table's 0.85)
 */
export function maxRsdPct(b: number, n: number): number {
  if (!(n >= 2)) throw new InputError(`repeatability: expected at least 2 injections, found ${n}`);
  return (0.349 * b * Math.sqrt(n)) / tQuantile(0.95, n - 1);
}

/** System suitability of replicate injections, each already integrated, on each one's main peak. */
export function replicateSuitability(
  runs: readonly { file: string; analysis: Pick<HplcAnalysis, "mainPeak"> }[],
  criteria: SuitabilityCriteria = {},
): SuitabilityResult {
  if (runs.length < 2)
    throw new InputError(`system suitability: expected at least 2 injections, found ${runs.length}`);
  const injections = runs.map(({ file, analysis }) => {
    const main: HplcPeak | null = analysis.mainPeak;
    if (!main) throw new InputError(`${file}: no main peak (no peaks above the thresholds)`);
    const { rt_min, area, height, plates, tailing, resolution, signalToNoise } = main;
    return { file, rt_min, area, height, plates, tailing, resolution, signalToNoise };
  });
  const n = injections.length;
  const rt = spreadOf(injections.map((i) => i.rt_min));
  const area = spreadOf(injections.map((i) => i.area));
  const height = spreadOf(injections.map((i) => i.height));
  const areaLimit =
    criteria.maxAreaRsdPct ??
    (criteria.upperLimitPct !== undefined ? maxRsdPct(criteria.upperLimitPct - 100, n) : 2.0);
  if (!(areaLimit > 0))
    throw new InputError(`system suitability: the area %RSD limit must be > 0, found ${areaLimit}`);
  const checks: SuitabilityCheck[] = [
    {
      name: `area %RSD (n = ${n})`,
      limit: `≤ ${areaLimit.toFixed(2)} %`,
      value: area.rsdPct,
      pass: area.rsdPct <= areaLimit,
    },
  ];
  if (criteria.maxRtRsdPct !== undefined)
    checks.push({
      name: `retention time %RSD (n = ${n})`,
      limit: `≤ ${criteria.maxRtRsdPct} %`,
      value: rt.rsdPct,
      pass: rt.rsdPct <= criteria.maxRtRsdPct,
    });
  const [tailLo, tailHi] = criteria.tailingRange ?? [0.8, 1.8];
  checks.push(
    worst(
      "symmetry (tailing) factor",
      `${tailLo}–${tailHi}`,
      injections.map((i) => i.tailing),
      (v) => v >= tailLo && v <= tailHi,
      (v) => Math.abs(v - 1),
    ),
  );
  const minimums = [
    ["plates N", criteria.minPlates, "plates"],
    ["resolution Rs", criteria.minResolution, "resolution"],
    ["S/N", criteria.minSignalToNoise, "signalToNoise"],
  ] as const;
  for (const [name, min, field] of minimums) {
    if (min === undefined) continue;
    const values = injections.map((i) => i[field]);
    checks.push(
      worst(
        name,
        `≥ ${min}`,
        values,
        (v) => v >= min,
        (v) => -v,
      ),
    );
  }
  return { injections, rt, area, height, checks, pass: checks.every((c) => c.pass) };
}

/** A per-injection check: it passes when every injection's value passes; reports the worst value. */
function worst(
  name: string,
  limit: string,
  values: readonly (number | null)[],
  passes: (v: number) => boolean,
  badness: (v: number) => number,
): SuitabilityCheck {
  if (values.some((v) => v === null)) return { name, limit, value: null, pass: false };
  const measured = values as number[];
  const value = measured.reduce((a, b) => (badness(b) > badness(a) ? b : a));
  return { name, limit, value, pass: measured.every(passes) };
}
