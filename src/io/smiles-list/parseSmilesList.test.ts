import { describe, expect, it } from "vitest";
import { createSmilesListParser } from "./parseSmilesList.js";

function parseAll(text: string) {
  const parse = createSmilesListParser("list.csv");
  return text.split("\n").flatMap((line, i) => parse(line, i + 1) ?? []);
}

describe("SMILES lists", () => {
  it("reads a CSV by its smiles column, with RFC 4180 quoting", () => {
    expect(parseAll('id,name,SMILES\n1,"ethanol, dry",CCO\n2,x,"C(=O)O"\n')).toEqual([
      { line: 2, smiles: "CCO", name: "ethanol, dry" },
      { line: 3, smiles: "C(=O)O", name: "x" },
    ]);
  });
  it("reads TSV and .smi files, skipping blanks, comments and a bare header", () => {
    expect(parseAll("smiles\tid\nCCO\t1\n")).toEqual([{ line: 2, smiles: "CCO", name: "1" }]);
    expect(parseAll("SMILES\nCCO ethanol, absolute\n\n# x\nO\n")).toEqual([
      { line: 2, smiles: "CCO", name: "ethanol, absolute" },
      { line: 5, smiles: "O" },
    ]);
  });
  it("names the file and line of a CSV without a smiles column or with a broken quote", () => {
    expect(() => parseAll("id,structure\n1,CCO")).toThrow(
      "list.csv: line 1 (header): expected a 'smiles' column, found columns 'id', 'structure'. Name the structure column 'smiles', or give one SMILES per line",
    );
    expect(() => parseAll('id,smiles\n1,"CCO\n')).toThrow(
      "list.csv: line 2: expected a closing double quote, found end of line",
    );
    expect(() => parseAll("id,smiles\n1,\n")).toThrow(
      "list.csv: line 2: expected a value in the 'smiles' column, found an empty field",
    );
  });
});
