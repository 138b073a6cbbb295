import type { Command } from "commander";
import { InputError } from "../../../core/errors.js";
import { planRoute } from "../../../core/synthesis/index.js";
import { loadRdkit } from "../../../io/rdkit/loadRdkit.js";
import { checkedRoute } from "../../shared/documents.js";
import { fixed, formatTable, printJson, printText } from "../output.js";

/** `ixalab synthesis route|plan`: the built-in route as data, and amounts planned back from a target mass. */
export function addSynthesisCommands(program: Command): void {
  const synthesis = program
    .command("synthesis")
    .description("synthesis routes: equations, balances, planning");

  synthesis
    .command("route <route>")
    .description("the steps of a route with RDKit-checked balances (e.g. ixazomib-citrate)")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  ixalab synthesis route ixazomib-citrate --json")
    .action(async (id: string, options: { json?: boolean }) => {
      const route = checkedRoute(await loadRdkit(), id);
      if (options.json) {
        return printJson({
          steps: route.steps.map((s) => ({
            index: s.index,
            name: s.name,
            reactionSmiles: s.reactionSmiles,
            balanced: s.balanced,
            inputs: s.inputs.map((i) => ({
              name: i.name,
              smiles: i.smiles,
              role: i.role,
              equivalents: i.equivalents,
            })),
            product: { name: s.product.name, smiles: s.product.smiles },
            expectedYieldPct: s.expectedYieldPct,
          })),
        });
      }
      const lines = [route.title, ""];
      for (const s of route.steps) {
        lines.push(
          `Step ${s.index}: ${s.name}`,
          `  ${s.balance.equation}  (${s.balanced ? "balanced" : "NOT balanced"}; releases ${s.released.formula}: ${s.coProducts.map((c) => c.name).join(", ")})`,
          formatTable(
            ["input", "role", "eq", "formula", "g/mol"],
            s.inputs.map((i) => [
              i.name,
              i.role,
              i.equivalents ?? `${i.volume_mL_per_g} mL/g`,
              i.formula,
              fixed(i.molarMass_g_mol, 3),
            ]),
          )
            .split("\n")
            .map((l) => `  ${l}`)
            .join("\n"),
          `  → ${s.product.name} ${s.product.formula} (${fixed(s.product.molarMass_g_mol, 3)} g/mol), expected ${s.expectedYieldPct} %`,
          ...s.assumptions.map((a) => `  assumption: ${a.text} [${a.source}]`),
          "",
        );
      }
      printText(lines.join("\n"));
    });

  synthesis
    .command("plan <route>")
    .description("amounts of every input of every step for a target mass of product")
    .requiredOption("--target-g <g>", "grams of final product wanted")
    .option("--yields <list>", "step yields in %, comma-separated (default: the route's expected yields)")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExample:\n  ixalab synthesis plan ixazomib-citrate --target-g 100 --yields 85,80,90,88 --json",
    )
    .action(async (id: string, options: { targetG: string; yields?: string; json?: boolean }) => {
      const route = checkedRoute(await loadRdkit(), id);
      const targetG = parseNumber(options.targetG, "--target-g");
      const yields = options.yields?.split(",").map((y) => parseNumber(y.trim(), "--yields"));
      const plan = planRoute(route, targetG, yields);
      if (options.json) {
        return printJson({
          steps: plan.steps.map((s) => ({
            index: s.index,
            inputs: s.inputs.map((i) => ({ name: i.name, mol: i.mol, g: i.g, mL: i.mL })),
            product: { mol: s.product.mol, g: s.product.g },
          })),
          overallYieldPct: plan.overallYieldPct,
          pmi: plan.pmi,
        });
      }
      const lines: string[] = [];
      for (const s of plan.steps) {
        lines.push(
          `Step ${s.index}: ${s.name} (yield ${s.yieldPct} %)`,
          formatTable(
            ["input", "role", "mol", "g", "mL"],
            s.inputs.map((i) => [
              i.name,
              i.role,
              fixed(i.mol, 5),
              fixed(i.g, 3),
              i.mL === null ? "" : fixed(i.mL, 2),
            ]),
          ),
          `→ ${s.product.name}: ${fixed(s.product.mol, 5)} mol, ${fixed(s.product.g, 3)} g`,
          "",
        );
      }
      lines.push(
        `overall yield ${fixed(plan.overallYieldPct, 2)} %; raw materials ${fixed(plan.rawMaterials_g, 1)} g; PMI ${fixed(plan.pmi, 2)}; E-factor ${fixed(plan.eFactor, 2)}`,
      );
      printText(lines.join("\n"));
    });
}

function parseNumber(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n))
    throw new InputError(`${flag}: expected a number, found '${text}'`);
  return n;
}
