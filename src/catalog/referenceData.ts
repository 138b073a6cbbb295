import data from "../reference/compounds.json" with { type: "json" };
import { type ReferenceData, referenceDataSchema } from "./schema.js";

/** The reference compounds and reactions shipped with Ixalab, validated once at load. */
export const REFERENCE_DATA: ReferenceData = referenceDataSchema.parse(data);
