import type { DosingEvent } from "../../core/pk/events.js";
import { csvField } from "../pk-csv/formatConcentrationCsv.js";
import type { NonmemDataset, NonmemObservation, NonmemRecord, NonmemSubject } from "./nonmemTypes.js";

/** Options of {@link formatNonmemDataset}. */
export interface FormatNonmemOptions {
  /** @default "," */
  delimiter?: "," | "\t" | " ";
}

/**
 * Writes a NONMEM-format dataset that {@link parseNonmemDataset} (and NONMEM with `IGNORE=@` or a
 * header-skipping `$DATA`) reads back: header `ID,TIME,AMT,DV,EVID,CMT,MDV`, then `RATE` and `II,ADDL`
 * when any record uses them, then the extra columns; missing values as `.`; numbers in shortest
 * round-trip form, so parse → format → parse gives the same dataset.
 *
 * A subject read from a file is written from its `records`, in their order. A subject built in code
 * (events and observations only) is written with observations and doses merged by time; at equal times
 * the observation comes first, the NONMEM convention for a pre-dose (trough) sample. Dose records have
 * MDV 1 and DV `.`; observations have AMT `.` and MDV 0. Units: TIME h, AMT mg, DV ng/mL, RATE mg/h.
 * @example formatNonmemDataset({ subjects: [{ id: "1", events: [{ time_h: 0, amt_mg: 4, cmt: 1, evid: 1 }], observations: [] }], extraColumns: [] })
 */
export function formatNonmemDataset(dataset: NonmemDataset, options: FormatNonmemOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const bySubject = dataset.subjects.map((s) => ({ id: s.id, records: s.records ?? recordsOf(s) }));
  let rate = false;
  let ii = false;
  for (const s of bySubject) {
    for (const r of s.records) {
      rate ||= r.rate_mg_per_h !== null;
      ii ||= r.ii_h !== null || r.addl !== null;
    }
  }
  const header = ["ID", "TIME", "AMT", "DV", "EVID", "CMT", "MDV"];
  if (rate) header.push("RATE");
  if (ii) header.push("II", "ADDL");
  header.push(...dataset.extraColumns);
  const quote = delimiter === " " ? (t: string) => t : csvField;
  const lines = [header.map(quote).join(delimiter)];
  const num = (v: number | null) => (v === null ? "." : String(v));
  for (const s of bySubject) {
    const id = quote(s.id);
    for (const r of s.records) {
      const row = [id, num(r.time_h), num(r.amt_mg), num(r.dv), String(r.evid), num(r.cmt), String(r.mdv)];
      if (rate) row.push(num(r.rate_mg_per_h));
      if (ii) row.push(num(r.ii_h), num(r.addl));
      for (const name of dataset.extraColumns) row.push(quote(r.extra[name] ?? "."));
      lines.push(row.join(delimiter));
    }
  }
  return `${lines.join("\n")}\n`;
}

function recordsOf(subject: NonmemSubject): NonmemRecord[] {
  const out: NonmemRecord[] = [];
  const obs = [...subject.observations].sort((a, b) => a.time_h - b.time_h);
  const doses = [...subject.events].sort((a, b) => a.time_h - b.time_h);
  let i = 0;
  let j = 0;
  while (i < obs.length || j < doses.length) {
    if (j >= doses.length || (i < obs.length && obs[i]!.time_h <= doses[j]!.time_h)) {
      out.push(observationRecord(obs[i++]!));
    } else out.push(doseRecord(doses[j++]!));
  }
  return out;
}

function observationRecord(o: NonmemObservation): NonmemRecord {
  return {
    time_h: o.time_h,
    evid: 0,
    amt_mg: null,
    dv: o.dv,
    cmt: o.cmt ?? null,
    mdv: 0,
    rate_mg_per_h: null,
    ii_h: null,
    addl: null,
    extra: {},
  };
}

function doseRecord(e: DosingEvent): NonmemRecord {
  return {
    time_h: e.time_h,
    evid: e.evid,
    amt_mg: e.amt_mg,
    dv: null,
    cmt: e.cmt,
    mdv: 1,
    rate_mg_per_h: e.rate_mg_per_h ?? null,
    ii_h: e.ii_h ?? null,
    addl: e.addl ?? null,
    extra: {},
  };
}
