/**
 * NONMEM-format datasets (NONMEM 7 Users Guide, part V "$DATA" and "$INPUT"; data item conventions:
 * ID, TIME, AMT, DV, EVID, CMT, MDV, RATE, II, ADDL, SS). Pure parser {@link parseNonmemDataset}, file
 * reader {@link readNonmemDataset}, writer {@link formatNonmemDataset} / {@link writeNonmemDataset}.
 * Units are fixed: TIME in h, AMT in mg, DV in ng/mL, RATE in mg/h, II in h. Compartments follow
 * NONMEM's ADVAN numbering (oral: 1 depot, 2 central).
 * @module
 */
export { type FormatNonmemOptions, formatNonmemDataset } from "./formatNonmemDataset.js";
export { nonmemProfiles } from "./nonmemProfiles.js";
export {
  type Evid,
  NONMEM_COLUMNS,
  type NonmemDataset,
  type NonmemObservation,
  type NonmemRecord,
  type NonmemSubject,
} from "./nonmemTypes.js";
export { parseNonmemDataset } from "./parseNonmemDataset.js";
export { readNonmemDataset } from "./readNonmemDataset.js";
export { writeNonmemDataset } from "./writeNonmemDataset.js";
