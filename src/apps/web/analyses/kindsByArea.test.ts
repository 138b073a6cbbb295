import { describe, expect, it } from "vitest";
import type { Kind } from "../api.js";
import { kindsByArea } from "./kindsByArea.js";

const kind = (id: string) => ({ id, title: id, description: "", parameters: {} }) as Kind;

describe("kindsByArea", () => {
  it("groups by the id's first word, in the order areas first appear, kinds in list order", () => {
    const groups = kindsByArea(["chem.props", "pk.simulate", "hplc.analyze", "pk.nca", "zz.new"].map(kind));
    expect(groups.map((g) => [g.title, g.kinds.map((k) => k.id)])).toEqual([
      ["Chemistry", ["chem.props"]],
      ["Pharmacokinetics", ["pk.simulate", "pk.nca"]],
      ["HPLC", ["hplc.analyze"]],
      ["zz", ["zz.new"]],
    ]);
  });
});
