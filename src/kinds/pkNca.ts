import { z } from "zod";
import { type NcaResult, ncaBySubject } from "../core/pk/nca/index.js";
import { nonmemProfiles, parseNonmemDataset } from "../io/nonmem/index.js";
import { parseConcentrationCsv } from "../io/pk-csv/index.js";
import type { AnalysisKind } from "./kind.js";

const pkNcaParameters = z.strictObject({
  doseMg: z.number().positive().optional().describe("dose in mg, for CL/F and Vz/F"),
  aucMethod: z
    .enum(["linear-up-log-down", "linear"])
    .default("linear-up-log-down")
    .describe("trapezoid rule for AUC (PKNCA/Phoenix default: linear up, log down)"),
});

/** Parameters of `pk.nca`. */
export type PkNcaParameters = z.infer<typeof pkNcaParameters>;

/** `pk.nca` result: one row per subject, in file order. */
export interface PkNcaResult {
  subjects: (NcaResult & { id: string })[];
}

/** `pk.nca`: non-compartmental analysis of observed concentrations (PKNCA / Phoenix conventions). */
export const pkNcaKind: AnalysisKind<PkNcaParameters, PkNcaResult> = {
  id: "pk.nca",
  title: "Non-compartmental analysis",
  description:
    "Cmax, Tmax, Clast, AUClast (linear-up/log-down or linear), λz by log-linear regression with the adjusted-R² point selection, t½, AUCinf, % extrapolated, CL/F and Vz/F per subject.",
  parameters: pkNcaParameters,
  inputs: [
    {
      name: "data",
      format: "pk-concentrations",
      description:
        "concentrations: CSV time_h,conc_ng_mL with an optional id column, or a NONMEM dataset (ID,TIME,DV,…)",
      required: true,
      accept: ".csv,.txt",
    },
  ],
  command: ["pk", "nca"],
  async run(params, inputs) {
    const data = inputs.data!;
    const profiles = looksLikeNonmem(data.bytes)
      ? nonmemProfiles(parseNonmemDataset(data.bytes, data.ref.name))
      : parseConcentrationCsv(data.bytes, data.ref.name);
    const subjects = ncaBySubject(profiles, {
      aucMethod: params.aucMethod,
      ...(params.doseMg !== undefined && { doseMg: params.doseMg }),
    });
    return {
      result: { subjects },
      warnings: subjects.flatMap((s) => s.warnings.map((w) => `subject ${s.id}: ${w}`)),
    };
  },
};

/** A NONMEM dataset names ID, TIME and DV in its header (possibly after `#`/`@` or comment lines). */
function looksLikeNonmem(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return head.split(/\r?\n/).some((line) => {
    const names = line
      .replace(/^[#@]/, "")
      .split(/[,;\t ]+/)
      .map((n) => n.trim().toUpperCase());
    return names.includes("ID") && names.includes("TIME") && names.includes("DV");
  });
}
