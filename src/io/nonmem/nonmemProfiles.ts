import type { ConcentrationProfile } from "../../core/pk/nca/index.js";
import type { NonmemDataset } from "./nonmemTypes.js";

/**
 * The observed concentration–time profile of each subject, for NCA (`pk nca --data data.csv` with a
 * NONMEM dataset): its observations (records at equal times keep the first), and its dose as `doseMg`
 * when it has exactly one dose record without ADDL (a single-dose profile; otherwise CL/F from AUCinf
 * has no meaning and no dose is set).
 * @example nonmemProfiles(parseNonmemDataset(text))[0].conc_ng_mL
 */
export function nonmemProfiles(dataset: NonmemDataset): ConcentrationProfile[] {
  return dataset.subjects.map((s) => {
    const time: number[] = [];
    const conc: number[] = [];
    for (const o of s.observations) {
      if (time.length > 0 && o.time_h === time[time.length - 1]) continue;
      time.push(o.time_h);
      conc.push(o.dv);
    }
    const profile: ConcentrationProfile = {
      id: s.id,
      time_h: Float64Array.from(time),
      conc_ng_mL: Float64Array.from(conc),
    };
    const only = s.events.length === 1 ? s.events[0]! : undefined;
    if (only && !(only.addl && only.addl > 0)) profile.doseMg = only.amt_mg;
    return profile;
  });
}
