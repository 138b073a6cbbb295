import { NotFoundError } from "../errors.js";
import type { PkModel } from "./model.js";

const GUPTA_2017 =
  "Gupta N, Diderichsen PM, Hanley MJ, et al. Population Pharmacokinetic Analysis of Ixazomib, an Oral " +
  "Proteasome Inhibitor, Including Data from the Phase III TOURMALINE-MM1 Study to Inform Labelling. " +
  "Clin Pharmacokinet 2017;56(11):1355–1368, doi:10.1007/s40262-017-0526-4";
const GUPTA_2017_TABLE = "Gupta 2017 Table 3 (as transcribed in nlmixr2lib Gupta_2017_ixazomib.R)";
// Only the citation the reference document gives (title not verified here).
const GUPTA_2015 = "Gupta N, et al. Br J Clin Pharmacol 2015;79:789, doi:10.1111/bcp.12542";

/** ω² of a log-normal parameter from its %CV: ln(1 + CV²) (the convention of the Gupta 2017 ω² values). */
function omegaSquaredFromCv(cv: number): number {
  return Math.log1p(cv * cv);
}

const gupta2017: PkModel = {
  id: "ixazomib-gupta2017",
  title: "Ixazomib population PK, 3-compartment, first-order absorption with lag (Gupta 2017)",
  source: GUPTA_2017,
  compartments: 3,
  absorption: "first-order",
  parameters: [
    {
      name: "ka",
      value: 0.34,
      unit: "1/h",
      description: "absorption rate constant",
      source: GUPTA_2017_TABLE,
    },
    {
      name: "CL",
      value: 1.86,
      unit: "L/h",
      description: "clearance (CL/F = 3.21 L/h)",
      source: GUPTA_2017_TABLE,
    },
    { name: "V2", value: 13.7, unit: "L", description: "central volume", source: GUPTA_2017_TABLE },
    {
      name: "Q3",
      value: 5.18,
      unit: "L/h",
      description: "intercompartmental clearance, peripheral 1",
      source: GUPTA_2017_TABLE,
    },
    { name: "V3", value: 309, unit: "L", description: "peripheral volume 1", source: GUPTA_2017_TABLE },
    {
      name: "Q4",
      value: 26.1,
      unit: "L/h",
      description: "intercompartmental clearance, peripheral 2",
      source: GUPTA_2017_TABLE,
    },
    {
      name: "V4",
      value: 205,
      unit: "L",
      description: "peripheral volume 2 at BSA 1.87 m² (× (BSA/1.87)^2.06)",
      source: GUPTA_2017_TABLE,
    },
    {
      name: "F",
      value: 0.58,
      unit: "1",
      description: "absolute oral bioavailability",
      source: GUPTA_2017_TABLE,
    },
    {
      name: "tlag",
      value: 13 / 60,
      unit: "h",
      description: "absorption lag time (13 min)",
      source: GUPTA_2017_TABLE,
    },
  ],
  iiv: {
    // CL 44 % CV, F 73 % CV (log-scale correlation 0.82), V4 79 % CV; none on ka, V2, Q3, V3, Q4, tlag.
    // Log-normal F exceeds 1 in about a fifth of draws; the published model does not truncate it.
    names: ["CL", "F", "V4"],
    omega: [0.17697, 0.2255, 0, 0.2255, 0.42726, 0, 0, 0, 0.48492],
  },
  covariates: [
    {
      name: "BSA",
      reference: 1.87,
      unit: "m2",
      appliesTo: "V4",
      exponent: 2.06,
      description: "body surface area on peripheral volume 2 (the model's only covariate)",
    },
  ],
  residualError: { kind: "log-additive-time-varying", sd0: 0.46, sd1: 1.9, ksd_per_h: 0.84 },
};

const GUPTA_2015_NOTE = "Gupta 2015 final model (per ../shared/reference/ixazomib-pk-pd.md)";

const gupta2015: PkModel = {
  id: "ixazomib-gupta2015",
  title: "Ixazomib population PK, 3-compartment, first-order absorption, no lag (Gupta 2015)",
  source: GUPTA_2015,
  compartments: 3,
  absorption: "first-order",
  parameters: [
    { name: "ka", value: 0.5, unit: "1/h", description: "absorption rate constant", source: GUPTA_2015_NOTE },
    { name: "CL", value: 2.0, unit: "L/h", description: "clearance", source: GUPTA_2015_NOTE },
    { name: "V2", value: 14.3, unit: "L", description: "central volume", source: GUPTA_2015_NOTE },
    {
      name: "Q3",
      value: 9.7,
      unit: "L/h",
      description: "intercompartmental clearance, peripheral 1",
      source: GUPTA_2015_NOTE,
    },
    { name: "V3", value: 412, unit: "L", description: "peripheral volume 1", source: GUPTA_2015_NOTE },
    {
      name: "Q4",
      value: 22.3,
      unit: "L/h",
      description: "intercompartmental clearance, peripheral 2",
      source: GUPTA_2015_NOTE,
    },
    {
      name: "V4",
      value: 83.4,
      unit: "L",
      description: "peripheral volume 2 at BSA 1.90 m² (× (BSA/1.90)^2.3)",
      source: GUPTA_2015_NOTE,
    },
    {
      name: "F",
      value: 0.6,
      unit: "1",
      description: "absolute oral bioavailability",
      source: GUPTA_2015_NOTE,
    },
  ],
  iiv: {
    // %BSV CL 42.3, V2 100.5, V4 45.2, ka 58.1, F 42.5, no correlations reported; converted to ω² with
    // ln(1 + CV²), the convention the Gupta 2017 values follow (44 % CV ↔ ω² 0.17697).
    names: ["CL", "V2", "V4", "ka", "F"],
    omega: diagonal([0.423, 1.005, 0.452, 0.581, 0.425].map(omegaSquaredFromCv)),
  },
  covariates: [
    {
      name: "BSA",
      reference: 1.9,
      unit: "m2",
      appliesTo: "V4",
      exponent: 2.3,
      description: "body surface area on peripheral volume 2",
    },
  ],
  // Not given in the reference document; left out rather than invented.
  residualError: null,
};

function diagonal(values: number[]): number[] {
  const n = values.length;
  const out = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) out[i * n + i] = values[i]!;
  return out;
}

/** The built-in models, exactly as in `../shared/reference/ixazomib-pk-pd.md`. */
export const PK_MODELS: readonly PkModel[] = Object.freeze([gupta2017, gupta2015]);

/**
 * The built-in model with this id.
 * @throws NotFoundError listing the known ids.
 * @example findPkModel("ixazomib-gupta2017").parameters.find((p) => p.name === "CL")?.value // 1.86
 */
export function findPkModel(id: string): PkModel {
  const model = PK_MODELS.find((m) => m.id === id);
  if (!model) {
    throw new NotFoundError("PK model", id, `Known models: ${PK_MODELS.map((m) => m.id).join(", ")}`);
  }
  return model;
}
