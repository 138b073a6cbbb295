import { z } from "zod";

const referenceValue = z.object({
  table: z.string(),
  property: z.string(),
  value: z.union([z.number(), z.string()]),
  unit: z.string().nullable(),
  source: z.string(),
  note: z.string().optional(),
  compare: z
    .object({ computed: z.string(), tolerance: z.union([z.number(), z.literal("last-digit")]).optional() })
    .optional(),
});

/** A compound as shipped and stored: identity with sources, and published reference values. */
export const compoundRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens"),
  name: z.string().min(1),
  synonyms: z.array(z.string()),
  cas: z
    .string()
    .regex(/^\d{2,7}-\d\d-\d$/)
    .nullable(),
  pubchemCid: z.number().int().positive().nullable(),
  smiles: z.string().min(1),
  inchiKey: z.string().regex(/^[A-Z]{14}-[A-Z]{10}-[A-Z]$/),
  roles: z.array(z.string()),
  identitySource: z.string(),
  reference: z.array(referenceValue),
});
export type CompoundRecord = z.infer<typeof compoundRecordSchema>;

const reactionTerm = z.object({ compound: z.string(), coefficient: z.number().positive() });

/** A reaction between catalog compounds, e.g. the prodrug's hydrolysis. */
export const reactionRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  source: z.string(),
  reactants: z.array(reactionTerm).min(1),
  products: z.array(reactionTerm).min(1),
});
export type ReactionRecord = z.infer<typeof reactionRecordSchema>;

/** The shipped reference data file. */
export const referenceDataSchema = z.object({
  about: z.string(),
  guideReferences: z.record(z.string(), z.string()),
  compounds: z.array(compoundRecordSchema),
  reactions: z.array(reactionRecordSchema),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;
