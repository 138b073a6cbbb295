/** Number and label formatting for IC50 results. Pure functions: no React here. */
import { fixed } from "../format.js";
import type { CurveFields, PlateQc } from "./types.js";

/**
 * A number to `digits` significant digits, never in exponent notation:
 * 13.3797 → "13.4", 510.62 → "511", 12345 → "12300", 0.050805 → "0.0508", 9.996 → "10.0".
 */
export function significant(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (value === 0) return "0";
  const rounded = Number(value.toPrecision(digits));
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  return fixed(rounded, Math.max(0, digits - 1 - magnitude));
}

export type ConcentrationUnit = "nM" | "µM";

/**
 * The unit a concentration reads best in: nM up to 99 999 nM (so a top concentration prints as
 * "10000 nM", as plate maps state it), µM from 100 µM.
 */
export function concentrationUnit(nM: number): ConcentrationUnit {
  return Math.abs(nM) >= 1e5 ? "µM" : "nM";
}

function inUnit(nM: number, unit: ConcentrationUnit): number {
  return unit === "µM" ? nM / 1000 : nM;
}

/** A concentration to 3 significant digits with its unit: 13.38 → "13.4 nM", 250000 → "250 µM". */
export function formatConcentration(nM: number | null | undefined): string {
  if (nM === null || nM === undefined || !Number.isFinite(nM)) return "—";
  const unit = concentrationUnit(nM);
  return `${significant(inUnit(nM, unit))} ${unit}`;
}

/** A concentration given in nM as a number in `unit`, 3 significant digits, no unit: "0.0134". */
export function formatInUnit(nM: number | null, unit: ConcentrationUnit): string {
  return nM === null ? "—" : significant(inUnit(nM, unit));
}

/** A 95 % confidence interval (bounds in nM, either may be unknown) printed in `unit`: "[11.6, 15.4]". */
export function formatInterval(
  interval: readonly [number | null, number | null],
  unit: ConcentrationUnit,
): string {
  return `[${formatInUnit(interval[0], unit)}, ${formatInUnit(interval[1], unit)}]`;
}

const CLASS_LABELS: Record<string, string> = {
  active: "active",
  inactive: "inactive",
  insufficient_data: "insufficient data",
  fit_failed: "fit failed",
};

/** A curve class as words: "insufficient_data" → "insufficient data". */
export function classLabel(curveClass: string): string {
  return CLASS_LABELS[curveClass] ?? curveClass.replace(/_/g, " ");
}

/**
 * The IC50 as stated: "= 13.4 nM [11.6, 15.4]" (with the Wald 95 % CI, in the IC50's unit),
 * "> 10000 nM" (above the top concentration), or the class when there is no value.
 */
export function ic50Text(
  curve: Pick<CurveFields, "class" | "ic50_nM" | "ic50Qualifier" | "ci95_nM">,
): string {
  const value = curve.ic50_nM;
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return curve.class === "active" ? "—" : classLabel(curve.class);
  }
  const stated = formatConcentration(value);
  if (curve.ic50Qualifier === ">") return `> ${stated}`;
  const prefix = curve.ic50Qualifier === "=" ? "= " : "";
  const ci = curve.ci95_nM ? ` ${formatInterval(curve.ci95_nM, concentrationUnit(value))}` : "";
  return `${prefix}${stated}${ci}`;
}

/** Z' to 3 decimals ("0.841"), "—" when undefined. */
export function formatZPrime(zPrime: number | null | undefined): string {
  return zPrime === null || zPrime === undefined ? "—" : fixed(zPrime, 3);
}

/** Z' below this is a plate not fit for screening (Zhang et al. 1999), unless the run chose another. */
export const Z_PRIME_MIN = 0.5;

/** The Z' threshold a run used: its `zPrimeThreshold` parameter, else 0.5. */
export function zPrimeThresholdOf(parameters: unknown): number {
  const value =
    typeof parameters === "object" && parameters !== null
      ? (parameters as Record<string, unknown>).zPrimeThreshold
      : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : Z_PRIME_MIN;
}

/** True when a plate passes QC: Z' at or above the threshold, no flags and no error. */
export function plateQcPasses(
  plate: Pick<PlateQc, "zPrime" | "flags" | "error">,
  threshold = Z_PRIME_MIN,
): boolean {
  return (
    plate.error === null &&
    plate.flags.length === 0 &&
    plate.zPrime !== null &&
    Number.isFinite(plate.zPrime) &&
    plate.zPrime >= threshold
  );
}

/** A number or an em dash, with `decimals` decimals. */
export function maybeFixed(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined ? "—" : fixed(value, decimals);
}
