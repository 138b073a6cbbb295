import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../api.js";
import { fieldsFromSchema, initialValues, toParameters } from "./schema.js";

const chemProps: JsonSchema = {
  type: "object",
  properties: {
    smiles: { type: "string", description: "SMILES of the structure" },
    molfile: { type: "string" },
  },
};

const everything: JsonSchema = {
  type: "object",
  required: ["mode"],
  properties: {
    mode: { type: "string", enum: ["fast", "exact"] },
    doseMg: { type: "number", minimum: 0, default: 4 },
    cycles: { type: "integer", minimum: 1 },
    fed: { type: "boolean" },
    regimen: { type: "array", items: { type: "number" } },
    spans: {
      type: "array",
      items: { type: "array", prefixItems: [{ type: "number" }, { type: "number" }], items: false },
    },
    settings: { type: "object" },
    route: { anyOf: [{ const: "oral" }, { const: "iv" }] },
    note: { anyOf: [{ type: "string" }, { type: "null" }] },
  },
};

describe("fieldsFromSchema", () => {
  it("makes a text input for smiles and a textarea for molfile", () => {
    const fields = fieldsFromSchema(chemProps);
    expect(fields.map((f) => [f.name, f.control, f.label])).toEqual([
      ["smiles", "text", "SMILES"],
      ["molfile", "textarea", "Molfile"],
    ]);
    expect(fields[0]?.description).toBe("SMILES of the structure");
  });

  it("maps enum → select, number/integer → number, boolean → checkbox, number lists and ranges, other → JSON", () => {
    const controls = Object.fromEntries(fieldsFromSchema(everything).map((f) => [f.name, f.control]));
    expect(controls).toEqual({
      mode: "select",
      doseMg: "number",
      cycles: "number",
      fed: "checkbox",
      regimen: "numbers",
      spans: "ranges",
      settings: "json",
      route: "select",
      note: "textarea",
    });
  });
});

describe("toParameters", () => {
  it("drops empty optional fields and converts types", () => {
    const fields = fieldsFromSchema(everything);
    const values = initialValues(fields);
    expect(values.doseMg).toBe("4");
    const { parameters, errors } = toParameters(fields, {
      ...values,
      mode: "1",
      cycles: "3",
      fed: true,
      regimen: "[1, 8, 15]",
      spans: "0-0.3, 4.3–5.5",
      settings: '{"a": 1}',
      route: "0",
    });
    expect(errors).toEqual({});
    expect(parameters).toEqual({
      mode: "exact",
      doseMg: 4,
      cycles: 3,
      fed: true,
      regimen: [1, 8, 15],
      spans: [
        [0, 0.3],
        [4.3, 5.5],
      ],
      settings: { a: 1 },
      route: "oral",
    });
    expect(toParameters(fields, { ...values, regimen: "1 8; 15" }).parameters.regimen).toEqual([1, 8, 15]);
  });

  it("reports numbers, lists, ranges and JSON the browser can already see are wrong", () => {
    const fields = fieldsFromSchema(everything);
    const { errors } = toParameters(fields, {
      ...initialValues(fields),
      cycles: "2.5",
      regimen: "1, x",
      spans: "0-0.3, 5-4",
      settings: "{",
    });
    expect(Object.keys(errors).sort()).toEqual(["cycles", "regimen", "settings", "spans"]);
    expect(errors.regimen).toBe("expected numbers separated by commas, found 'x'");
    expect(errors.spans).toBe("expected ranges FROM-TO with FROM < TO, e.g. 0-0.3, found '5-4'");
  });

  it("keeps a molfile's leading blank lines", () => {
    const fields = fieldsFromSchema(chemProps);
    const molfile = "\n  RDKit\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n";
    expect(toParameters(fields, { smiles: "", molfile }).parameters).toEqual({ molfile });
  });
});
