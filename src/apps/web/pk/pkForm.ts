/** The PK page's form values to pk.simulate and pk.population parameters. Pure functions: no React here. */
import { defaultAucWindows } from "./pkMath.js";

export interface PkFormValues {
  model: string;
  doseMg: string;
  days: string;
  cycleDays: string;
  cycles: string;
  link: boolean;
  ic50nM: string;
  hill: string;
  basis: "unbound" | "whole-blood";
  subjects: string;
  seed: string;
}

export const DEFAULT_MODELS = ["ixazomib-gupta2017", "ixazomib-gupta2015"] as const;

export const INITIAL_PK_VALUES: PkFormValues = {
  model: DEFAULT_MODELS[0],
  doseMg: "4",
  days: "1, 8, 15",
  cycleDays: "28",
  cycles: "6",
  link: false,
  ic50nM: "3.4",
  hill: "1",
  basis: "whole-blood",
  subjects: "",
  seed: "1",
};

export interface PkRequest {
  simulate: Record<string, unknown>;
  /** Absent when no population size was given. */
  population?: Record<string, unknown>;
  /** Start of the last cycle, hours. */
  lastCycleStartH: number;
}

export type PkFormErrors = Partial<Record<keyof PkFormValues, string>>;

function number(text: string, field: keyof PkFormValues, errors: PkFormErrors, integer = false): number {
  const value = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(value)) errors[field] = "enter a number";
  else if (integer && !Number.isInteger(value)) errors[field] = "enter a whole number";
  else if (value <= 0 && field !== "seed") errors[field] = "must be greater than 0";
  return value;
}

/** The requests for the form, or the problems the browser can see before asking the server. */
export function pkRequest(values: PkFormValues): { request?: PkRequest; errors: PkFormErrors } {
  const errors: PkFormErrors = {};
  const doseMg = number(values.doseMg, "doseMg", errors);
  const days = values.days
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1))
    errors.days = "list whole days from 1, e.g. 1, 8, 15";
  const cycleDays = number(values.cycleDays, "cycleDays", errors, true);
  const cycles = number(values.cycles, "cycles", errors, true);
  const regimen = { model: values.model, doseMg, days, cycleDays, cycles };
  const simulate: Record<string, unknown> = { ...regimen };
  if (values.link) {
    simulate.inhibition = {
      ic50_nM: number(values.ic50nM, "ic50nM", errors),
      hill: number(values.hill, "hill", errors),
      basis: values.basis,
    };
  }
  let population: Record<string, unknown> | undefined;
  if (values.subjects.trim() !== "") {
    const subjects = number(values.subjects, "subjects", errors, true);
    const seed = number(values.seed, "seed", errors, true);
    population = { ...regimen, subjects, seed, aucWindows: defaultAucWindows(cycles, cycleDays) };
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { request: { simulate, population, lastCycleStartH: (cycles - 1) * cycleDays * 24 }, errors };
}
