import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { CompoundDescription } from "../../../catalog/index.js";
import { InputError } from "../../../core/errors.js";
import { shippedCatalog } from "../../shared/catalog.js";
import { fixed, formatTable, printJson, printText } from "../output.js";

interface JsonOption {
  json?: boolean;
}

/** `ixalab compound …`: the reference compounds, their depiction, hydrolysis and dose equivalence. */
export function addCompoundCommands(program: Command): void {
  const compound = program
    .command("compound")
    .description("reference compounds: identity, properties, prodrug chemistry");

  compound
    .command("list")
    .description("list the reference compounds")
    .option("--json", "print JSON")
    .action(async (options: JsonOption) => {
      const rows = (await shippedCatalog()).list();
      if (options.json) return printJson(rows);
      printText(
        formatTable(
          ["id", "name", "formula", "MW (g/mol)", "CAS"],
          rows.map((r) => [r.id, r.name, r.formula, fixed(r.averageMass, 3), r.cas]),
        ),
      );
    });

  compound
    .command("show <id>")
    .description("identity, computed properties and the reference values checked against them")
    .option("--json", "print JSON")
    .action(async (id: string, options: JsonOption) => {
      const description = (await shippedCatalog()).describe(id);
      if (options.json) return printJson(description);
      printText(describeText(description));
    });

  compound
    .command("depict <id>")
    .description("2D structure depiction as SVG (stdout, or --output FILE)")
    .option("-o, --output <file>", "write the SVG to this file")
    .action(async (id: string, options: { output?: string }) => {
      const svg = (await shippedCatalog()).depict(id);
      if (options.output) await writeFile(options.output, svg);
      else printText(svg);
    });

  compound
    .command("hydrolyze <id>")
    .description("the prodrug's hydrolysis as a reaction balanced atom by atom")
    .option("--json", "print JSON")
    .action(async (id: string, options: JsonOption) => {
      const balance = (await shippedCatalog()).hydrolyze(id);
      if (options.json) return printJson(balance);
      const rows = [
        ...balance.reactants.map((t) => ({ side: "reactant", t })),
        ...balance.products.map((t) => ({ side: "product", t })),
      ];
      printText(
        [
          balance.equation,
          "",
          formatTable(
            ["side", "coefficient", "compound", "formula", "M (g/mol)", "monoisotopic (u)"],
            rows.map(({ side, t }) => [
              side,
              t.coefficient,
              t.name,
              t.formula,
              fixed(t.averageMass, 3),
              fixed(t.monoisotopicMass, 6),
            ]),
          ),
          "",
          `balanced: ${balance.balanced ? "yes" : "NO"} (${Object.entries(balance.elements)
            .map(([s, n]) => `${s} ${n.reactants}/${n.products}`)
            .join(", ")})`,
        ].join("\n"),
      );
    });

  compound
    .command("convert-dose")
    .description("the mass of one compound equivalent to a dose of another (e.g. ixazomib ↔ its citrate)")
    .requiredOption("--mg <mg>", "dose in mg")
    .requiredOption("--from <id>", "compound the dose is expressed as")
    .requiredOption("--to <id>", "compound to express it as")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab compound convert-dose --mg 4 --from ixazomib --to ixazomib-citrate --json",
    )
    .action(async (options: JsonOption & { mg: string; from: string; to: string }) => {
      const doseMg = Number(options.mg);
      if (options.mg.trim() === "" || !Number.isFinite(doseMg) || doseMg < 0) {
        throw new InputError(`--mg: expected a dose in mg ≥ 0, found '${options.mg}'`);
      }
      const mg = (await shippedCatalog()).convertDose(doseMg, options.from, options.to);
      if (options.json) return printJson({ mg });
      printText(`${options.mg} mg ${options.from} ≙ ${fixed(mg, 3)} mg ${options.to}`);
    });
}

function describeText(c: CompoundDescription): string {
  const p = c.computed;
  const identity = formatTable(
    ["field", "value"],
    [
      ["name", c.name],
      ["CAS", c.cas],
      ["PubChem CID", c.pubchemCid],
      ["SMILES", c.smiles],
      ["InChIKey", c.inchiKey],
      ["formula", p.formula],
      ["average mass (RDKit)", `${fixed(p.averageMass, 3)} g/mol`],
      [
        "average mass (IUPAC conventional)",
        c.conventionalAverageMass ? `${fixed(c.conventionalAverageMass.value, 3)} g/mol` : null,
      ],
      ["monoisotopic mass", `${fixed(p.monoisotopicMass, 6)} u`],
      ["cLogP (Crippen)", fixed(p.clogp, 2)],
      ["TPSA", `${fixed(p.tpsa, 2)} Å²`],
      ["HBD / HBA", `${p.hbd} / ${p.hba}`],
      ["rotatable bonds", p.rotatableBonds],
    ],
  );
  if (c.reference.length === 0) return identity;
  const reference = formatTable(
    ["property", "reference", "source", "computed", "agrees"],
    c.reference.map((r) => [
      r.property,
      `${r.value}${r.unit ? ` ${r.unit}` : ""}`,
      r.source,
      typeof r.computed === "number" ? fixed(r.computed, 3) : r.computed,
      r.agrees === undefined ? "" : r.agrees ? "yes" : "no",
    ]),
  );
  return `${identity}\n\n${reference}`;
}
