import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import reference from "../src/core/chem/fixtures/rdkit-python-props.json" with { type: "json" };
import { ixalab } from "./helpers/cli.js";

// `chem library`: every molecule of the RDKit Python fixture (scripts/make-rdkit-fixtures.py) as one .smi
// list, with an unreadable line among them. Each row must carry RDKit Python's descriptors (the tolerances of
// computeProperties.test.ts) and the rule-of-five count those descriptors give.
const tmp = mkdtempSync(join(tmpdir(), "ixalab-library-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const list = join(tmp, "library.smi");
const lines = reference.molecules.map((m) => `${m.smiles} ${m.name}`);
lines.splice(3, 0, "C1CC not-a-ring");
writeFileSync(list, `# a library\n${lines.join("\n")}\n`);

describe("ixalab chem library", () => {
  const run = ixalab(["chem", "library", "--library", list, "--json"]);
  const out = JSON.parse(run.stdout);

  it("lists every structure in file order, the unreadable one with its line and reason", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(out.structures).toBe(reference.molecules.length + 1);
    expect(out.failed).toBe(1);
    const broken = out.rows.find((r: { name: string }) => r.name === "not-a-ring");
    expect(broken.line).toBe(5);
    expect(broken.error).toContain("library.smi: line 5");
  });

  it("gives RDKit Python's descriptors and their rule-of-five count for each molecule", () => {
    for (const m of reference.molecules) {
      const row = out.rows.find((r: { name: string }) => r.name === m.name);
      expect(row.formula, m.name).toBe(m.formula);
      expect(Math.abs(row.averageMass - m.averageMass), m.name).toBeLessThan(1e-4);
      expect(Math.abs(row.clogp - m.clogp), m.name).toBeLessThan(1.1e-5);
      expect(Math.abs(row.tpsa - m.tpsa), m.name).toBeLessThan(1e-9);
      expect([row.lipinskiHbd, row.lipinskiHba, row.rotatableBonds, row.rings], m.name).toEqual([
        m.lipinskiHbd,
        m.lipinskiHba,
        m.rotatableBonds,
        m.rings,
      ]);
      expect(row.inchiKey, m.name).toBe(m.inchiKey);
      const ro5 = [m.averageMass > 500, m.clogp > 5, m.lipinskiHbd > 5, m.lipinskiHba > 10].filter(Boolean);
      expect(row.ruleOfFiveViolations, m.name).toBe(ro5.length);
    }
    expect(out.ruleOfFiveFailures).toBeGreaterThan(0); // ixazomib citrate and carfilzomib break two rules
  });

  it("exits 2 naming the file for a list without structures", () => {
    const empty = join(tmp, "empty.smi");
    writeFileSync(empty, "# nothing\n\n");
    const failed = ixalab(["chem", "library", "--library", empty, "--json"]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("empty.smi: no structures");
  });
});
