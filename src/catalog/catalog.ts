import {
  type CheckedReferenceValue,
  type ConventionalMass,
  checkReactionBalance,
  compareReference,
  computeProperties,
  conventionalAverageMass,
  convertDoseMg,
  depictSvg,
  elementCountsOf,
  type MolecularProperties,
  type RDKit,
  type ReactionBalance,
  type ReactionTerm,
  type Species,
  withMolecule,
} from "../core/chem/index.js";
import { InputError, NotFoundError } from "../core/errors.js";
import type { CompoundRecord, ReactionRecord } from "./schema.js";

/** What `compound show` prints and `GET /api/compounds/:id` returns. */
export interface CompoundDescription {
  id: string;
  name: string;
  synonyms: string[];
  cas: string | null;
  pubchemCid: number | null;
  smiles: string;
  inchiKey: string;
  identitySource: string;
  roles: string[];
  computed: MolecularProperties;
  conventionalAverageMass: ConventionalMass | null;
  reference: CheckedReferenceValue[];
  hydrolysis?: ReactionBalance;
  /** Whether the guide's mechanism of action (the ubiquitin–proteasome → apoptosis diagram) covers it. */
  mechanism: boolean;
}

/** One row of `compound list`. */
export interface CompoundSummary {
  id: string;
  name: string;
  cas: string | null;
  formula: string;
  averageMass: number;
  inchiKey: string;
  smiles: string;
  roles: string[];
}

/**
 * Compounds and reactions from one source (the shipped reference data or the store) with the chemistry
 * computed on demand by RDKit and memoised: the records are immutable for the catalog's lifetime.
 */
export class Catalog {
  private readonly byId: Map<string, CompoundRecord>;
  private readonly computed = new Map<string, { props: MolecularProperties; species: Species }>();

  constructor(
    private readonly rdkit: RDKit,
    compounds: readonly CompoundRecord[],
    private readonly reactions: readonly ReactionRecord[],
  ) {
    this.byId = new Map(compounds.map((c) => [c.id, c]));
  }

  /** @throws NotFoundError naming the known ids. */
  record(id: string): CompoundRecord {
    const record = this.byId.get(id);
    if (!record)
      throw new NotFoundError("compound", id, `Known compounds: ${[...this.byId.keys()].join(", ")}`);
    return record;
  }

  list(): CompoundSummary[] {
    return [...this.byId.values()].map((c) => {
      const { props } = this.chemistry(c.id);
      return {
        id: c.id,
        name: c.name,
        cas: c.cas,
        formula: props.formula,
        averageMass: props.averageMass,
        inchiKey: c.inchiKey,
        smiles: c.smiles,
        roles: c.roles,
      };
    });
  }

  describe(id: string): CompoundDescription {
    const { reference, ...identity } = this.record(id);
    const { props, species } = this.chemistry(id);
    const conventional = conventionalAverageMass(species.counts);
    const computedQuantities = {
      formula: { value: props.formula, method: "RDKit (Hill order)" },
      clogp: { value: props.clogp, method: "Crippen logP (RDKit)" },
      tpsa: { value: props.tpsa, method: "TPSA, N and O (RDKit)" },
      ...(conventional && {
        conventionalAverageMass: { value: conventional.value, method: conventional.method },
      }),
    };
    const hydrolysis = this.reactions.find((r) => r.kind === "hydrolysis" && r.reactants[0]?.compound === id);
    return {
      ...identity,
      computed: props,
      conventionalAverageMass: conventional,
      reference: compareReference(reference, computedQuantities),
      ...(hydrolysis && { hydrolysis: this.balance(hydrolysis) }),
      mechanism: this.hasMechanism(id),
    };
  }

  /**
   * The guide describes one mechanism of action, that of the prodrug and of the boronic acid it releases:
   * the roles "prodrug" and "active form" mark them (the comparators act alike but are not described).
   */
  hasMechanism(id: string): boolean {
    const { roles } = this.record(id);
    return roles.includes("prodrug") || roles.includes("active form");
  }

  depict(id: string): string {
    return withMolecule(this.rdkit, { smiles: this.record(id).smiles, source: id }, (mol) => depictSvg(mol));
  }

  /** @throws InputError when the compound has no hydrolysis reaction. */
  hydrolyze(id: string): ReactionBalance {
    this.record(id);
    const reaction = this.reactions.find((r) => r.kind === "hydrolysis" && r.reactants[0]?.compound === id);
    if (!reaction) {
      const known = this.reactions
        .filter((r) => r.kind === "hydrolysis")
        .map((r) => r.reactants[0]?.compound);
      throw new InputError(`compound '${id}' has no hydrolysis reaction. Hydrolysable: ${known.join(", ")}`);
    }
    return this.balance(reaction);
  }

  /**
   * The mass of `toId` equivalent to `doseMg` of `fromId`, through a reaction holding both.
   * @throws InputError when no reaction relates the two compounds.
   */
  convertDose(doseMg: number, fromId: string, toId: string): number {
    this.record(fromId);
    this.record(toId);
    for (const reaction of this.reactions) {
      const terms = [...reaction.reactants, ...reaction.products];
      const from = terms.find((t) => t.compound === fromId);
      const to = terms.find((t) => t.compound === toId);
      if (from && to) return convertDoseMg(doseMg, this.term(from), this.term(to));
    }
    throw new InputError(
      `no reaction relates '${fromId}' and '${toId}': dose conversion needs their stoichiometry (e.g. ixazomib ↔ ixazomib-citrate)`,
    );
  }

  private balance(reaction: ReactionRecord): ReactionBalance {
    return checkReactionBalance(
      reaction.reactants.map((t) => this.term(t)),
      reaction.products.map((t) => this.term(t)),
    );
  }

  private term(t: { compound: string; coefficient: number }): ReactionTerm {
    return { species: this.chemistry(t.compound).species, coefficient: t.coefficient };
  }

  private chemistry(id: string) {
    const cached = this.computed.get(id);
    if (cached) return cached;
    const record = this.record(id);
    const result = withMolecule(this.rdkit, { smiles: record.smiles, source: `compound ${id}` }, (mol) => {
      const props = computeProperties(this.rdkit, mol);
      const { counts, charge } = elementCountsOf(mol);
      const conventional = conventionalAverageMass(counts);
      const species: Species = {
        id,
        name: record.name,
        formula: props.formula,
        counts,
        charge,
        // Stoichiometry uses the conventional weights printed references use; RDKit's table otherwise.
        averageMass: conventional?.value ?? props.averageMass,
        monoisotopicMass: props.monoisotopicMass,
      };
      return { props, species };
    });
    this.computed.set(id, result);
    return result;
  }
}
