import { z } from "zod";
import { NotFoundError } from "../core/errors.js";
import type { Specification } from "../core/release/index.js";
import type { Route } from "../core/synthesis/index.js";
import routeData from "../reference/ixazomib-route.json" with { type: "json" };
import specificationData from "../reference/specifications.json" with { type: "json" };

const species = z.strictObject({ name: z.string().min(1), smiles: z.string().min(1) });
const input = z.strictObject({
  name: z.string().min(1),
  smiles: z.string().min(1),
  role: z.enum(["limiting", "reagent", "catalyst", "solvent"]),
  equivalents: z.number().positive().nullable(),
  density_g_mL: z.number().positive().nullable(),
  volume_mL_per_g: z.number().positive().optional(),
  concentration_mol_L: z.number().positive().optional(),
  fromStep: z.number().int().positive().optional(),
  source: z.string().optional(),
});
const step = z.strictObject({
  index: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string(),
  reactionSmiles: z.string().min(3),
  product: species,
  coProducts: z.array(species),
  inputs: z
    .array(input)
    .refine((list) => list.filter((i) => i.role === "limiting").length === 1, "exactly one limiting input")
    .refine(
      (list) =>
        list.every((i) => (i.role === "solvent" ? i.volume_mL_per_g !== undefined : i.equivalents !== null)),
      "solvents need volume_mL_per_g, other inputs equivalents",
    ),
  conditions: z.strictObject({
    temperature_C: z.union([z.number(), z.tuple([z.number(), z.number()])]),
    time_h: z.number().positive().optional(),
    solvent: z.string().optional(),
    atmosphere: z.string().optional(),
    workup: z.string().optional(),
  }),
  expectedYieldPct: z.number().positive().max(100),
  assumptions: z.array(z.strictObject({ text: z.string(), source: z.string() })),
});
/** A route as shipped in src/reference. */
export const routeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string(),
  target: z.string(),
  source: z.string(),
  steps: z.array(step).min(1),
});

const signal = z.strictObject({
  label: z.string(),
  from_ppm: z.number(),
  to_ppm: z.number(),
  protons: z.number().nonnegative(),
});
const criterion = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("hplc.purity"), minPercent: z.number() }),
  z.strictObject({ type: z.literal("hplc.maxSingleImpurity"), maxPercent: z.number() }),
  z.strictObject({
    type: z.literal("ms.ion"),
    ion: z.string(),
    maxAbsPpm: z.number().positive(),
    minIsotopeScore: z.number(),
  }),
  z.strictObject({
    type: z.literal("nmr.conforms"),
    nucleus: z.string(),
    signals: z.array(signal).min(1),
    integralTolerance: z.number().positive(),
    referenceSignal: z.string(),
  }),
  z.strictObject({ type: z.literal("xrpd.form"), reference: z.string(), minScore: z.number() }),
]);
/** A specification as shipped in src/reference. */
export const specificationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  material: z.string(),
  version: z.number().int().positive(),
  title: z.string(),
  tests: z
    .array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        kind: z.string(),
        criterion,
        source: z.string(),
      }),
    )
    .min(1),
});

/** The synthesis routes shipped with Ixalab, validated at load. */
export const ROUTES: readonly Route[] = [routeSchema.parse(routeData)];

/** The specifications shipped with Ixalab, validated at load. */
export const SPECIFICATIONS: readonly Specification[] = z
  .strictObject({ specifications: z.array(specificationSchema) })
  .parse(specificationData).specifications;

/** @throws NotFoundError naming the known routes. */
export function findRoute(id: string): Route {
  const route = ROUTES.find((r) => r.id === id);
  if (!route) throw new NotFoundError("route", id, `Known routes: ${ROUTES.map((r) => r.id).join(", ")}`);
  return route;
}

/** The specification of a material (catalog compound id), or undefined when none is shipped. */
export function specificationFor(material: string): Specification | undefined {
  return SPECIFICATIONS.find((s) => s.material === material);
}

/** @throws NotFoundError naming the known specifications. */
export function findSpecification(id: string): Specification {
  const spec = SPECIFICATIONS.find((s) => s.id === id);
  if (!spec) {
    throw new NotFoundError(
      "specification",
      id,
      `Known specifications: ${SPECIFICATIONS.map((s) => s.id).join(", ")}`,
    );
  }
  return spec;
}
