import type { DosingEvent } from "../../core/pk/events.js";

/** NONMEM event ids: 0 observation, 1 dose, 2 other, 3 reset, 4 reset and dose. */
export type Evid = 0 | 1 | 2 | 3 | 4;

/**
 * One data record (row) as read. Units: `time_h` h, `amt_mg` mg, `dv` ng/mL, `rate_mg_per_h` mg/h,
 * `ii_h` h. A missing cell (`.` or empty) is null.
 */
export interface NonmemRecord {
  time_h: number;
  evid: Evid;
  amt_mg: number | null;
  dv: number | null;
  cmt: number | null;
  mdv: 0 | 1;
  rate_mg_per_h: number | null;
  ii_h: number | null;
  addl: number | null;
  /** The other columns, as written, by header name. */
  extra: Record<string, string>;
}

/** An observed concentration: time in h, DV in ng/mL, and the compartment it was measured in. */
export interface NonmemObservation {
  time_h: number;
  dv: number;
  cmt?: number;
}

/** One individual: doses, observations and, when read from a file, every record in file order. */
export interface NonmemSubject {
  id: string;
  /** EVID 1 and 4 records (doses), with `ii_h`/`addl` and `rate_mg_per_h` when given. */
  events: DosingEvent[];
  /** EVID 0 records with a DV and MDV ≠ 1. */
  observations: NonmemObservation[];
  /** All records in file order (EVID 2 and 3 included), so that writing reproduces the file. */
  records?: NonmemRecord[];
}

/** A NONMEM-format dataset: subjects in file order and the extra (non-standard) columns kept. */
export interface NonmemDataset {
  subjects: NonmemSubject[];
  /** Header names of the columns that are not one of {@link NONMEM_COLUMNS}, in file order. */
  extraColumns: string[];
}

/** The columns Ixalab interprets (upper case); `C` marks comment rows (value `C`). */
export const NONMEM_COLUMNS = [
  "ID",
  "TIME",
  "AMT",
  "DV",
  "EVID",
  "CMT",
  "MDV",
  "RATE",
  "II",
  "ADDL",
  "SS",
  "C",
] as const;
