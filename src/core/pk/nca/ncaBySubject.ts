import { type NcaOptions, type NcaResult, nca } from "./nca.js";

/** One subject's concentration–time profile: times in h, concentrations in ng/mL. */
export interface ConcentrationProfile {
  id: string;
  time_h: Float64Array;
  conc_ng_mL: Float64Array;
  /** This subject's dose in mg for CL/F and Vz/F; overrides `options.doseMg`. */
  doseMg?: number;
}

/**
 * {@link nca} for each subject, in the order given.
 * @throws InputError naming the subject, as {@link nca} does
 * @example ncaBySubject([{ id: "1", time_h, conc_ng_mL }], { doseMg: 4 })[0].aucinf
 */
export function ncaBySubject(
  profiles: readonly ConcentrationProfile[],
  options: NcaOptions = {},
): (NcaResult & { id: string })[] {
  return profiles.map((p) => {
    try {
      const doseMg = p.doseMg ?? options.doseMg;
      return {
        id: p.id,
        ...nca(p.time_h, p.conc_ng_mL, doseMg === undefined ? options : { ...options, doseMg }),
      };
    } catch (error) {
      if (error instanceof Error) error.message = `subject ${p.id}: ${error.message}`;
      throw error;
    }
  });
}
