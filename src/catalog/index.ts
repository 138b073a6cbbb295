export { Catalog, type CompoundDescription, type CompoundSummary } from "./catalog.js";
export { REFERENCE_DATA } from "./referenceData.js";
export {
  type CompoundRecord,
  compoundRecordSchema,
  type ReactionRecord,
  type ReferenceData,
} from "./schema.js";
