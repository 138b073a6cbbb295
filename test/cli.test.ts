import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ixalab } from "./helpers/cli.js";

const CITRATE = "B1([C@H](CC(C)C)NC(=O)CNC(=O)c2cc(Cl)ccc2Cl)OC(=O)C(CC(=O)O)(CC(=O)O)O1";
const tmp = mkdtempSync(join(tmpdir(), "ixalab-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("ixalab chem props", () => {
  it("prints exactly the contract's keys", () => {
    const { code, stdout } = ixalab(["chem", "props", "--smiles", CITRATE, "--json"]);
    expect(code).toBe(0);
    const props = JSON.parse(stdout);
    expect(Object.keys(props).sort()).toEqual(
      [
        "formula",
        "averageMass",
        "monoisotopicMass",
        "clogp",
        "tpsa",
        "hbd",
        "hba",
        "lipinskiHbd",
        "lipinskiHba",
        "rotatableBonds",
        "rings",
        "formalCharge",
        "canonicalSmiles",
        "inchi",
        "inchiKey",
      ].sort(),
    );
    expect(props).toMatchObject({
      formula: "C20H23BCl2N2O9",
      hbd: 4,
      hba: 7,
      inchiKey: "MBOMYENWWXQSNW-AWEZNQCLSA-N",
    });
  });

  it("reads a molfile", () => {
    const molfile = join(tmp, "ethanol.mol");
    writeFileSync(
      molfile,
      "ethanol\n  test\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 C   0  0\n    1.2990    0.7500    0.0000 C   0  0\n    2.5981   -0.0000    0.0000 O   0  0\n  1  2  1  0\n  2  3  1  0\nM  END\n",
    );
    const { code, stdout } = ixalab(["chem", "props", "--molfile", molfile, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).formula).toBe("C2H6O");
  });

  it("prints the provenance envelope on request, with the input file's hash", () => {
    const molfile = join(tmp, "ethanol.mol");
    const { stdout } = ixalab(["chem", "props", "--molfile", molfile, "--json", "--provenance"]);
    const envelope = JSON.parse(stdout);
    expect(envelope.kind).toBe("chem.props");
    expect(envelope.inputs[0]).toMatchObject({ name: "ethanol.mol", format: "molfile" });
    expect(envelope.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(envelope.ixalabVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("refuses an invalid SMILES with exit 2 and one line naming the position", () => {
    const { code, stdout, stderr } = ixalab(["chem", "props", "--smiles", "C1CC(", "--json"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/position 5: expected a valid SMILES/);
    expect(stderr).not.toMatch(/at .*\.js/);
  });

  it("refuses a missing file, a directory and a non-molfile with exit 2", () => {
    expect(ixalab(["chem", "props", "--molfile", join(tmp, "nope.mol")]).stderr).toMatch(
      /nope\.mol: no such file/,
    );
    expect(ixalab(["chem", "props", "--molfile", tmp]).code).toBe(2);
    const text = join(tmp, "not-a-mol.txt");
    writeFileSync(text, "hello\n");
    const bad = ixalab(["chem", "props", "--molfile", text]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /not-a-mol\.txt: header: expected a 3-line header and a counts line, found 2 line\(s\)/,
    );
  });

  it("streams a CSV batch in input order, one JSON line per row, errors as lines and exit 2", () => {
    const csv = join(tmp, "batch.csv");
    writeFileSync(csv, 'id,smiles\n1,CCO\n2,"c1ccccc1"\n3,C1CC(\n4,O\n');
    const { code, stdout, stderr } = ixalab(["chem", "props", "--file", csv, "--json"]);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.formula ?? "error")).toEqual(["C2H6O", "C6H6", "error", "H2O"]);
    expect(lines[2]).toMatchObject({ line: 4, smiles: "C1CC(" });
    expect(code).toBe(2);
    expect(stderr).toMatch(/1 of 4 structures could not be read/);
  });

  it("reads a SMILES file with names", () => {
    const smi = join(tmp, "list.smi");
    writeFileSync(smi, "CCO ethanol\n# comment\n\nCC(=O)O acetic acid\n");
    const { code, stdout } = ixalab(["chem", "props", "--file", smi, "--json"]);
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).formula),
    ).toEqual(["C2H6O", "C2H4O2"]);
  });

  it("stores nothing when the input is bad", () => {
    const data = join(tmp, "store");
    expect(ixalab(["chem", "props", "--smiles", "C1CC(", "--save", "--data-dir", data]).code).toBe(2);
    expect(ixalab(["chem", "props", "--smiles", "CCO", "--save", "--data-dir", data]).code).toBe(0);
    const list = JSON.parse(ixalab(["analysis", "list", "--json", "--data", data]).stdout);
    expect(list).toHaveLength(1);
    expect(list[0].parameters).toEqual({ smiles: "CCO" });
  });
});

describe("ixalab compound", () => {
  it("lists the reference compounds", () => {
    const rows = JSON.parse(ixalab(["compound", "list", "--json"]).stdout);
    expect(rows.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(["ixazomib-citrate", "ixazomib", "citric-acid", "bortezomib", "carfilzomib"]),
    );
  });

  it("shows ixazomib citrate with the guide's formula and 517.12 g/mol agreeing", () => {
    const { code, stdout } = ixalab(["compound", "show", "ixazomib-citrate", "--json"]);
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    expect(c.computed.formula).toBe("C20H23BCl2N2O9");
    const byProperty = Object.fromEntries(c.reference.map((r: { property: string }) => [r.property, r]));
    expect(byProperty["Molecular Formula"]).toMatchObject({
      value: "C20H23BCl2N2O9",
      computed: "C20H23BCl2N2O9",
      agrees: true,
    });
    expect(byProperty["Molecular Weight"]).toMatchObject({ value: 517.12, unit: "g/mol", agrees: true });
    expect(byProperty["Molecular Weight"].computed.toFixed(2)).toBe("517.12");
    // Crippen logP (1.54) is not the guide's aLogP (3.50): shown, and honestly marked as differing.
    expect(byProperty["logP (Calculated)"]).toMatchObject({ value: 3.5, agrees: false });
    expect(byProperty.Bioavailability).toMatchObject({ value: 58, unit: "%" });
    expect(byProperty["Melting Point"].agrees).toBeUndefined();
    for (const r of c.reference) expect(r.source).toBeTruthy();
  });

  it("exits 2 for an unknown compound", () => {
    const { code, stderr } = ixalab(["compound", "show", "ixazomab", "--json"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/compound 'ixazomab' not found/);
  });

  it("depicts as SVG", () => {
    const { code, stdout } = ixalab(["compound", "depict", "ixazomib-citrate"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/<svg[\s\S]*<\/svg>/);
  });

  it("balances the hydrolysis with two waters", () => {
    const h = JSON.parse(ixalab(["compound", "hydrolyze", "ixazomib-citrate", "--json"]).stdout);
    expect(h.balanced).toBe(true);
    expect(h.equation).toBe("C20H23BCl2N2O9 + 2 H2O -> C14H19BCl2N2O4 + C6H8O7");
    expect(h.reactants.map((t: { coefficient: number }) => t.coefficient)).toEqual([1, 2]);
  });

  it("converts the label's 4 mg ixazomib to about 5.7 mg citrate (EU SmPC: 5.7 mg)", () => {
    const { code, stdout } = ixalab([
      "compound",
      "convert-dose",
      "--mg",
      "4",
      "--from",
      "ixazomib",
      "--to",
      "ixazomib-citrate",
      "--json",
    ]);
    expect(code).toBe(0);
    const { mg } = JSON.parse(stdout);
    // shared/reference/compounds.md: ratio 1.43235 → 5.73 mg (two decimals).
    expect(mg).toBeCloseTo(5.7294, 3);
    expect(mg.toFixed(1)).toBe("5.7");
    const back = JSON.parse(
      ixalab([
        "compound",
        "convert-dose",
        "--mg",
        String(mg),
        "--from",
        "ixazomib-citrate",
        "--to",
        "ixazomib",
        "--json",
      ]).stdout,
    );
    expect(back.mg).toBeCloseTo(4, 12);
  });

  it("refuses a bad dose and unrelated compounds with exit 2", () => {
    expect(
      ixalab(["compound", "convert-dose", "--mg", "four", "--from", "ixazomib", "--to", "ixazomib-citrate"])
        .code,
    ).toBe(2);
    const unrelated = ixalab([
      "compound",
      "convert-dose",
      "--mg",
      "1",
      "--from",
      "bortezomib",
      "--to",
      "ixazomib",
    ]);
    expect(unrelated.code).toBe(2);
    expect(unrelated.stderr).toMatch(/no reaction relates/);
  });
});

describe("ixalab usage", () => {
  const commands = [
    [],
    ["chem"],
    ["chem", "props"],
    ["compound"],
    ["compound", "list"],
    ["compound", "show"],
    ["compound", "depict"],
    ["compound", "hydrolyze"],
    ["compound", "convert-dose"],
    ["kinds"],
    ["analysis", "run"],
    ["analysis", "list"],
    ["analysis", "show"],
    ["audit"],
    ["serve"],
  ];
  it.each(commands.map((c) => [c.join(" ") || "ixalab", c]))("%s --help exits 0", (_, words) => {
    const { code, stdout } = ixalab([...(words as string[]), "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage:/);
  });

  it("exits 2 on an unknown option or command, with a one-line message", () => {
    const { code, stderr } = ixalab(["chem", "props", "--smils", "CCO"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown option '--smils'/);
    expect(ixalab(["frobnicate"]).code).toBe(2);
  });

  it("runs any kind from the registry with JSON parameters", () => {
    const { code, stdout } = ixalab([
      "analysis",
      "run",
      "chem.props",
      "--params",
      '{"smiles":"CCO"}',
      "--json",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).formula).toBe("C2H6O");
    const bad = ixalab(["analysis", "run", "chem.props", "--params", '{"smilez":"CCO"}']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/chem\.props: invalid parameters: parameters: Unrecognized key: "smilez"/);
    const none = ixalab(["chem", "props", "--json"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give exactly one of smiles or molfile/);
  });
});
